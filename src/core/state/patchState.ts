import type { QptStatus } from '../qpt/status';

/** What `magento-patches status` said about a project, and when. */
export interface AppliedSnapshot {
  /** QPT's status of every patch it listed. */
  states: ReadonlyMap<string, QptStatus>;
  /** When the status was read (milliseconds since the epoch). */
  checkedAt: number;
}

/** What is known about a project's patches beyond the triage: applied (QPT status) and scheduled (Cloud). */
export interface ProjectPatchState {
  /** The last QPT status, when it was checked and nothing changed since. */
  applied?: AppliedSnapshot;
  /** IDs in `.magento.env.yaml` `stage.build.QUALITY_PATCHES`; undefined for a project that is not on Cloud. */
  scheduled?: ReadonlySet<string>;
}

export function isApplied(state: ProjectPatchState, id: string): boolean {
  return state.applied?.states.get(id) === 'Applied';
}

export function isScheduled(state: ProjectPatchState, id: string): boolean {
  return state.scheduled?.has(id) === true;
}

/** IDs QPT reports as applied (empty when the state is unknown). */
export function appliedIds(snapshot: AppliedSnapshot | undefined): Set<string> {
  return new Set([...(snapshot?.states ?? [])].filter(([, s]) => s === 'Applied').map(([id]) => id));
}
