import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../problem';
import { t } from '../text/translate';
import { composerJsonFor, parseProject } from './parse';
import type { Project } from './project';

/**
 * Reads a composer.lock and the composer.json beside it (optional: without it Composer's default folders apply).
 * Throws an {@link InputError} for a missing or unreadable lock, invalid JSON, or a file that is not a lock.
 */
export function readProject(lockFile: string): Project {
  const file = resolve(lockFile);
  const text = readText(file, true);
  const composerJson = readText(composerJsonFor(file), false);
  return parseProject(text as string, file, composerJson);
}

function readText(file: string, required: boolean): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return undefined;
    throw new InputError({ severity: 'error', file, message: readFailure(code, e) });
  }
}

/** A short reason for a failed read, e.g. `file not found`. */
export function readFailure(code: string | undefined, e: unknown): string {
  switch (code) {
    case 'ENOENT':
      return t('file not found');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied');
    case 'EISDIR':
      return t('is a folder, not a file');
    default:
      return t('cannot read the file ({0})', (e as Error).message);
  }
}
