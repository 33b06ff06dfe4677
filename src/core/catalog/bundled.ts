import data from '../../../patches.yaml';
import { readCuratedCatalog } from './curated';
import type { LoadedFile } from './entry';
import { jsonProblems } from './qptJson';

/** How the bundled catalog is named in problems and patch sources. */
export const BUNDLED_CATALOG = 'patches.yaml';

let bundled: LoadedFile | undefined;

/**
 * The catalog shipped with the extension: patches.yaml, turned into data at build time (no YAML parsing at run
 * time) and checked on first use. The result is shared: callers must not modify it.
 */
export function bundledCatalog(): LoadedFile {
  if (bundled === undefined) {
    const { entries, issues } = readCuratedCatalog(data);
    bundled = { file: BUNDLED_CATALOG, kind: 'bundled', entries, problems: jsonProblems(BUNDLED_CATALOG, issues) };
  }
  return bundled;
}
