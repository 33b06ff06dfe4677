import type { NotApplicableReason, TriagedPatch, TriageResult } from '../triage/triaged';

/**
 * Why patch `id` cannot be applied to the project, or undefined when it can be offered: it is unknown to the
 * catalogs, already applied (QPT status), needs a newer QPT, or does not apply to the installed version.
 */
export type ApplyRefusal =
  | { kind: 'unknown' }
  | { kind: 'applied' }
  | { kind: 'needs-qpt-update' }
  | { kind: 'not-applicable'; reason: NotApplicableReason | undefined };

export function applyRefusal(result: TriageResult, id: string, applied: ReadonlySet<string>): ApplyRefusal | undefined {
  const triaged = result.byId.get(id);
  if (triaged === undefined) return { kind: 'unknown' };
  if (applied.has(id)) return { kind: 'applied' };
  if (triaged.status === 'needs-qpt-update') return { kind: 'needs-qpt-update' };
  if (triaged.status === 'not-applicable') return { kind: 'not-applicable', reason: triaged.reason };
  return undefined;
}

/** What "Apply patch" offers: the applicable patches not yet applied, and the deprecated ones, with what is picked. */
export interface ApplyChoices {
  applicable: TriagedPatch[];
  deprecated: TriagedPatch[];
  /** Preselected: the asked patch (or its replacement) and what it requires. */
  picked: ReadonlySet<string>;
  /** Set when the asked patch is deprecated and its replacement, offered too, was picked in its place. */
  replaced?: { deprecated: string; replacement: string };
}

export function applyChoices(result: TriageResult, applied: ReadonlySet<string>, preselect?: string): ApplyChoices {
  const patches = result.patches.filter((p) => !applied.has(p.patch.id));
  const applicable = patches.filter((p) => p.status === 'applicable');
  const deprecated = patches.filter((p) => p.status === 'deprecated');
  let select = preselect;
  let replaced: ApplyChoices['replaced'];
  const pre = preselect === undefined ? undefined : result.byId.get(preselect);
  if (
    pre?.status === 'deprecated' &&
    pre.replacedWith !== undefined &&
    applicable.some((p) => p.patch.id === pre.replacedWith)
  ) {
    select = pre.replacedWith;
    replaced = { deprecated: pre.patch.id, replacement: pre.replacedWith };
  }
  const picked = new Set<string>();
  if (select !== undefined) {
    picked.add(select);
    for (const id of result.byId.get(select)?.requires ?? []) picked.add(id);
  }
  return { applicable, deprecated, picked, replaced };
}

/**
 * The IDs to pass on: each chosen patch preceded by the patches it requires (in apply order) that are not applied
 * yet and that the catalog knows. `added` are the required ones that were not chosen.
 */
export function withRequirements(
  result: TriageResult,
  known: { has(id: string): boolean },
  chosen: readonly string[],
  applied: ReadonlySet<string>,
): { ids: string[]; added: string[] } {
  const ids: string[] = [];
  const added: string[] = [];
  for (const id of chosen) {
    for (const req of result.byId.get(id)?.requires ?? []) {
      if (ids.includes(req) || applied.has(req) || !known.has(req)) continue;
      ids.push(req);
      if (!chosen.includes(req)) added.push(req);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, added };
}

/** The deprecated patches among `ids`, in order. */
export function deprecatedAmong(result: TriageResult, ids: readonly string[]): TriagedPatch[] {
  return ids.map((id) => result.byId.get(id)).filter((p): p is TriagedPatch => p?.status === 'deprecated');
}
