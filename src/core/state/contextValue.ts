import type { TriagedPatch } from '../triage/triaged';
import { isApplied, isScheduled, type ProjectPatchState } from './patchState';

/**
 * A patch row's `contextValue`, which the manifest's menus match: `patch.<status>`, then `.applied` when QPT reports
 * it applied, `.scheduled` when `.magento.env.yaml` lists it, `.cloud` for a Cloud project; in that order, e.g.
 * `patch.applicable.scheduled.cloud`.
 */
export function patchContextValue(entry: TriagedPatch, state: ProjectPatchState, cloud: boolean): string {
  let value = `patch.${entry.status}`;
  if (isApplied(state, entry.patch.id)) value += '.applied';
  if (isScheduled(state, entry.patch.id)) value += '.scheduled';
  if (cloud) value += '.cloud';
  return value;
}
