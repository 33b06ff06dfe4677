import coerce from 'semver/functions/coerce';
import gt from 'semver/functions/gt';
import { inIdOrder } from '../catalog/idOrder';
import type { Catalog, Patch, PatchTarget } from '../catalog/patch';
import { satisfies } from '../composer/constraint';
import type { Project } from '../lock/project';
import type { NotApplicableReason, PatchStatus, TriagedPatch, TriageResult } from './triaged';

/**
 * Sorts every catalog patch into a status for one project: a patch applies when any package it targets is installed
 * at a version its constraint accepts (Composer rules). Deprecated wins over "needs QPT update", which wins over
 * "applicable".
 */
export function triage(project: Project, catalog: Catalog, options: TriageOptions = {}): TriageResult {
  const matched: TriagedPatch[] = [];
  const rest: TriagedPatch[] = [];
  const installed = new InstalledVersions(project);
  const installedFiles = new Set(catalog.sources.filter((s) => s.layer === 'installed').map((s) => s.file));
  const reasons = options.reasons ?? true;
  for (const patch of sortedPatches(catalog)) {
    const entry = triagePatch(project, installed, patch, installedFiles, reasons);
    (entry.status === 'not-applicable' ? rest : matched).push(entry);
  }
  const byId = new Map<string, TriagedPatch>();
  for (const e of matched) byId.set(e.patch.id, e);
  for (const e of rest) byId.set(e.patch.id, e);
  for (const e of matched) e.requires = resolveRequires(e, byId);

  const counts: Record<PatchStatus, number> = {
    applicable: 0,
    'needs-qpt-update': 0,
    deprecated: 0,
    'not-applicable': 0,
  };
  for (const e of matched) counts[e.status]++;
  counts['not-applicable'] = rest.length;
  return { project, patches: [...matched, ...rest], byId, counts };
}

export interface TriageOptions {
  /** Work out why each patch does not apply (default true); a caller that only needs the statuses saves the time. */
  reasons?: boolean;
}

function triagePatch(
  project: Project,
  installed: InstalledVersions,
  patch: Patch,
  installedFiles: Set<string>,
  reasons: boolean,
): TriagedPatch {
  const target = matchingTarget(installed, patch);
  if (target === undefined) {
    return {
      patch,
      status: 'not-applicable',
      ...(reasons ? { reason: whyNot(project, patch) } : {}),
      requires: patch.require,
    };
  }
  const installedVersion = project.packages.get(target.package);
  const replacedWith = target.replacedWith ?? patch.replacedWith;
  let status: PatchStatus = 'applicable';
  if (target.deprecated || patch.deprecated) status = 'deprecated';
  else if (installed.arrivesAfter(patch.qptVersion) && !fromInstalled(patch, installedFiles))
    status = 'needs-qpt-update';
  return { patch, status, target, installedVersion, requires: target.require, replacedWith };
}

function matchingTarget(installed: InstalledVersions, patch: Patch): PatchTarget | undefined {
  for (const target of patch.targets) if (installed.satisfy(target.package, target.constraint)) return target;
  return undefined;
}

/**
 * Does a project's installed version of a package satisfy a constraint? Answered once per package and constraint
 * text: a catalog's ranges repeat a few hundred package and constraint pairs many times over.
 */
class InstalledVersions {
  private readonly answers = new Map<string, Map<string, boolean>>();
  /** Per QPT release named by a patch: a catalog's thousand patches name a few dozen releases. */
  private readonly later = new Map<string, boolean>();
  constructor(private readonly project: Project) {}

  /** True when the catalog says the patch arrived in a QPT release newer than the installed one. */
  arrivesAfter(patchQpt: string | undefined): boolean {
    const installedQpt = this.project.qpt.installed;
    if (patchQpt === undefined || installedQpt === null) return false;
    let answer = this.later.get(patchQpt);
    if (answer === undefined) {
      const a = coerce(patchQpt);
      const b = coerce(installedQpt);
      answer = a !== null && b !== null && gt(a, b);
      this.later.set(patchQpt, answer);
    }
    return answer;
  }

  satisfy(pkg: string, constraint: string): boolean {
    let byConstraint = this.answers.get(pkg);
    if (byConstraint === undefined) {
      byConstraint = new Map();
      this.answers.set(pkg, byConstraint);
    }
    let answer = byConstraint.get(constraint);
    if (answer === undefined) {
      const version = this.project.packages.get(pkg);
      answer = version !== undefined && satisfies(version, constraint);
      byConstraint.set(constraint, answer);
    }
    return answer;
  }
}

function whyNot(project: Project, patch: Patch): NotApplicableReason {
  const productVersion = project.product?.version;
  if (patch.fixedIn !== undefined && productVersion !== undefined && satisfies(productVersion, `>=${patch.fixedIn}`)) {
    return { kind: 'fixed-in', version: patch.fixedIn };
  }
  // One pass: the first targeted package that is installed, and every package targeted.
  let pkg: string | undefined;
  const packages: string[] = [];
  for (const t of patch.targets) {
    if (pkg === undefined && project.packages.has(t.package)) pkg = t.package;
    if (!packages.includes(t.package)) packages.push(t.package);
  }
  if (pkg === undefined) return { kind: 'package-missing', packages };
  const constraints: string[] = [];
  for (const t of patch.targets) if (t.package === pkg) constraints.push(t.constraint);
  return { kind: 'version-out-of-range', package: pkg, installed: project.packages.get(pkg) ?? '', constraints };
}

/** True when the installed QPT metadata has the patch: then the installed tool can apply it, whatever else says. */
function fromInstalled(patch: Patch, installedFiles: Set<string>): boolean {
  if (installedFiles.size === 0) return false;
  for (const file of patch.sources) if (installedFiles.has(file)) return true;
  return false;
}

/** Required patches, transitively, dependencies first; cycles are cut, unknown IDs kept as written. */
function resolveRequires(entry: TriagedPatch, byId: Map<string, TriagedPatch>): readonly string[] {
  if (entry.requires.length === 0) return entry.requires;
  const order: string[] = [];
  const seen = new Set<string>([entry.patch.id]);
  const visit = (ids: readonly string[]) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const dep = byId.get(id);
      if (dep !== undefined) visit(dep.target?.require ?? dep.patch.require);
      order.push(id);
    }
  };
  visit(entry.requires);
  return order;
}

/**
 * The catalog's patches in ID order: as they are when the merge put them so, else sorted once per catalog (every
 * triage of it reuses the order).
 */
const sortedByCatalog = new WeakMap<Catalog, Patch[]>();

function sortedPatches(catalog: Catalog): Iterable<Patch> {
  if (catalog.inIdOrder === true) return catalog.patches.values();
  let sorted = sortedByCatalog.get(catalog);
  if (sorted === undefined || sorted.length !== catalog.patches.size) {
    sorted = inIdOrder(catalog.patches.values());
    sortedByCatalog.set(catalog, sorted);
  }
  return sorted;
}
