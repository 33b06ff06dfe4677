import { statSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { MAX_DIFF_BYTES } from '../diff/parse';
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
  try {
    const size = statSync(file).size;
    if (size > MAX_DIFF_BYTES)
      return { reason: { kind: 'too-large', file: label, bytes: size, limit: MAX_DIFF_BYTES } };
    return { text: readFileSync(file, 'latin1') };
  } catch (e) {
    return {
      reason: { kind: 'patch-unreadable', file: label, message: readFailure((e as NodeJS.ErrnoException).code, e) },
    };
  }
}
