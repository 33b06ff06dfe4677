import type { TriagedPatch, TriageResult } from '../triage/triaged';
import { evaluateSignature, type StoreFacts } from './evaluate';
import type { Evidence } from './evidence';

/** Whether a patch is in the store, as far as known (QPT's status, the applied-state check, `.magento.env.yaml`). */
type AppliedState = 'applied' | 'not-applied' | 'scheduled';

/** Looks up a patch's applied state by ID; undefined when not known. */
export type AppliedLookup = (id: string) => AppliedState | undefined;

/** A patch the store's own logs or settings call for. */
export interface Recommendation {
  /** The patch to apply (for evidence of a deprecated patch: its replacement). */
  entry: TriagedPatch;
  /** False for a patch already applied or scheduled: its evidence is shown (old log lines outlive the fix). */
  recommended: boolean;
  state?: AppliedState;
  evidence: Evidence[];
  /** The patches whose signatures matched: the patch itself and/or deprecated patches it replaces. */
  via: string[];
  /**
   * For a deprecated patch whose own signature holds: the patch its evidence recommends (its replacement, whose
   * recommendation lists this patch in `via`). Such an entry carries its own evidence and is never `recommended`.
   */
  replacement?: TriagedPatch;
}

/**
 * The patches to recommend for one store: those that apply to the installed version, whose signature holds, and
 * that are neither applied nor scheduled. Evidence for a deprecated patch recommends its replacement (following
 * the chain to a patch that is not deprecated). Patches that are applied or scheduled but whose evidence holds
 * are listed with `recommended: false`. A deprecated patch whose evidence went to its replacement is listed too, with
 * its own evidence and `replacement` set (never recommended itself). Recommended first, then by ID.
 */
export function recommend(
  result: TriageResult,
  facts: StoreFacts,
  applied: AppliedLookup = () => undefined,
): Recommendation[] {
  const byId = new Map<string, Recommendation>();
  const replaced: Recommendation[] = [];
  for (const entry of result.patches) {
    if (entry.status === 'not-applicable') break; // matched patches come first
    const signature = entry.patch.metadata;
    if (signature === undefined) continue;
    const { verdict, evidence } = evaluateSignature(signature, facts);
    if (verdict !== 'yes') continue;
    const ownState = applied(entry.patch.id);
    const target =
      ownState === 'applied' || ownState === 'scheduled' || entry.status !== 'deprecated'
        ? entry
        : replacementOf(entry, result);
    if (target === undefined) continue;
    let rec = byId.get(target.patch.id);
    if (rec === undefined) {
      const state = applied(target.patch.id);
      rec = { entry: target, recommended: state !== 'applied' && state !== 'scheduled', evidence: [], via: [] };
      if (state !== undefined) rec.state = state;
      byId.set(target.patch.id, rec);
    }
    rec.via.push(entry.patch.id);
    addEvidence(rec.evidence, evidence);
    if (target !== entry) {
      const own: Evidence[] = [];
      addEvidence(own, evidence);
      replaced.push({ entry, recommended: false, evidence: own, via: [entry.patch.id], replacement: target });
    }
  }
  return [...byId.values(), ...replaced].sort(
    (a, b) => Number(b.recommended) - Number(a.recommended) || (a.entry.patch.id < b.entry.patch.id ? -1 : 1),
  );
}

/** The first patch of the replacement chain that applies and is not deprecated, if any. */
function replacementOf(entry: TriagedPatch, result: TriageResult): TriagedPatch | undefined {
  const seen = new Set<string>([entry.patch.id]);
  let current = entry;
  for (;;) {
    const id = current.replacedWith ?? current.patch.replacedWith;
    if (id === undefined || seen.has(id)) return undefined;
    seen.add(id);
    const next = result.byId.get(id);
    if (next === undefined || next.status === 'not-applicable') return undefined;
    if (next.status !== 'deprecated') return next;
    current = next;
  }
}

/** Adds evidence not already there (patches of one chain often share a signature). */
function addEvidence(into: Evidence[], more: readonly Evidence[]): void {
  for (const e of more) {
    const same = into.some((o) =>
      o.type === 'log' && e.type === 'log'
        ? o.file === e.file && o.line === e.line
        : o.type === 'config' && e.type === 'config' && o.path === e.path,
    );
    if (!same) into.push(e);
  }
}
