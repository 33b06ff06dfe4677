import { t } from '../../text/translate';
import {
  type CacheInfo,
  DEFAULT_CATALOG_URL,
  FETCHED_FILES,
  type FetchedFile,
  readCachedFile,
  readCacheInfo,
  touchCache,
  writeCache,
} from './cache';
import { checkFetched } from './check';
import { type Download, download } from './download';

// The loader of dist/catalogUpdate.js routes this bundle's copy of core's `t` (see src/vscode/catalog/updates.ts).
export { useTranslate } from '../../text/translate';

export { DEFAULT_CATALOG_URL };
const UPDATE_TIMEOUT_MS = 30_000;
/** Per file; QPT 1.1.82's largest is under 1 MB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface UpdateOptions {
  cacheDir: string;
  /** The folder holding the four files (default {@link DEFAULT_CATALOG_URL}). */
  baseUrl?: string;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  now?: () => Date;
}

export interface UpdateResult {
  outcome: 'updated' | 'current' | 'failed';
  /** What is in the cache afterwards: the new copy, the current one, or the last good one (none yet: undefined). */
  info?: CacheInfo;
  /** One sentence for people: what happened, and for a failure why and what is used instead. */
  message: string;
}

/** The base URL as used for requests: a web address (http or https) ending with `/`; undefined when it is not one. */
function normalizeBaseUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.search !== '' || parsed.hash !== '')
    return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/**
 * Fetches QPT's four metadata files from `baseUrl` (with the ETags of the copy in the cache, so unchanged files
 * are not sent again), checks them, and only then replaces the copy in `cacheDir`. A failure of any kind leaves the
 * last good copy as it was, and the result says why. Never throws for network or data problems.
 */
export async function updateCatalog(options: UpdateOptions): Promise<UpdateResult> {
  const now = options.now ?? (() => new Date());
  const previous = readCacheInfo(options.cacheDir);
  const base = normalizeBaseUrl(options.baseUrl ?? DEFAULT_CATALOG_URL);
  if (base === undefined)
    return failed(t('{0} is not a web address (http or https, without ? or #)', options.baseUrl ?? ''), previous);
  const sameSource = previous !== undefined && previous.baseUrl === base;
  const downloads = await Promise.all(
    FETCHED_FILES.map((name) => {
      const cached = sameSource ? readCachedFile(options.cacheDir, name) : undefined;
      const etag = cached !== undefined ? previous?.etags[name] : undefined;
      return download(base + name, {
        base,
        ...(etag !== undefined ? { etag } : {}),
        timeoutMs: options.timeoutMs ?? UPDATE_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? MAX_FILE_BYTES,
        userAgent: options.userAgent ?? 'commerce-patch-triage',
      });
    }),
  );
  const failure = downloads.find((d): d is Extract<Download, { status: 'failed' }> => d.status === 'failed');
  if (failure !== undefined) return failed(failure.reason, previous);
  const checkedAt = now().toISOString();
  if (previous !== undefined && downloads.every((d) => d.status === 'not-modified')) {
    const info = { ...previous, checkedAt };
    touchCache(options.cacheDir, info);
    return { outcome: 'current', info, message: t('The patch catalog is up to date: QPT {0}.', previous.qpt) };
  }
  const texts = {} as Record<FetchedFile, string>;
  const etags: CacheInfo['etags'] = {};
  for (let i = 0; i < FETCHED_FILES.length; i++) {
    const name = FETCHED_FILES[i];
    const d = downloads[i];
    const text = d.status === 'ok' ? d.body : readCachedFile(options.cacheDir, name);
    if (text === undefined)
      return failed(t('{0}: not modified, but the cached copy is missing', base + name), previous);
    texts[name] = text;
    const etag = d.status === 'ok' ? d.etag : previous?.etags[name];
    if (etag !== undefined) etags[name] = etag;
  }
  const checked = checkFetched(texts);
  if (!checked.ok) return failed(checked.reason, previous);
  const info: CacheInfo = { qpt: checked.version, baseUrl: base, fetchedAt: checkedAt, checkedAt, etags };
  try {
    writeCache(options.cacheDir, texts, info);
  } catch (e) {
    return failed(t('{0} cannot be written: {1}', options.cacheDir, (e as Error).message), previous);
  }
  return { outcome: 'updated', info, message: t('The patch catalog was updated to QPT {0}.', checked.version) };
}

function failed(reason: string, previous: CacheInfo | undefined): UpdateResult {
  const message =
    previous === undefined
      ? t('The patch catalog could not be updated: {0}. The bundled catalog stays in use.', reason)
      : t(
          'The patch catalog could not be updated: {0}. The last good copy (QPT {1}, fetched {2}) stays in use.',
          reason,
          previous.qpt,
          previous.fetchedAt.slice(0, 10),
        );
  return { outcome: 'failed', ...(previous !== undefined ? { info: previous } : {}), message };
}
