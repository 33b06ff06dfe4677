import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile } from '../../files/readTextFile';
import { isRecord } from '../valueReaders';

/** QPT's public repository: the folder that holds the four metadata files. */
export const DEFAULT_CATALOG_URL = 'https://raw.githubusercontent.com/magento/quality-patches/master/';

/** The files a catalog update fetches, in this order; the first three are the catalog, the last maps releases. */
export const FETCHED_FILES = [
  'support-patches.json',
  'community-patches.json',
  'patches-info.json',
  'magento_releases.json',
] as const;
export type FetchedFile = (typeof FETCHED_FILES)[number];

/** What is known about the last good copy: its QPT version, where and when it was fetched, the servers' ETags. */
export interface CacheInfo {
  qpt: string;
  baseUrl: string;
  /** When the copy was downloaded (ISO 8601). */
  fetchedAt: string;
  /** When the server was last asked, and said the copy was current or sent a new one (ISO 8601). */
  checkedAt: string;
  etags: Partial<Record<FetchedFile, string>>;
}

const INFO = 'catalog.json';
/** The info file holds a version, a date, an address and a few ETags. */
const INFO_LIMIT = 64 * 1024;

/** The folder of the last good copy inside a cache folder. */
export function fetchedDir(cacheDir: string): string {
  return join(cacheDir, 'qpt');
}

/** The last good copy's info, or undefined when there is none (or it is unreadable: then it is not used). */
export function readCacheInfo(cacheDir: string): CacheInfo | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(join(fetchedDir(cacheDir), INFO), INFO_LIMIT));
  } catch {
    return undefined;
  }
  if (!isRecord(data) || typeof data.qpt !== 'string' || typeof data.fetchedAt !== 'string') return undefined;
  const etags: Partial<Record<FetchedFile, string>> = {};
  if (isRecord(data.etags)) {
    for (const name of FETCHED_FILES) if (typeof data.etags[name] === 'string') etags[name] = data.etags[name];
  }
  return {
    qpt: data.qpt,
    baseUrl: typeof data.baseUrl === 'string' ? data.baseUrl : '',
    fetchedAt: data.fetchedAt,
    checkedAt: typeof data.checkedAt === 'string' ? data.checkedAt : data.fetchedAt,
    etags,
  };
}

/** A file of the last good copy, or undefined. */
export function readCachedFile(cacheDir: string, name: FetchedFile): string | undefined {
  try {
    return readFileSync(join(fetchedDir(cacheDir), name), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Replaces the last good copy with `files` (all four, already checked) as one step: they are written to a new
 * folder that then takes the old one's place, so a reader never sees half of an update.
 */
export function writeCache(cacheDir: string, files: Record<FetchedFile, string>, info: CacheInfo): void {
  mkdirSync(cacheDir, { recursive: true });
  const dir = fetchedDir(cacheDir);
  const next = `${dir}.new-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next);
  for (const name of FETCHED_FILES) writeFileSync(join(next, name), files[name]);
  writeFileSync(join(next, INFO), JSON.stringify(info, null, 2) + '\n');
  const had = existsSync(dir);
  if (had) renameSync(dir, old);
  renameSync(next, dir);
  if (had) rmSync(old, { recursive: true, force: true });
}

/** Records that the server said the copy is current. */
export function touchCache(cacheDir: string, info: CacheInfo): void {
  writeFileSync(join(fetchedDir(cacheDir), INFO), JSON.stringify(info, null, 2) + '\n');
}
