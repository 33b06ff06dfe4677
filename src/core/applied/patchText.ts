import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { MAX_DIFF_BYTES } from '../diff/parse';
import { FileReadError } from '../files/readTextFile';
import { readFailure } from '../lock/read';
import type { StateReason } from './appliedState';

/**
 * Reads a patch file as bytes, only when it lies inside `base` (no `..`, no absolute path out of it) and is not
 * larger than the engine reads; otherwise the reason the check cannot be made.
 */
export function readPatchText(base: string, name: string, label = name): { text: string } | { reason: StateReason } {
  const file = resolve(base, name);
  const rel = relative(base, file);
  if (
    rel === '' ||
    rel.startsWith('..' + sep) ||
    rel === '..' ||
    resolve(base, rel) !== file ||
    /^[A-Za-z]:|^[\\/]/.test(rel)
  ) {
    return { reason: { kind: 'unsafe-path', file: label, path: name } };
  }
  // One open: the size and the kind of file are checked on what was opened (without waiting, so a FIFO never blocks).
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'folder' : st.isFIFO() ? 'fifo' : 'device';
      throw new FileReadError(st.isDirectory() ? 'EISDIR' : 'ENOTREG', `not a regular file (${kind})`, undefined, kind);
    }
    if (st.size > MAX_DIFF_BYTES)
      return { reason: { kind: 'too-large', file: label, bytes: st.size, limit: MAX_DIFF_BYTES } };
    return { text: readFileSync(fd, 'latin1') };
  } catch (e) {
    return {
      reason: { kind: 'patch-unreadable', file: label, message: readFailure((e as NodeJS.ErrnoException).code, e) },
    };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;
