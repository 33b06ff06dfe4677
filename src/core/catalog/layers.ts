import coerce from 'semver/functions/coerce';
import compare from 'semver/functions/compare';
import type { LoadedFile } from './entry';
import type { Catalog } from './patch';

/** Orders QPT versions (`1.1.9` before `1.1.43`); an unknown or unreadable version sorts last. */
function compareQptVersions(a: string | undefined, b: string | undefined): number {
  const x = a === undefined ? null : coerce(a);
  const y = b === undefined ? null : coerce(b);
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
  return compare(x, y);
}

/** At one version: installed metadata over fetched, fetched over the bundled facts. */
function rank(f: LoadedFile): number {
  return f.layer === 'installed' ? 2 : f.layer === 'fetched' ? 1 : 0;
}

/**
 * The QPT metadata layers (bundled facts, installed, fetched), oldest first, so that the freshest one's facts win
 * when they are merged; the files of one layer keep their order.
 */
export function byFreshness(files: LoadedFile[]): LoadedFile[] {
  return files
    .map((file, i) => ({ file, i }))
    .sort((a, b) => compareQptVersions(a.file.version, b.file.version) || rank(a.file) - rank(b.file) || a.i - b.i)
    .map((e) => e.file);
}

/**
 * Fetched metadata does not say which QPT release introduced a patch; the bundled facts do, for every patch up to
 * their release. A fetched patch they do not know came after it: it is in the fetched release, which is what
 * "needs a QPT update" tells the user.
 */
export function markNewPatches(fetched: LoadedFile[], facts: LoadedFile): void {
  if (facts.version === undefined || facts.entries.length === 0) return;
  const known = new Set(facts.entries.map((e) => e.id));
  for (const file of fetched) {
    if (file.version === undefined || file.kind === 'qpt-info') continue;
    if (compareQptVersions(file.version, facts.version) <= 0) continue;
    for (const e of file.entries) if (!known.has(e.id)) e.qptVersion = file.version;
  }
}

/** The QPT versions a catalog was merged from, and which of them is the freshest (its facts won). */
export interface CatalogVersions {
  bundled: string | null;
  installed: string | null;
  fetched: string | null;
  freshest: 'bundled' | 'installed' | 'fetched' | null;
}

export function catalogVersions(catalog: Catalog): CatalogVersions {
  const versions: CatalogVersions = { bundled: null, installed: null, fetched: null, freshest: null };
  for (const s of catalog.sources) {
    const layer = s.kind === 'qpt-facts' ? 'bundled' : s.layer;
    if (layer === undefined) continue;
    versions[layer] = s.version ?? versions[layer];
    versions.freshest = layer; // the layers are merged oldest first
  }
  return versions;
}
