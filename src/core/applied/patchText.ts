import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { MAX_DIFF_BYTES } from '../diff/parse';
import { childPath } from '../files/childPath';
import { FileReadError, readFileText } from '../files/readTextFile';
import { readFailure } from '../lock/read';
import type { StateReason } from './appliedState';

/**
 * Reads a patch file as bytes, only when it lies inside `base` (no `..`, no absolute path out of it) and is not
 * larger than the engine reads; otherwise the reason the check cannot be made.
 */
export function readPatchText(base: string, name: string, label = name): { text: string } | { reason: StateReason } {
  const plain = childPath(base, name);
  const file = plain ?? resolve(base, name);
  const rel = plain !== undefined ? name : relative(base, file);
  if (
    rel === '' ||
    rel.startsWith('..' + sep) ||
    rel === '..' ||
    (plain === undefined && resolve(base, rel) !== file) ||
    /^[A-Za-z]:|^[\\/]/.test(rel)
  ) {
    return { reason: { kind: 'unsafe-path', file: label, path: name } };
  }
  // Regular files only, opened without waiting (a FIFO never blocks), and no bigger than the engine reads.
  try {
    return { text: readFileText(file, MAX_DIFF_BYTES, 'latin1') };
  } catch (e) {
    if (e instanceof FileReadError && e.code === 'EFBIG') {
      const bytes = statSync(file, { throwIfNoEntry: false })?.size ?? MAX_DIFF_BYTES + 1;
      return { reason: { kind: 'too-large', file: label, bytes, limit: MAX_DIFF_BYTES } };
    }
    return {
      reason: { kind: 'patch-unreadable', file: label, message: readFailure((e as NodeJS.ErrnoException).code, e) },
    };
  }
}
