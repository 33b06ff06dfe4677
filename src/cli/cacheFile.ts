import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The files the command line keeps in its cache folder (compiled code, loaded catalogs): each holds, on its first
 * line, the identity of what it was made from, then the data. A file that is not regular, is larger than any real
 * one or whose first line differs is ignored; a new one is written to a temporary name, then renamed, so that a
 * concurrent run never reads half a file.
 */

/** A real cache is at most a few MB; anything far larger is not ours. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/** A short name for a text (FNV-1a), e.g. where the bundle lies, so that two installs keep a cache each. */
export function shortKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/** The data in `file` when it is a regular file of a sensible size whose first line is `header`. */
export function readCacheFile(file: string, header: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= header.length || st.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(st.size);
    if (readSync(fd, bytes, 0, st.size, 0) !== st.size) return undefined;
    return bytes.toString('latin1', 0, header.length) === header ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `header` and `data` to `dir/name`, and removes the other `.bin` files whose names start with `group` (the
 * same cache for another Node version); a folder that cannot be written is left alone.
 */
export function writeCacheFile(dir: string, name: string, group: string, header: string, data: () => Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    try {
      const bytes = data();
      if (bytes.length > MAX_CACHE_BYTES) return;
      writeFileSync(temp, Buffer.concat([Buffer.from(header, 'latin1'), bytes]));
      renameSync(temp, join(dir, name));
    } finally {
      rmSync(temp, { force: true });
    }
    for (const other of readdirSync(dir)) {
      if (other.startsWith(group) && other.endsWith('.bin') && other !== name)
        rmSync(join(dir, other), { force: true });
    }
  } catch {
    // No cache this time: the next run does the work again.
  }
}
