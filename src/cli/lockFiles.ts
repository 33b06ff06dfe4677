import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_SEARCH_DEPTH, findLockFiles } from '../core/lock/find';
import { Unusable } from './command';
import { t } from './messages';

/**
 * The composer.lock files a command works on: PATH may be a composer.lock (or its composer.json) or a folder to
 * search, down to `depth` levels below it.
 */
export function lockFilesFor(path: string, depth = DEFAULT_SEARCH_DEPTH): string[] {
  const target = resolve(path);
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new Unusable(t('{0}: no such file or folder', path));
  }
  if (st.isFile()) {
    if (basename(target) === 'composer.json') {
      const lock = target.replace(/composer\.json$/, 'composer.lock');
      if (!existsSync(lock))
        throw new Unusable(t("{0}: no composer.lock beside it; run 'composer install' first", path));
      return [lock];
    }
    return [target];
  }
  if (!st.isDirectory())
    throw new Unusable(t('{0}: neither a regular file nor a folder (a pipe, socket or device); not read', path));
  const locks = findLockFiles(target, depth);
  if (locks.length > 0) return locks;
  if (existsSync(resolve(target, 'composer.json'))) {
    throw new Unusable(t("{0}: composer.json but no composer.lock; run 'composer install' first", path));
  }
  throw new Unusable(
    t('{0}: no composer.lock found in this folder or down to {1} levels below it (see --depth)', path, depth),
  );
}
