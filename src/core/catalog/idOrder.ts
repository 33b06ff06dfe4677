import type { Patch } from './patch';

const KEY_CACHE_LIMIT = 20_000;
const sortKeys = new Map<string, string>();

/**
 * `ACSD-9` → `ACSD-000000000009`: plain string order of these keys is natural ID order. Cached per ID, since every
 * catalog load sorts the same IDs again.
 */
function idSortKey(id: string): string {
  let key = sortKeys.get(id);
  if (key === undefined) {
    key = id.toUpperCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'));
    if (sortKeys.size >= KEY_CACHE_LIMIT) sortKeys.clear();
    sortKeys.set(id, key);
  }
  return key;
}

/** Orders IDs by prefix, then numerically (ACSD-9 before ACSD-10). */
export function compareIds(a: string, b: string): number {
  const x = idSortKey(a);
  const y = idSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The patches in ID order ({@link compareIds}). */
export function inIdOrder(patches: Iterable<Patch>): Patch[] {
  return [...patches]
    .map((patch) => ({ patch, key: idSortKey(patch.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.patch);
}
