import { resolve } from 'node:path';
import { FILE_LIMITS, FileReadError, readTextFile } from '../files/readTextFile';
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
  const text = readText(file, true, FILE_LIMITS.lock);
  const composerJson = readText(composerJsonFor(file), false, FILE_LIMITS.composerJson);
  return parseProject(text as string, file, composerJson);
}

function readText(file: string, required: boolean, limit: number): string | undefined {
  try {
    return readTextFile(file, limit);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return undefined;
    throw new InputError({ severity: 'error', file, message: readFailure(code, e) });
  }
}

/** A short reason for a failed read, e.g. `file not found` (`e` is a system error or a {@link FileReadError}). */
export function readFailure(code: string | undefined, e: unknown): string {
  switch (code) {
    case 'ENOENT':
      return t('file not found');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied');
    case 'EISDIR':
      return t('is a folder, not a file');
    case 'ENOTREG':
      return e instanceof FileReadError && e.kind === 'fifo'
        ? t('is a named pipe (FIFO), not a regular file; not read')
        : t('is a device or socket, not a regular file; not read');
    case 'EFBIG':
      return t(
        'is larger than {0} MB; not read',
        Math.round((e instanceof FileReadError ? (e.limit ?? 0) : 0) / 1024 / 1024),
      );
    case 'EUTF16':
      return t('is UTF-16 text; save it as UTF-8');
    case 'ELOOP':
      return t('is a symbolic link that leads nowhere (a loop)');
    default:
      return t('cannot read the file ({0})', (e as Error).message);
  }
}
