import type { PatchStatus, TriageResult } from './triaged';

/** Patches per status once the applied ones have left their status group for the Applied group. */
export type CountsWithApplied = Record<PatchStatus | 'applied', number>;

/**
 * The counts every place shows (tree groups, the view's badge, the status bar) when the applied state is known:
 * a patch that is applied counts in `applied` only, whatever its triage status. `isApplied` is asked with the
 * catalog's IDs.
 */
export function countsWithApplied(result: TriageResult, isApplied: (id: string) => boolean): CountsWithApplied {
  const counts: CountsWithApplied = { ...result.counts, applied: 0 };
  for (const p of result.patches) {
    if (!isApplied(p.patch.id)) continue;
    counts[p.status]--;
    counts.applied++;
  }
  return counts;
}
