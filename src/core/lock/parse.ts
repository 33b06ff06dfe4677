import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../problem';
import { shortText } from '../text/quote';
import { t } from '../text/translate';
import { composerDirs } from './composerDirs';
import { jsonPath, parseJsonText } from './jsonText';
import type { Project } from './project';

const BASE = 'magento/magento2-base';
const EE_BASE = 'magento/magento2-ee-base';
const B2B_BASE = 'magento/magento2-b2b-base';
const CLOUD_METAPACKAGE = 'magento/magento-cloud-metapackage';
const ECE_TOOLS = 'magento/ece-tools';
const QUALITY_PATCHES = 'magento/quality-patches';

/** The composer.json that goes with a lock file: `composer.lock` → `composer.json`, `x.lock` → `x.json`. */
export function composerJsonFor(lockFile: string): string {
  const name = basename(lockFile);
  return join(dirname(lockFile), name.endsWith('.lock') ? name.slice(0, -'.lock'.length) + '.json' : 'composer.json');
}

/**
 * Reads what a composer.lock says about a store, without any I/O: `text` is the lock, `composerJsonText` its
 * composer.json (for `config.vendor-dir` / `config.bin-dir`), `lockFile` where the lock lives.
 * A lock without Magento is fine (`product: null`); invalid JSON or a wrong shape throws an {@link InputError}.
 */
export function parseProject(text: string, lockFile: string, composerJsonText?: string): Project {
  const file = resolve(lockFile);
  const lock = parseJsonText(text, file);
  if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) {
    throw notALock(file, [], t('expected a JSON object with a "packages" list'));
  }
  const record = lock as Record<string, unknown>;
  const packages = new Map<string, string>();
  collect(record.packages, 'packages', true, packages, file);
  collect(record['packages-dev'], 'packages-dev', false, packages, file);

  const root = dirname(file);
  const dirs = composerDirs(root, composerJsonText, composerJsonFor(file));
  const base = packages.get(BASE);
  const product: Project['product'] =
    base === undefined
      ? null
      : {
          edition: packages.has(EE_BASE) ? 'commerce' : 'open-source',
          version: withoutV(base),
          b2b: packages.has(B2B_BASE),
          cloud: packages.has(CLOUD_METAPACKAGE) || packages.has(ECE_TOOLS),
        };
  const qpt = packages.get(QUALITY_PATCHES);
  return {
    lockFile: file,
    root,
    product,
    qpt: { installed: qpt === undefined ? null : withoutV(qpt) },
    packages,
    vendorDir: dirs.vendorDir,
    binDir: dirs.binDir,
  };
}

/** One pass over a package list; `packages-dev` may be absent or null (Composer 1). */
function collect(list: unknown, key: string, required: boolean, into: Map<string, string>, file: string): void {
  if (list === undefined || list === null) {
    if (required) throw notALock(file, [], t('expected a JSON object with a "packages" list'));
    return;
  }
  if (!Array.isArray(list)) throw notALock(file, [key], t('"{0}" must be a list', key));
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as { name?: unknown; version?: unknown } | null;
    if (typeof entry !== 'object' || entry === null) throw notALock(file, [key, i], t('a package must be an object'));
    const { name, version } = entry;
    if (typeof name !== 'string' || name === '') throw notALock(file, [key, i, 'name'], t('a package needs a "name"'));
    if (typeof version !== 'string' || version === '') {
      throw notALock(file, [key, i, 'version'], t('package {0} needs a "version"', shortText(name)));
    }
    into.set(name, version);
  }
}

function withoutV(version: string): string {
  return /^v\d/.test(version) ? version.slice(1) : version;
}

function notALock(file: string, path: (string | number)[], detail: string): InputError {
  return new InputError({
    severity: 'error',
    file,
    ...(path.length > 0 ? { path: jsonPath(path) } : {}),
    message: t('not a composer.lock: {0}', detail),
  });
}
