import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../problem';
import { t } from '../text/translate';
import { jsonPath, parseJsonText } from './jsonText';

/** Absolute vendor and bin folders of a Composer project. */
export interface ComposerDirs {
  vendorDir: string;
  binDir: string;
}

/**
 * Reads `config.vendor-dir` (default `vendor`) and `config.bin-dir` (default `{$vendor-dir}/bin`) from a
 * composer.json text, resolved against `root` the way Composer does it (`~` and `$HOME` prefixes, `{$vendor-dir}`
 * references). Without a composer.json text the defaults apply. `file` names the composer.json in errors.
 */
export function composerDirs(
  root: string,
  composerJsonText: string | undefined,
  file: string,
  home?: string,
): ComposerDirs {
  let vendor = 'vendor';
  let bin = '{$vendor-dir}/bin';
  if (composerJsonText !== undefined) {
    const json = parseJsonText(composerJsonText, file);
    if (!isObject(json)) throw shapeError(file, [], t('not a composer.json: expected a JSON object'));
    const config = json.config;
    if (config !== undefined && config !== null) {
      if (!isObject(config)) throw shapeError(file, ['config'], t('"{0}" must be an object', 'config'));
      vendor = dirSetting(config, 'vendor-dir', vendor, file);
      bin = dirSetting(config, 'bin-dir', bin, file);
    }
  }
  const vendorDir = absolute(root, expandHome(vendor, home));
  const binDir = absolute(root, expandHome(bin.replace(/\{\$vendor-dir\}/g, vendorDir), home));
  return { vendorDir, binDir };
}

function dirSetting(config: Record<string, unknown>, key: string, fallback: string, file: string): string {
  const value = config[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw shapeError(file, ['config', key], t('"{0}" must be a folder name', key));
  }
  return value.trim();
}

function expandHome(dir: string, home = process.env.HOME ?? process.env.USERPROFILE): string {
  const m = /^(?:\$HOME|~)(?=\/|\\|$)/.exec(dir);
  return m && home ? home + dir.slice(m[0].length) : dir;
}

function absolute(root: string, dir: string): string {
  let end = dir.length;
  while (end > 1 && (dir[end - 1] === '/' || dir[end - 1] === '\\')) end--;
  const trimmed = dir.slice(0, end);
  return isAbsolute(trimmed) ? resolve(trimmed) : resolve(join(root, trimmed));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shapeError(file: string, path: string[], message: string): InputError {
  return new InputError({ severity: 'error', file, ...(path.length > 0 ? { path: jsonPath(path) } : {}), message });
}
