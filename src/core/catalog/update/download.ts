import type * as http from 'http';
import { t } from '../../text/translate';

export interface DownloadOptions {
  /** Only URLs that start with this are fetched, redirects included (it ends with `/`). */
  base: string;
  /** Sent as If-None-Match: the server may answer 304 Not Modified. */
  etag?: string;
  /** The whole download, redirects included, must end within this many milliseconds. */
  timeoutMs: number;
  /** A larger body is refused (said by Content-Length or found while reading). */
  maxBytes: number;
  userAgent: string;
}

export type Download =
  { status: 'ok'; body: string; etag?: string } | { status: 'not-modified' } | { status: 'failed'; reason: string };

const MAX_REDIRECTS = 5;

/** True when `url` is inside `base` (same scheme, host and port, and below its path). */
function isWithin(url: URL, base: string): boolean {
  return url.href.startsWith(base) && (url.protocol === 'https:' || url.protocol === 'http:');
}

/**
 * Downloads one file as text. Never throws: every failure (time-out, HTTP error, a body cut short or too large, a
 * redirect that leaves `base`) is a reason in words. Nothing received is interpreted here.
 */
export function download(url: string, options: DownloadOptions): Promise<Download> {
  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (result: Download) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          status: 'failed',
          reason: t('{0}: no complete answer within {1} seconds', url, Math.round(options.timeoutMs / 1000)),
        }),
      options.timeoutMs,
    );
    const get = (current: URL, redirects: number) => {
      if (!isWithin(current, options.base)) {
        finish({
          status: 'failed',
          reason: t('{0}: redirected to {1}, outside {2}; refused', url, current.href, options.base),
        });
        return;
      }
      const headers: http.OutgoingHttpHeaders = { 'user-agent': options.userAgent, accept: 'application/json' };
      if (options.etag !== undefined) headers['if-none-match'] = options.etag;
      // Loaded on first use (not when the program starts), as `http` and `https` without the `node:` prefix: in
      // the extension host VS Code patches these modules so that its proxy settings apply to every request here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
      const client = (current.protocol === 'https:' ? require('https') : require('http')) as typeof http;
      request = client.get(current, { headers }, (res) => {
        const status = res.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(status) && typeof res.headers.location === 'string') {
          res.resume();
          if (redirects >= MAX_REDIRECTS)
            return finish({ status: 'failed', reason: t('{0}: too many redirects', url) });
          let next: URL;
          try {
            next = new URL(res.headers.location, current);
          } catch {
            return finish({ status: 'failed', reason: t('{0}: redirected to an invalid address', url) });
          }
          return get(next, redirects + 1);
        }
        if (status === 304) {
          res.resume();
          return finish({ status: 'not-modified' });
        }
        if (status !== 200) {
          res.resume();
          return finish({
            status: 'failed',
            reason: t('{0}: the server answered {1} {2}', url, status, res.statusMessage ?? ''),
          });
        }
        readBody(url, res, options, finish);
      });
      request.on('error', (e) => finish({ status: 'failed', reason: t('{0}: {1}', url, e.message) }));
    };
    let first: URL;
    try {
      first = new URL(url);
    } catch {
      finish({ status: 'failed', reason: t('{0} is not a web address', url) });
      return;
    }
    get(first, 0);
  });
}

function readBody(
  url: string,
  res: http.IncomingMessage,
  options: DownloadOptions,
  finish: (d: Download) => void,
): void {
  const tooLarge = () => t('{0}: larger than {1} bytes; refused', url, options.maxBytes);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) return finish({ status: 'failed', reason: tooLarge() });
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > options.maxBytes) finish({ status: 'failed', reason: tooLarge() });
    else chunks.push(chunk);
  });
  res.on('end', () => {
    complete = true;
    if (!res.complete || (Number.isFinite(declared) && size !== declared)) {
      finish({ status: 'failed', reason: t('{0}: the download broke off after {1} bytes', url, size) });
      return;
    }
    const etag = res.headers.etag;
    finish({
      status: 'ok',
      body: Buffer.concat(chunks).toString('utf8'),
      ...(typeof etag === 'string' ? { etag } : {}),
    });
  });
  const broken = () => {
    if (!complete) finish({ status: 'failed', reason: t('{0}: the download broke off after {1} bytes', url, size) });
  };
  res.on('aborted', broken);
  res.on('error', broken);
  res.on('close', broken);
}
