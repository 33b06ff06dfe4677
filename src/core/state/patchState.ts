import type { Recommendation } from '../evidence/recommend';
import type { RecordedDecision } from '../decisions/decision';
import type { AppliedState, StateResult } from '../applied/appliedState';
import type { LocalPatchState } from '../applied/localPatches';
import type { QptStatus } from '../qpt/status';
import type { TriagedPatch, TriageResult } from '../triage/triaged';

/** The extension's own check of the vendor files: the state of every matched patch, and the local patches. */
export interface CheckedSnapshot {
  patches: ReadonlyMap<string, StateResult>;
  local: readonly LocalPatchState[];
  /** The check is still running: nothing is known yet (the lists are empty). */
  pending?: boolean;
}

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
  /** The extension's own check of the vendor files (the same verdicts as QPT's `git apply --check`). */
  checked?: CheckedSnapshot;
  /** What the store's logs and settings say, by patch ID (recommended patches, and applied ones still showing evidence). */
  evidence?: ReadonlyMap<string, Recommendation>;
  /** The team's decisions from `.commerce-patches.yaml`, by patch ID. */
  decisions?: ReadonlyMap<string, RecordedDecision>;
}

/** A patch the store's own logs or settings call for (and that is neither applied nor scheduled). */
export function isRecommended(state: ProjectPatchState, id: string): boolean {
  return state.evidence?.get(id)?.recommended === true;
}

export function decisionOf(state: ProjectPatchState, id: string): RecordedDecision | undefined {
  return state.decisions?.get(id);
}

export function isSkipped(state: ProjectPatchState, id: string): boolean {
  return state.decisions?.get(id)?.decision === 'skip';
}

/** The state the extension's check found for patch `id`, when it was checked. */
export function checkedState(state: ProjectPatchState, id: string): AppliedState | undefined {
  return state.checked?.patches.get(id)?.state;
}

/** Applied: by the extension's check when it could check the patch, else by QPT's last status. */
export function isApplied(state: ProjectPatchState, id: string): boolean {
  const checked = checkedState(state, id);
  return checked !== undefined && checked !== 'unknown'
    ? checked === 'applied'
    : state.applied?.states.get(id) === 'Applied';
}

/**
 * QPT's display rule: a deprecated patch whose replacement is applied is hidden (QPT's status lists a deprecated
 * patch only while it is applied, and not once its replacement is). `applied` says whether a patch is applied; the
 * Patches view and `commerce-patches status` both leave such a patch out.
 */
export function isSuperseded(triaged: TriagedPatch, applied: (id: string) => boolean): boolean {
  return triaged.status === 'deprecated' && triaged.replacedWith !== undefined && applied(triaged.replacedWith);
}

/** {@link isSuperseded}, with applied as the view knows it (the extension's check, else QPT's last status). */
export function isSupersededWhenApplied(state: ProjectPatchState, triaged: TriagedPatch): boolean {
  return isSuperseded(triaged, (id) => isApplied(state, id));
}

/**
 * The patches applied as the Patches view's Applied group shows them: by the extension's own check wherever it
 * could check a patch, by QPT's last status where the check is unknown (or was not made), less a deprecated patch
 * whose replacement is applied. What an upgrade plan starts from.
 */
export function appliedPatchIds(state: ProjectPatchState, result: TriageResult): Set<string> {
  const ids = new Set<string>();
  for (const e of result.patches) {
    if (e.status === 'not-applicable') break; // matched patches come first
    if (isApplied(state, e.patch.id) && !isSupersededWhenApplied(state, e)) ids.add(e.patch.id);
  }
  // QPT's word for what triage does not match (an ID no catalog knows, a patch for another version).
  for (const id of appliedIds(state.applied)) {
    const e = result.byId.get(id);
    if (e === undefined || e.status === 'not-applicable') ids.add(id);
  }
  return ids;
}

/** The extension's check found the patch neither applied nor applicable. */
export function isConflict(state: ProjectPatchState, id: string): boolean {
  return checkedState(state, id) === 'conflict';
}

/**
 * When QPT's last status and the extension's check disagree: QPT's word for the patch. QPT's "N/A" matches a
 * conflict (or a patch that cannot be checked); the extension's "unknown" never counts as a disagreement.
 */
export function qptDisagreement(state: ProjectPatchState, id: string): QptStatus | undefined {
  const qpt = state.applied?.states.get(id);
  const checked = checkedState(state, id);
  if (qpt === undefined || checked === undefined || checked === 'unknown') return undefined;
  const same = { Applied: 'applied', 'Not applied': 'not-applied', 'N/A': 'conflict' }[qpt];
  return same === checked ? undefined : qpt;
}

export function isScheduled(state: ProjectPatchState, id: string): boolean {
  return state.scheduled?.has(id) === true;
}

/** IDs QPT reports as applied (empty when the state is unknown). */
export function appliedIds(snapshot: AppliedSnapshot | undefined): Set<string> {
  return new Set([...(snapshot?.states ?? [])].filter(([, s]) => s === 'Applied').map(([id]) => id));
}
