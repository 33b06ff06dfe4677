import type { Problem } from '../../core/problem';
import type { FolderReport } from '../projects/entries';
import type { TreeNode } from './nodes';

/** What the view shows as a whole; drives the welcome content, the badge and the view message. */
export type WorkspaceState = 'noFolder' | 'noComposer' | 'composerJsonOnly' | 'notCommerce' | 'lockError' | 'ready';

export interface RootSummary {
  state: WorkspaceState;
  /** Applicable patches over all Commerce projects (ignoring the filter). */
  applicable: number;
  /** The first unreadable composer.lock, when there is one. */
  problem: Problem | undefined;
  /** Patch rows that pass the filter, over all shown groups and projects; and the total without the filter. */
  shown: number;
  total: number;
}

/** The state of the workspace, from the project rows (before they are hidden) and what the folders hold. */
export function workspaceState(roots: readonly TreeNode[], folders: readonly FolderReport[]): WorkspaceState {
  if (roots.some((r) => r.kind === 'project')) return 'ready';
  if (roots.some((r) => r.kind === 'broken')) return 'lockError';
  if (folders.length === 0) return 'noFolder';
  if (folders.some((f) => f.status.kind === 'locks')) return 'notCommerce';
  if (folders.some((f) => f.status.kind === 'composer-json-only')) return 'composerJsonOnly';
  return 'noComposer';
}
