import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CatalogStore } from '../core/catalog/catalogCache';
import type { Catalog } from '../core/catalog/patch';
import { currentIdentity, type FileRead, recordReads, settled, unchanged } from '../core/files/readRecord';
import { cacheDirFor } from './cacheDir';
import { readCacheFile, shortKey, writeCacheFile } from './cacheFile';
import { messagesFile } from './messages';

const VERSION = 'commerce-patches catalog cache 2';
/** Distinct catalogs one run keeps (a run over many stores, each with its own QPT metadata, loads the rest as usual). */
const PER_RUN = 8;
/** Kept catalogs in the folder (about 1 MB each): past this, the least recently written go. */
const MAX_KEPT = 32;

/**
 * Loaded catalogs kept in the cache folder (`$XDG_CACHE_HOME/commerce-patches/catalogs/`), so that a run whose
 * catalog files have not changed reads the checked, merged result instead of reading, checking and merging them
 * again.
 *
 * A kept catalog belongs to:
 * - every file its load read, as it was then (device, inode, size, modification and change times, or why it could
 *   not be opened: a file that appears later counts as a change). The load itself lists these files as it reads
 *   them (`recordReads`), so the list can never fall behind what the load reads. A load that read a file changed a
 *   moment before is not kept (see `settled`);
 * - the load's options, this program's bundle as it is (the bundled patches.yaml is part of it) and the message
 *   bundle in use (problems are worded in its language).
 *
 * Its first line holds the options, the program and the language; its second the files; then the catalog. The
 * file's name is made of the first line's contents, Node's version and the processor architecture. Anything that
 * does not match is ignored and written anew; a file that cannot be read as a catalog is loaded as usual. Problems
 * found while loading are kept with the catalog and so reported again. A run keeps at most {@link PER_RUN}
 * catalogs, the folder at most {@link MAX_KEPT}.
 */
export class FileCatalogStore implements CatalogStore {
  private readonly seen = new Map<string, Catalog>();

  constructor(private readonly dir = join(cacheDirFor(undefined), 'catalogs')) {}

  catalog(context: string, load: () => Catalog): Catalog {
    const language = messagesFile();
    const key = JSON.stringify([
      VERSION,
      context,
      [__filename, currentIdentity(__filename)],
      language === undefined ? null : [language, currentIdentity(language)],
    ]);
    const known = this.seen.get(key);
    if (known !== undefined) return copy(known);
    if (this.seen.size >= PER_RUN) return load();
    const header = `${ascii(key)}\n`;
    const group = `catalog-${shortKey(JSON.stringify([context, __filename, language]))}-`;
    const name = `${group}${process.version}-${process.arch}.bin`;
    let catalog = kept(readCacheFile(join(this.dir, name), header));
    if (catalog === undefined) {
      const { value, reads } = recordReads(load);
      catalog = value;
      // A file changed a moment ago might change again without a new time: such a load is not kept.
      if (settled(reads, Date.now())) {
        const files = JSON.stringify(distinct(reads));
        writeCacheFile(this.dir, name, group, header, () =>
          Buffer.concat([Buffer.from(`${ascii(files)}\n`, 'latin1'), serialize(value)]),
        );
        prune(this.dir);
      }
    }
    this.seen.set(key, catalog);
    return copy(catalog);
  }
}

/** Each file once (a file used by several layers of a load is read once and counted for each). */
function distinct(reads: FileRead[]): FileRead[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const key = `${r.file}\u0000${r.identity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line of plain ASCII, whatever the paths hold. */
function ascii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Removes the least recently written kept catalogs beyond {@link MAX_KEPT}. */
function prune(dir: string): void {
  try {
    const names = readdirSync(dir).filter((f) => f.startsWith('catalog-') && f.endsWith('.bin'));
    if (names.length <= MAX_KEPT) return;
    const byAge = names
      .map((f) => ({ f, t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => a.t - b.t);
    for (const { f } of byAge.slice(0, names.length - MAX_KEPT)) rmSync(join(dir, f), { force: true });
  } catch {
    // Left as it is: the next write tries again.
  }
}

/** The catalog in a kept file (after its first line), when it holds one and the files it was made from are as they were. */
function kept(bytes: Buffer | undefined): Catalog | undefined {
  if (bytes === undefined) return undefined;
  try {
    const end = bytes.indexOf(0x0a);
    if (end < 0) return undefined;
    const reads = JSON.parse(bytes.toString('latin1', 0, end)) as unknown;
    if (!isReadList(reads) || !unchanged(reads)) return undefined;
    const value = deserialize(bytes.subarray(end + 1)) as Partial<Catalog> | null;
    const ok =
      value !== null &&
      typeof value === 'object' &&
      value.patches instanceof Map &&
      Array.isArray(value.sources) &&
      Array.isArray(value.problems);
    return ok ? (value as Catalog) : undefined;
  } catch {
    return undefined;
  }
}

function isReadList(value: unknown): value is FileRead[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as FileRead).file === 'string' &&
        typeof (r as FileRead).identity === 'string',
    )
  );
}

/** Each load gets a catalog object, and a list of problems, of its own (as a load without the store does). */
function copy(catalog: Catalog): Catalog {
  return { ...catalog, problems: [...catalog.problems] };
}
