import { existsSync } from 'node:fs';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { dirname, join } from 'node:path';
import { compareVersions, parseVersion } from '../composer/version';
import { parseJsonText } from '../lock/jsonText';
import { readFailure } from '../lock/read';
import { InputError, type Problem } from '../problem';
import { t } from '../text/translate';
import bundled from './releases.json';

/** The file QPT ships with the product releases and the version of each key package in them. */
const RELEASES_FILE = 'magento_releases.json';

/** Product releases and the package versions each pins (`magento/magento2-base` → `2.4.6-p3`, …). */
export interface ReleaseTable {
  /** Where the table came from: a `magento_releases.json`, or `bundled`. */
  source: string;
  /** The QPT release the table belongs to, when known. */
  qpt?: string;
  /** Release → package → version, in the file's order. */
  releases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Entries left out because they were not a release with package versions. */
  problems: Problem[];
}

interface CompactTable {
  qpt: string | null;
  packages: string[];
  releases: Record<string, Array<string | null>>;
}

let bundledTable: ReleaseTable | undefined;

/** The release list bundled at build time (`build/releases.mjs` writes it from QPT's `magento_releases.json`). */
export function bundledReleases(): ReleaseTable {
  if (bundledTable === undefined) {
    const data = bundled as CompactTable;
    const releases = new Map<string, Map<string, string>>();
    for (const [release, row] of Object.entries(data.releases)) {
      const versions = new Map<string, string>();
      row.forEach((v, i) => v !== null && versions.set(data.packages[i], v));
      releases.set(release, versions);
    }
    bundledTable = {
      source: 'magento_releases.json (bundled)',
      ...(data.qpt !== null ? { qpt: data.qpt } : {}),
      releases,
      problems: [],
    };
  }
  return bundledTable;
}

/**
 * Reads a `magento_releases.json` text: `{release: {package: version}}`. Invalid JSON or a top level that is not an
 * object throws {@link InputError}; an entry of the wrong shape is reported in `problems` and left out.
 */
export function parseReleaseTable(text: string, file: string): ReleaseTable {
  const data = parseJsonText(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError({
      severity: 'error',
      file,
      message: t('expected a JSON object of releases and their package versions'),
    });
  }
  const releases = new Map<string, Map<string, string>>();
  const problems: Problem[] = [];
  for (const [release, value] of Object.entries(data as Record<string, unknown>)) {
    const entries =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : undefined;
    if (
      parseVersion(release) === undefined ||
      entries === undefined ||
      entries.some(([, v]) => typeof v !== 'string')
    ) {
      problems.push({
        severity: 'warning',
        file,
        path: release,
        message: t('not a release with package versions; left out'),
      });
      continue;
    }
    releases.set(release, new Map(entries as Array<[string, string]>));
  }
  return { source: file, releases, problems };
}

/** Reads a `magento_releases.json` file; a missing or unreadable file throws {@link InputError}. */
export function readReleaseTable(file: string): ReleaseTable {
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.catalog);
  } catch (e) {
    throw new InputError({ severity: 'error', file, message: readFailure((e as NodeJS.ErrnoException).code, e) });
  }
  return parseReleaseTable(text, file);
}

/**
 * The release list to use: the first `magento_releases.json` found in the given folders (the installed QPT's
 * metadata folder first, then the folders of QPT catalog files), else the bundled one. A broken file is reported
 * in `problems` and the next source is used.
 */
export function findReleaseTable(folders: readonly string[]): ReleaseTable {
  const problems: Problem[] = [];
  for (const folder of folders) {
    const file = join(folder, RELEASES_FILE);
    if (!existsSync(file)) continue;
    try {
      const table = readReleaseTable(file);
      return { ...table, problems: [...problems, ...table.problems] };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.problem);
    }
  }
  const fallback = bundledReleases();
  return { ...fallback, problems };
}

/** The folders of catalog files, where a `magento_releases.json` may sit beside QPT metadata. */
export function catalogFolders(files: readonly string[]): string[] {
  return [...new Set(files.map((f) => dirname(f)))];
}

/** Release names, oldest first (Composer order: 2.4.6 < 2.4.6-p1 < 2.4.7-beta1 < 2.4.7). */
export function sortedReleases(table: ReleaseTable): string[] {
  return [...table.releases.keys()].sort(compareReleases);
}

export function compareReleases(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (x === undefined || y === undefined) return a < b ? -1 : a > b ? 1 : 0;
  return compareVersions(x, y);
}

/** Releases after `version` on the same major.minor line (2.4.6-p3 → 2.4.6-p4 … 2.4.9), oldest first. */
export function laterReleases(table: ReleaseTable, version: string): string[] {
  const line = minorLine(version);
  return sortedReleases(table).filter((r) => minorLine(r) === line && compareReleases(r, version) > 0);
}

/** `2.4.6-p3` → `2.4`. */
function minorLine(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}
