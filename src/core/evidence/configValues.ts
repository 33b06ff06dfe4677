import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { readFailure } from '../lock/read';
import { join } from 'node:path';
import type { Problem } from '../problem';
import { t } from '../text/translate';
import { PhpArrayError, type PhpValue, readPhpArray } from './phpArray';

/** A setting's value as the files give it. */
export type ConfigValue =
  /** Set to a literal (as PHP turns it into a string), in `source`. */
  | { kind: 'set'; value: string; source: string }
  /** Set, but not to a literal (`getenv(…)`, a constant), or the file could not be read: the value is not known. */
  | { kind: 'unknown'; source: string }
  /** Not in the files (it may still be set in the database). */
  | { kind: 'absent' };

export interface ConfigFiles {
  /** The value of a configuration path: `system/default/<path>`, else a deployment setting at the top level. */
  get(path: string): ConfigValue;
  problems: Problem[];
}

/** Magento's own order: `env.php` overrides `config.php`. */
const FILES = ['app/etc/env.php', 'app/etc/config.php'];

/** Where database values come from, as a source of evidence. */
export const DATABASE_SOURCE = 'bin/magento config:show';

/**
 * Reads `app/etc/env.php` and `app/etc/config.php` of a store (parsed, never run). A missing file is normal; a file
 * that cannot be read as a PHP array makes every value it could hold unknown, with a problem that says why.
 * `database` (what `bin/magento config:show` printed) gives the values the files do not set: the files win, as in
 * Magento.
 */
export function readConfigFiles(root: string, database?: ReadonlyMap<string, string>): ConfigFiles {
  const problems: Problem[] = [];
  const trees: Array<{ file: string; tree: Map<string, PhpValue> | undefined }> = [];
  for (const name of FILES) {
    const file = join(root, name);
    let code: string;
    try {
      // Regular files only (a FIFO would never end the read), with a size limit.
      code = readTextFile(file, FILE_LIMITS.phpConfig);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push({ severity: 'warning', file, message: t('cannot be read: {0}', readFailure(code, e)) });
        trees.push({ file, tree: undefined });
      }
      continue;
    }
    try {
      trees.push({ file, tree: readPhpArray(code, file) });
    } catch (e) {
      if (!(e instanceof PhpArrayError)) throw e;
      problems.push({ severity: 'warning', file, message: t('{0}; its settings are taken as unknown', e.message) });
      trees.push({ file, tree: undefined });
    }
  }
  return {
    problems,
    get(path) {
      for (const { file, tree } of trees) {
        if (tree === undefined) return { kind: 'unknown', source: file };
        const found = lookup(tree, ['system', 'default', ...path.split('/')]) ?? lookup(tree, path.split('/'));
        if (found === undefined) continue;
        if (found.kind === 'scalar') return { kind: 'set', value: found.value, source: file };
        return { kind: 'unknown', source: file };
      }
      const stored = database?.get(path);
      return stored === undefined ? { kind: 'absent' } : { kind: 'set', value: stored, source: DATABASE_SOURCE };
    },
  };
}

/** The value at `keys`, `unknown` when a non-literal stands on the way, undefined when not there. */
function lookup(tree: Map<string, PhpValue>, keys: string[]): PhpValue | undefined {
  let node: PhpValue = { kind: 'array', entries: tree };
  for (const key of keys) {
    if (node.kind === 'unknown') return node;
    if (node.kind !== 'array') return undefined;
    const next = node.entries.get(key);
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}
