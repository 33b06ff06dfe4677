import data from '../../../patches.yaml';
import { readCuratedCatalog } from './curated';
import type { LoadedFile } from './entry';
import { jsonProblems } from './qptJson';

/** How the bundled catalog is named in problems and patch sources. */
export const BUNDLED_CATALOG = 'patches.yaml';

let bundled: LoadedFile | undefined;

/**
 * The catalog shipped with the extension: patches.yaml, turned into data at build time (no YAML parsing at run
 * time) and checked on first use. The result is shared, and its entries are frozen.
 */
export function bundledCatalog(): LoadedFile {
  if (bundled === undefined) {
    const { entries, issues } = readCuratedCatalog(data);
    // Every load's patches share these entries' lists and texts: frozen, so no caller can change them for the next.
    bundled = {
      file: BUNDLED_CATALOG,
      kind: 'bundled',
      entries: deepFreeze(entries),
      problems: jsonProblems(BUNDLED_CATALOG, issues),
    };
  }
  return bundled;
}

/** Freezes `value` and everything in it (shared catalog data that no caller may change). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Plain data: its own enumerable keys, walked without building a list of values for each object.
    if (Array.isArray(value)) for (const v of value) deepFreeze(v);
    else for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
