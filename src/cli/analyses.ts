import { type Analysis, analyzeLock } from '../core/analyze';
import { formatProblem, InputError, type Problem } from '../core/problem';
import { CatalogCache } from '../core/catalog/catalogCache';
import { FileCatalogStore } from './catalogStore';
import { requireCatalogFiles, Unusable, warn } from './command';
import { lockFilesFor } from './lockFiles';

/**
 * Analyzes every project under `path` (a folder or a composer.lock) with the given catalogs (and the fetched one in
 * `cacheDir`, when given). Projects whose lock
 * cannot be used are warned about (unusable when none is left); catalog problems are warned about once each.
 */
export function analyzeProjects(path: string, catalogs: string[], bundled: boolean, cacheDir?: string): Analysis[] {
  requireCatalogFiles(catalogs);
  const cache = new CatalogCache(new FileCatalogStore());
  const analyses: Analysis[] = [];
  const failures: string[] = [];
  for (const lockFile of lockFilesFor(path)) {
    try {
      analyses.push(
        analyzeLock(lockFile, {
          bundled,
          extraCatalogs: catalogs,
          cache,
          ...(cacheDir !== undefined ? { cacheDir } : {}),
        }),
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  if (analyses.length === 0) throw new Unusable(failures[0]);
  for (const failure of failures) warn(failure);
  warnOnce(analyses.flatMap((a) => a.problems));
  return analyses;
}

/** Warns about each problem once (the same catalog problem shows in every project). */
export function warnOnce(problems: Problem[]): void {
  const seen = new Set<string>();
  for (const p of problems) {
    const line = formatProblem(p);
    if (!seen.has(line)) warn(line);
    seen.add(line);
  }
}
