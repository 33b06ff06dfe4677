import { resolve } from 'node:path';
import type { Analysis } from '../analyze';
import { loadCatalog, qptMetadataDir } from '../catalog/load';
import type { Project } from '../lock/project';
import { InputError } from '../problem';
import { t } from '../text/translate';
import { triage } from '../triage/triage';
import { type ReleaseEdition, releaseProject } from './releaseProject';
import { catalogFolders, findReleaseTable, type ReleaseTable, sortedReleases } from './releaseTable';

export interface ReleaseAnalysisOptions {
  /** Include the bundled patches.yaml (default true). */
  bundled?: boolean;
  extraCatalogs?: string[];
  edition?: ReleaseEdition;
  cloud?: boolean;
  /** A store whose installed QPT metadata (catalog and release list) is used. */
  store?: Project;
}

/** The release list for a store (its installed QPT's) and catalog files (one beside them), else the bundled one. */
export function releaseTableFor(store: Project | undefined, extraCatalogs: readonly string[] = []): ReleaseTable {
  const folders = [
    ...(store !== undefined ? [qptMetadataDir(store)] : []),
    ...catalogFolders(extraCatalogs.map((f) => resolve(f))),
  ];
  return findReleaseTable(folders);
}

/** The error for a release the list does not hold, naming the list's range. */
export function unknownRelease(release: string, table: ReleaseTable): InputError {
  const all = sortedReleases(table);
  return new InputError({
    severity: 'error',
    file: table.source,
    message: t(
      'unknown release {0}: the release list has {1} releases, {2} to {3}',
      release,
      all.length,
      all[0] ?? '',
      all[all.length - 1] ?? '',
    ),
  });
}

/**
 * Triages a release's own package versions, as if a store ran exactly that release: Adobe's patch search page,
 * offline and with exact matching. Throws {@link InputError} for a release the list does not know.
 */
export function analyzeRelease(release: string, options: ReleaseAnalysisOptions = {}): Analysis {
  const extra = options.extraCatalogs ?? [];
  const table = releaseTableFor(options.store, extra);
  const project = releaseProject(table, release, { edition: options.edition, cloud: options.cloud });
  if (project === undefined) throw unknownRelease(release, table);
  const catalog = loadCatalog({ bundled: options.bundled ?? true, project: options.store, extraFiles: extra });
  catalog.problems.push(...table.problems);
  return { project, catalog, result: triage(project, catalog), problems: catalog.problems };
}
