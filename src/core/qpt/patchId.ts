/**
 * Patch IDs as the Quality Patches Tool spells them: `ACSD-61103`, `MDVA-39305-V3`, `ACP2E-3705`, `MCLOUD_6139`,
 * `magento2-33723`, `magento/magento2/34529`. An ID starts with a letter and is made of letters and digits joined
 * by single `-`, `_` or `/`. That alphabet is also what makes an ID safe to pass on to wrappers such as
 * `ddev exec`, which join their arguments into a shell command inside the container.
 */
const PATCH_ID_PATTERN = /^[A-Za-z][A-Za-z0-9]*(?:[-_/][A-Za-z0-9]+)*$/;

/** Longest ID accepted; real IDs are well under 40 characters. */
const PATCH_ID_MAX_LENGTH = 100;

/** True when `id` uses only the ID alphabet above, so it is safe to hand to QPT or a wrapper that joins arguments into a shell line. (Which forms are recognised in text: `isWellFormedPatchId` in catalog/patchId.ts.) */
export function isSafePatchId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= PATCH_ID_MAX_LENGTH && PATCH_ID_PATTERN.test(id);
}

/** Why an ID was refused: `malformed` (not an ID at all), `unknown` (not in the catalog), `empty` (no IDs given). */
export type PatchIdProblem = 'malformed' | 'unknown' | 'empty';

/** A patch ID that must not be passed on. `id` is the offending value exactly as received. */
export class PatchIdError extends Error {
  constructor(
    readonly reason: PatchIdProblem,
    readonly id: string,
  ) {
    super(patchIdMessage(reason, id));
    this.name = 'PatchIdError';
  }
}

function patchIdMessage(reason: PatchIdProblem, id: string): string {
  switch (reason) {
    case 'empty':
      return 'No patch ID given.';
    case 'malformed':
      return (
        `Refusing patch ID ${JSON.stringify(id)}: a patch ID is letters and digits joined by "-", "_" or "/" ` +
        '(like ACSD-61103, MDVA-39305-V3 or magento/magento2/34529).'
      );
    case 'unknown':
      return `Unknown patch ID ${JSON.stringify(id)}: it is not in the patch catalog.`;
  }
}

/** Anything that can say whether it knows an ID: a `Set` of IDs, or the catalog's `Map` of patches. */
export interface KnownIds {
  has(id: string): boolean;
}

/**
 * Checks IDs before they go anywhere: each must be well formed and, when `known` is given, known.
 * Returns them in order with duplicates dropped; throws {@link PatchIdError} naming the first bad one.
 */
export function checkPatchIds(ids: readonly unknown[], known?: KnownIds): string[] {
  if (ids.length === 0) throw new PatchIdError('empty', '');
  const out: string[] = [];
  for (const id of ids) {
    if (!isSafePatchId(id)) throw new PatchIdError('malformed', typeof id === 'string' ? id : String(id));
    if (known !== undefined && !known.has(id)) throw new PatchIdError('unknown', id);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * An ID as QPT's `apply` and `revert` accept it: upper-cased. QPT upper-cases every ID of its catalogs and compares
 * the command line's IDs as given, so `acp2e-3705` and `magento/magento2/34528` are "not found" (exit 1). Only the
 * command line uses this form; the extension names patches as the catalog spells them.
 */
export function qptCommandLineId(id: string): string {
  return id.toUpperCase();
}

/**
 * Finds the catalog's spelling of an ID that QPT printed (`MAGENTO/MAGENTO2/34528` → `magento/magento2/34528`):
 * an exact match first, else the one ID that equals it regardless of case. Returns undefined when there is none.
 */
export function catalogIdLookup(catalogIds: Iterable<string>): (qptId: string) => string | undefined {
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  for (const id of catalogIds) {
    exact.add(id);
    const key = id.toUpperCase();
    if (!folded.has(key)) folded.set(key, id);
  }
  return (qptId) => (exact.has(qptId) ? qptId : folded.get(qptId.toUpperCase()));
}

/**
 * A set of IDs as written (iteration keeps their spelling) whose `has` ignores case: `.magento.env.yaml` lists
 * `MAGENTO/MAGENTO2/34528` for the catalog's `magento/magento2/34528`.
 */
export function caseInsensitiveIds(ids: Iterable<string>): ReadonlySet<string> {
  const written = new Set(ids);
  const folded = new Set([...written].map(qptCommandLineId));
  return new Proxy(written, {
    get(target, key) {
      if (key === 'has') return (id: string) => typeof id === 'string' && folded.has(qptCommandLineId(id));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
