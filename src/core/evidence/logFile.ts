import { type Stats, constants, createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { t } from '../text/translate';
import { type GlobHits, KEEP_RECENT, LineScanner } from './lineScanner';
import type { LogRuleSet } from './logRules';

/** Where a scan of a file stopped, to read only what was added next time. */
export interface FileScanState {
  readonly file: string;
  readonly rulesKey: string;
  readonly dev: number;
  readonly ino: number;
  /** Size and modification time when the scan ended. */
  readonly size: number;
  readonly mtimeMs: number;
  /** Bytes read up to the end of the last complete line, and the number of the next line. */
  readonly offset: number;
  readonly line: number;
  /** The first bytes of the file: a file rewritten in place (same inode) no longer starts with them. */
  readonly head: Buffer;
  /** What matched on complete lines, per glob. */
  readonly hits: readonly (GlobHits | undefined)[];
  /** A problem of a `.gz` file, repeated while the file stays the same. */
  readonly problem?: string;
}

export interface FileScan {
  file: string;
  /** Per glob of the rule set: what matched (complete lines and a last line still being written). */
  hits: (GlobHits | undefined)[];
  /** Bytes read by this scan (0 when nothing changed). */
  bytesRead: number;
  /** For the next scan; undefined when the file is gone. */
  state?: FileScanState;
  /** What went wrong (unreadable, a truncated gzip); the hits found before it are kept. */
  problem?: string;
}

const CHUNK = 1024 * 1024;
const HEAD = 256;
const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/** Why a log that is not a regular file is not read. */
export function notRegular(info: Stats): string {
  return info.isDirectory()
    ? t('is a folder, not a file')
    : info.isFIFO()
      ? t('is a named pipe (FIFO), not a regular file; not read')
      : t('is a device or socket, not a regular file; not read');
}

/**
 * Scans one log file: a plain file continues from `previous` when it only grew (same inode, same first bytes,
 * not smaller) and is read anew when it was rotated, truncated or rewritten; a `.gz` file is read as a stream
 * (again only when it changed).
 */
export async function scanLogFile(
  file: string,
  rules: LogRuleSet,
  previous?: FileScanState,
  lineLimit?: number,
): Promise<FileScan> {
  let info;
  try {
    info = await stat(file, { bigint: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, hits: [], bytesRead: 0 };
    return { file, hits: [], bytesRead: 0, problem: t('cannot be read: {0}', (e as Error).message) };
  }
  // A FIFO would block the read for good and a device never ends: only regular files are logs.
  if (!info.isFile()) return { file, hits: [], bytesRead: 0, problem: notRegular(info) };
  const usable =
    previous !== undefined && previous.rulesKey === rules.key && previous.dev === info.dev && previous.ino === info.ino;
  if (file.endsWith('.gz')) {
    if (usable && previous.size === info.size && previous.mtimeMs === info.mtimeMs)
      return {
        file,
        hits: [...previous.hits],
        bytesRead: 0,
        state: previous,
        ...(previous.problem ? { problem: previous.problem } : {}),
      };
    return scanGzip(file, rules, info, lineLimit);
  }
  return scanPlain(file, rules, usable ? previous : undefined, lineLimit);
}

async function scanPlain(
  file: string,
  rules: LogRuleSet,
  previous: FileScanState | undefined,
  lineLimit?: number,
): Promise<FileScan> {
  let handle;
  try {
    // Opened without waiting: a file swapped for a FIFO since it was looked at cannot block the scan.
    handle = await open(file, constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    return { file, hits: [], bytesRead: 0, problem: t('cannot be read: {0}', (e as Error).message) };
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) return { file, hits: [], bytesRead: 0, problem: notRegular(before) };
    const head = Buffer.alloc(Math.min(HEAD, before.size));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    let resume = previous;
    if (resume !== undefined) {
      const sameStart = head.subarray(0, resume.head.length).equals(resume.head) && head.length >= resume.head.length;
      const rewritten = before.size === resume.size && before.mtimeMs !== resume.mtimeMs;
      if (!sameStart || before.size < resume.size || rewritten) resume = undefined;
    }
    const start = resume?.offset ?? 0;
    const scanner = new LineScanner(rules, resume?.line ?? 1, resume?.hits, lineLimit);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = start;
    let problem: string | undefined;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
        if (bytesRead === 0) break;
        scanner.push(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
    } catch (e) {
      problem = t('cannot be read: {0}', (e as Error).message);
    }
    scanner.finish();
    const after = await handle.stat();
    const state: FileScanState = {
      file,
      rulesKey: rules.key,
      dev: after.dev,
      ino: after.ino,
      size: position,
      mtimeMs: after.size === position ? after.mtimeMs : before.mtimeMs,
      offset: start + scanner.completeBytes,
      line: scanner.nextLine,
      head,
      hits: scanner.hits,
    };
    return { file, hits: mergeTail(scanner), bytesRead: position - start, state, ...(problem ? { problem } : {}) };
  } finally {
    await handle.close();
  }
}

async function scanGzip(
  file: string,
  rules: LogRuleSet,
  info: { dev: number; ino: number; size: number; mtimeMs: number },
  lineLimit?: number,
): Promise<FileScan> {
  const scanner = new LineScanner(rules, 1, undefined, lineLimit);
  const input = createReadStream(file, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let problem: string | undefined;
  try {
    for await (const chunk of gunzip) scanner.push(chunk as Buffer);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    problem =
      err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)
        ? t('the gzip file is cut short; read up to line {0}', scanner.nextLine)
        : t('cannot be read as gzip: {0}', err.message);
  } finally {
    input.destroy();
  }
  scanner.finish();
  const hits = mergeTail(scanner);
  const state: FileScanState = {
    file,
    rulesKey: rules.key,
    dev: info.dev,
    ino: info.ino,
    size: info.size,
    mtimeMs: info.mtimeMs,
    offset: info.size,
    line: scanner.nextLine,
    head: Buffer.alloc(0),
    hits,
    ...(problem ? { problem } : {}),
  };
  return { file, hits, bytesRead: info.size, state, ...(problem ? { problem } : {}) };
}

/** The scanner's hits with those of an unfinished last line added. */
function mergeTail(scanner: LineScanner): (GlobHits | undefined)[] {
  const out = [...scanner.hits];
  scanner.tail.forEach((tail, g) => {
    if (tail === undefined) return;
    const h = out[g];
    out[g] =
      h === undefined
        ? tail
        : { count: h.count + tail.count, recent: [...h.recent, ...tail.recent].slice(-KEEP_RECENT) };
  });
  return out;
}
