import type { CatalogCache } from './catalog/catalogCache';
import { loadCatalog } from './catalog/load';
import type { Catalog } from './catalog/patch';
import { readProject } from './lock/read';
import type { Project } from './lock/project';
import type { Problem } from './problem';
import { triage } from './triage/triage';
import type { TriageResult } from './triage/triaged';

export interface AnalyzeOptions {
  /** Include the bundled patches.yaml (default true). */
  bundled?: boolean;
  /** Extra catalog files: patches.yaml schema or QPT JSON. */
  extraCatalogs?: string[];
  /** The cache folder of fetched QPT metadata (its last good copy is used when it is fresher). */
  cacheDir?: string;
  /** Catalog files and merges shared by the analyses of one run (see {@link CatalogCache}). */
  cache?: CatalogCache;
  /** Work out why each patch that does not apply does not (default true; see `TriageOptions`). */
  reasons?: boolean;
}

/** Everything known about one store: its lock, the merged catalog, and the triage of every patch. */
export interface Analysis {
  project: Project;
  catalog: Catalog;
  result: TriageResult;
  /** Catalog entries that were skipped, unreadable extra files: worth a warning, not fatal. */
  problems: Problem[];
}

/** Reads a composer.lock, loads the catalogs that apply to it and triages every patch. Throws InputError for an unusable lock. */
export function analyzeLock(lockFile: string, options: AnalyzeOptions = {}): Analysis {
  const project = readProject(lockFile);
  const catalog = loadCatalog({
    bundled: options.bundled ?? true,
    project,
    extraFiles: options.extraCatalogs ?? [],
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const result = triage(project, catalog, { reasons: options.reasons ?? true });
  return { project, catalog, result, problems: catalog.problems };
}
