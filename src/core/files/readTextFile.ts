import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { identityOf, noteRead, recording } from './readRecord';

/** Size limits of the files read from a workspace; a bigger file is refused with a message that names the limit. */
export const FILE_LIMITS = {
  /** composer.lock files: the largest real ones are about 1 MB. */
  lock: 64 * 1024 * 1024,
  /** composer.json files. */
  composerJson: 8 * 1024 * 1024,
  /** Patch catalogs: QPT's support-patches.json is about 1 MB. */
  catalog: 128 * 1024 * 1024,
  /** `.magento.env.yaml`. */
  envYaml: 4 * 1024 * 1024,
  /** The team's decisions file, `.commerce-patches.yaml`. */
  decisions: 4 * 1024 * 1024,
  /** `app/etc/env.php` and `app/etc/config.php`. */
  phpConfig: 16 * 1024 * 1024,
  /** A vendor file a patch changes: the largest PHP and JavaScript files of a store are a few MB. */
  vendorFile: 64 * 1024 * 1024,
} as const;

/**
 * A file that is not read: `code` is the system's code (`ENOENT`, `EACCES`...) or one of ours, `ENOTREG` (not a
 * regular file), `EFBIG` (over its limit, set in `limit`) or `EUTF16` (UTF-16 text).
 */
export class FileReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly limit?: number,
    readonly kind?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;
const CHUNK = 1024 * 1024;
/** A buffer for one file at a time, for callers that decode it at once ({@link readFileText}). */
let scratch: Buffer | undefined;
const SCRATCH_BYTES = 1024 * 1024;

/**
 * Reads a file from a workspace as bytes. Only regular files are read (a FIFO would block forever, `/dev/zero` never
 * ends): the file is opened without waiting and checked before a byte is read. A file over `maxBytes` (or one that
 * grows past it while read) is refused. Throws a {@link FileReadError}; a symbolic link is followed to what it points
 * at, which must be a regular file too. With `decodedAtOnce`, the bytes may lie in a buffer shared by such reads: the
 * caller decodes them before any other read.
 */
function readFileBytes(file: string, maxBytes: number, decodedAtOnce: boolean): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (recording()) noteRead(file, String(err.code ?? 'error'));
    throw new FileReadError(err.code ?? 'EIO', err.message);
  }
  try {
    // The identity of what is read here, from the open file itself: a change after this read is seen later.
    if (recording()) noteRead(file, identityOf(fstatSync(fd, { bigint: true })));
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'folder' : st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
      throw new FileReadError(st.isDirectory() ? 'EISDIR' : 'ENOTREG', `not a regular file (${kind})`, undefined, kind);
    }
    if (st.size > maxBytes) throw new FileReadError('EFBIG', `larger than ${maxBytes} bytes`, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // One read for a file whose size is known (one byte more shows whether it grew); files that report no size (`/proc`) in chunks.
    let next = st.size > 0 ? st.size + 1 : CHUNK;
    for (;;) {
      const size = Math.min(next, maxBytes + 1 - total);
      const shared = decodedAtOnce && total === 0 && size <= SCRATCH_BYTES;
      const buffer = shared
        ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)).subarray(0, size)
        : Buffer.allocUnsafe(size);
      next = CHUNK;
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new FileReadError(err.code ?? 'EIO', err.message);
      }
      if (n === 0) break;
      // A file that grew while read needs more than one buffer: the first then cannot stay the shared one.
      if (shared && n === buffer.length) chunks.push(Buffer.from(buffer));
      else chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new FileReadError('EFBIG', `larger than ${maxBytes} bytes`, maxBytes);
      // A short read of a regular file is its end: no second read, and no second buffer, for nearly every file.
      if (st.size > 0 && n < buffer.length) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file as {@link readFileBytes} does and decodes it (`latin1`: each byte one character, as the patch check
 * compares bytes). A file of up to 1 MB is read into one buffer kept for all such reads, so that reading the
 * thousand small files of a patch check allocates no buffer per file (each one costs its allocation, and then
 * garbage collection).
 */
export function readFileText(file: string, maxBytes: number, encoding: 'latin1' | 'utf8'): string {
  return readFileBytes(file, maxBytes, true).toString(encoding);
}

/** Reads a text file from a workspace as UTF-8, as {@link readFileBytes} reads it; a UTF-16 file is refused too. */
export function readTextFile(file: string, maxBytes: number): string {
  const bytes = readFileBytes(file, maxBytes, true);
  if (isUtf16(bytes)) throw new FileReadError('EUTF16', 'UTF-16 text');
  return bytes.toString('utf8');
}

/** A UTF-16 byte order mark, or the NUL bytes every other byte that UTF-16 gives ASCII text. */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return true;
  return (
    bytes.length >= 4 &&
    ((bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) || (bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0))
  );
}
