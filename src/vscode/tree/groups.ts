import * as vscode from 'vscode';
import {
  isApplied,
  isConflict,
  isRecommended,
  isScheduled,
  isSkipped,
  isSupersededWhenApplied,
  type ProjectPatchState,
} from '../../core/state/patchState';
import { statusLabel } from '../../core/text/describe';
import type { PatchStatus, TriagedPatch } from '../../core/triage/triaged';
import { t } from '../l10n';
import { stateIcon, statusIcon } from '../markdown';

/**
 * One status group under a project. The view shows the groups in this order, each when its `id` is listed in
 * `commercePatches.statuses`. A new group is one more entry here whose `includes` looks at whatever state it
 * needs (and its name in the setting's enum in package.json).
 */
export interface GroupSpec {
  /** Stable name, also the value in `commercePatches.statuses` and part of tree item IDs. */
  id: string;
  label(): string;
  icon(): vscode.ThemeIcon;
  /** Expanded when first shown. */
  expanded: boolean;
  includes(entry: TriagedPatch, state: ProjectPatchState): boolean;
  /** For the groups of a triage status: that status. */
  status?: PatchStatus;
  /** Patches in this group leave the status groups (a patch QPT has applied is no longer to do). */
  takes?: boolean;
}

function statusGroup(status: PatchStatus, expanded: boolean): GroupSpec {
  return {
    id: status,
    label: () => statusLabel(status),
    icon: () => statusIcon(status),
    expanded,
    status,
    includes: (entry) => entry.status === status,
  };
}

/** Patches found applied: by the extension's check of the vendor files, else by QPT's last status. */
const APPLIED_GROUP: GroupSpec = {
  id: 'applied',
  label: () => t('Applied'),
  icon: () => new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green')),
  expanded: false,
  takes: true,
  includes: (entry, state) => isApplied(state, entry.patch.id) && !isSupersededWhenApplied(state, entry),
};

/** Patches whose changes match neither way in the vendor files (QPT says N/A). */
const CONFLICT_GROUP: GroupSpec = {
  id: 'conflict',
  label: () => t('Conflicts'),
  icon: () => stateIcon('conflict'),
  expanded: false,
  takes: true,
  includes: (entry, state) => isConflict(state, entry.patch.id),
};

/** Patches listed in `.magento.env.yaml` `stage.build.QUALITY_PATCHES` of a Cloud project. */
const SCHEDULED_GROUP: GroupSpec = {
  id: 'scheduled',
  label: () => t('Scheduled (Cloud build)'),
  icon: () => new vscode.ThemeIcon('cloud', new vscode.ThemeColor('charts.purple')),
  expanded: false,
  includes: (entry, state) => isScheduled(state, entry.patch.id),
};

/** Patches the store's own logs or settings call for (applicable, not applied or scheduled), with their evidence. */
const RECOMMENDED_GROUP: GroupSpec = {
  id: 'recommended',
  label: () => t('Recommended for this store'),
  icon: () => new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.orange')),
  expanded: true,
  includes: (entry, state) => isRecommended(state, entry.patch.id),
};

/** Patches the team decided to skip (`.commerce-patches.yaml`): they leave the status groups; the row shows the note. */
const SKIPPED_GROUP: GroupSpec = {
  id: 'skipped',
  label: () => t('Skipped'),
  icon: () => new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  expanded: false,
  takes: true,
  includes: (entry, state) => isSkipped(state, entry.patch.id),
};

export const GROUPS: readonly GroupSpec[] = [
  RECOMMENDED_GROUP,
  statusGroup('applicable', true),
  statusGroup('needs-qpt-update', false),
  statusGroup('deprecated', false),
  APPLIED_GROUP,
  CONFLICT_GROUP,
  SCHEDULED_GROUP,
  SKIPPED_GROUP,
  statusGroup('not-applicable', false),
];

/** The group of the project's own patches (`m2-hotfixes/`, composer-patches entries), after the status groups. */
export const LOCAL_GROUP_ID = 'local';

/** Groups with more patches than this are split by category when grouping by category. */
export const CATEGORY_THRESHOLD = 15;

/**
 * The patches a project's Applicable group holds (before any filter): applicable, and not taken by a shown group
 * that takes its patches (Applied, Conflicts, Skipped). The badge and the status bar give this same count.
 */
export function applicableShown(
  patches: readonly TriagedPatch[],
  state: ProjectPatchState,
  statuses: ReadonlySet<string>,
): number {
  const takers = GROUPS.filter((spec) => spec.takes === true && statuses.has(spec.id));
  let count = 0;
  for (const p of patches) if (p.status === 'applicable' && !takers.some((spec) => spec.includes(p, state))) count++;
  return count;
}
