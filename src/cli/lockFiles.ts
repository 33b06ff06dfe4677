import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { findLockFiles } from '../core/lock/find';
import { Unusable } from './command';
import { t } from './messages';

/** The composer.lock files a command works on: PATH may be a composer.lock (or its composer.json) or a folder to search. */
export function lockFilesFor(path: string): string[] {
  const target = resolve(path);
  if (!existsSync(target)) throw new Unusable(t('{0}: no such file or folder', path));
  if (statSync(target).isFile()) {
    if (basename(target) === 'composer.json') {
      const lock = target.replace(/composer\.json$/, 'composer.lock');
      if (!existsSync(lock)) throw new Unusable(t("{0}: no composer.lock beside it; run 'composer install' first", path));
      return [lock];
    }
    return [target];
  }
  const locks = findLockFiles(target);
  if (locks.length > 0) return locks;
  if (existsSync(resolve(target, 'composer.json'))) {
    throw new Unusable(t("{0}: composer.json but no composer.lock; run 'composer install' first", path));
  }
  throw new Unusable(t('{0}: no composer.lock found in this folder or below it', path));
}
