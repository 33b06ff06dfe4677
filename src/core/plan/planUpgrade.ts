import type { Catalog } from '../catalog/patch';
import { satisfies } from '../composer/constraint';
import { type Recommendation, recommend } from '../evidence/recommend';
import { projectAtRelease } from '../releases/releaseProject';
import { compareIds } from '../catalog/idOrder';
import { triage } from '../triage/triage';
import type { TriagedPatch, TriageResult } from '../triage/triaged';
import type { PlanInput, PlannedPatch, PlanOutcome, PlanSource, UpgradePlan } from './upgradePlan';

/**
 * Sorts every patch the project uses today into what becomes of it on the target release: the same Composer rules
 * as triage, on the project's packages moved to the versions the target pins.
 */
export function planUpgrade(input: PlanInput, catalog: Catalog): UpgradePlan {
  const { project, current } = input;
  const target = triage(projectAtRelease(project, input.versions), catalog, { reasons: false });
  const used = usedPatches(input, current, target);
  const patches: PlannedPatch[] = [];
  for (const [id, use] of used) patches.push(plannedPatch(id, use, current, target, input.release));
  for (const local of input.local)
    patches.push({ id: local.id, source: 'local', outcome: 'recheck', blocksUpgrade: false, local });
  patches.sort(byOutcome);

  const newly = target.patches
    .filter((e) => (e.status === 'applicable' || e.status === 'needs-qpt-update') && !used.has(e.patch.id))
    .filter((e) => (current.byId.get(e.patch.id)?.status ?? 'not-applicable') === 'not-applicable')
    .map((e) => e.patch.id);
  const byEvidence = input.evidence !== undefined ? recommendedOn(target, input, new Set(newly)) : undefined;
  const recommended = new Set([...(input.recommended ?? []), ...(byEvidence?.keys() ?? [])]);
  const newlyApplicable = newly.sort(
    (a, b) => Number(recommended.has(b)) - Number(recommended.has(a)) || compareIds(a, b),
  );
  return {
    project,
    from: project.product?.version ?? '',
    to: input.release,
    patches,
    newlyApplicable,
    ...(byEvidence !== undefined ? { recommended: byEvidence } : {}),
    target,
  };
}

/**
 * The newly applicable patches the store's evidence calls for on the target: the target's triage evaluated against
 * the facts read once for the project (cheap: no file is read here), as the Recommended group does today.
 */
function recommendedOn(
  target: TriageResult,
  input: PlanInput,
  newly: ReadonlySet<string>,
): Map<string, Recommendation> {
  const scheduled = new Set(input.scheduled);
  const lookup = (id: string) => (input.applied.has(id) ? 'applied' : scheduled.has(id) ? 'scheduled' : undefined);
  const found = new Map<string, Recommendation>();
  for (const rec of recommend(target, input.evidence ?? { logHits: () => [] }, lookup)) {
    if (rec.recommended && newly.has(rec.entry.patch.id)) found.set(rec.entry.patch.id, rec);
  }
  return found;
}

interface Use {
  source: PlanSource;
  requiredBy: string[];
}

/** Scheduled wins over applied (the schedule is what can block a Cloud build), which wins over required. */
function usedPatches(input: PlanInput, current: TriageResult, target: TriageResult): Map<string, Use> {
  const used = new Map<string, Use>();
  for (const id of input.scheduled) if (!used.has(id)) used.set(id, { source: 'scheduled', requiredBy: [] });
  for (const id of sortedIds(input.applied)) if (!used.has(id)) used.set(id, { source: 'applied', requiredBy: [] });
  // What those need, today or on the target (a range of the target may require a patch today's does not).
  const roots = [...used.keys()];
  for (const id of roots) {
    const needs = new Set([...(current.byId.get(id)?.requires ?? []), ...requiresOnTarget(target.byId.get(id))]);
    for (const dep of needs) {
      const use = used.get(dep);
      if (use === undefined) used.set(dep, { source: 'required', requiredBy: [id] });
      else if (use.source === 'required' && !use.requiredBy.includes(id)) use.requiredBy.push(id);
    }
  }
  return used;
}

/** The applied IDs in ID order, sorted once per set (a project planned against many releases passes the same set). */
const sortedSets = new WeakMap<ReadonlySet<string>, string[]>();
function sortedIds(ids: ReadonlySet<string>): string[] {
  let sorted = sortedSets.get(ids);
  if (sorted === undefined || sorted.length !== ids.size) {
    sorted = [...ids].sort(compareIds);
    sortedSets.set(ids, sorted);
  }
  return sorted;
}

function requiresOnTarget(entry: TriagedPatch | undefined): readonly string[] {
  return entry === undefined || entry.status === 'not-applicable' ? [] : entry.requires;
}

function plannedPatch(
  id: string,
  use: Use,
  current: TriageResult,
  target: TriageResult,
  release: string,
): PlannedPatch {
  const now = current.byId.get(id);
  const then = target.byId.get(id);
  const patch = then?.patch ?? now?.patch;
  const planned: PlannedPatch = {
    id,
    source: use.source,
    outcome: 'available',
    blocksUpgrade: false,
    ...(use.source === 'required' ? { requiredBy: use.requiredBy } : {}),
    ...(patch !== undefined ? { patch } : {}),
  };
  if (then === undefined || then.status === 'not-applicable') {
    planned.outcome = 'no-patch-for-target';
    planned.blocksUpgrade = use.source === 'scheduled';
    if (patch?.fixedIn !== undefined && satisfies(release, `>=${patch.fixedIn}`)) planned.fixedIn = patch.fixedIn;
    return planned;
  }
  const before = now?.target?.file;
  const after = then.target?.file;
  if (after !== undefined && before !== after) {
    if (before !== undefined) planned.currentFile = before;
    planned.targetFile = after;
  }
  if (then.status === 'deprecated' && then.replacedWith !== undefined) planned.replacedWith = then.replacedWith;
  return planned;
}

const ORDER: Record<PlanOutcome, number> = { 'no-patch-for-target': 1, available: 2, recheck: 3 };

function byOutcome(a: PlannedPatch, b: PlannedPatch): number {
  return (
    Number(b.blocksUpgrade) - Number(a.blocksUpgrade) ||
    ORDER[a.outcome] - ORDER[b.outcome] ||
    (a.source === 'local' || b.source === 'local' ? a.id.localeCompare(b.id) : compareIds(a.id, b.id))
  );
}
