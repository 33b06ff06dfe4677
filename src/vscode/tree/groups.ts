import type * as vscode from 'vscode';
import { statusLabel, type Translate } from '../../core/text/describe';
import type { PatchStatus, TriagedPatch } from '../../core/triage/triaged';
import { statusIcon } from '../patchMarkdown';

/**
 * One status group under a project. The view shows the groups in this order, each when its `id` is listed in
 * `commercePatches.statuses`. A new group (for example patches already applied, or scheduled for the next Cloud
 * build) is one more entry here whose `includes` looks at whatever state it needs.
 */
export interface GroupSpec {
  /** Stable name, also the value in `commercePatches.statuses` and part of tree item IDs. */
  id: string;
  label(t: Translate): string;
  icon(): vscode.ThemeIcon;
  /** Expanded when first shown. */
  expanded: boolean;
  includes(entry: TriagedPatch): boolean;
}

function statusGroup(status: PatchStatus, expanded: boolean): GroupSpec {
  return {
    id: status,
    label: (t) => statusLabel(status, t),
    icon: () => statusIcon(status),
    expanded,
    includes: (entry) => entry.status === status,
  };
}

export const GROUPS: readonly GroupSpec[] = [
  statusGroup('applicable', true),
  statusGroup('needs-qpt-update', false),
  statusGroup('deprecated', false),
  statusGroup('not-applicable', false),
];

/** Groups with more patches than this are split by category when grouping by category. */
export const CATEGORY_THRESHOLD = 15;
