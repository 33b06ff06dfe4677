import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { stripBom } from './jsonText';

/** Folders never searched: dependencies and version control. */
const SKIPPED = new Set(['vendor', 'node_modules', '.git', '.hg', '.svn']);
/** Magento's generated and runtime folders, skipped below a folder that holds a composer.json. */
const RUNTIME = new Set(['generated', 'var', 'pub']);

export const DEFAULT_SEARCH_DEPTH = 6;
/** The deepest search a setting or option may ask for. */
export const MAX_SEARCH_DEPTH = 32;

/** Composer files found below a folder. */
export interface ComposerFiles {
  /** Absolute paths of every `composer.lock`, sorted (a folder's own lock before those of its sub-folders). */
  lockFiles: string[];
  /** Absolute paths of every `composer.json` that has no `composer.lock` beside it, sorted the same way. */
  unlockedComposerJsons: string[];
}

/**
 * Searches `folder` and its sub-folders (down to `maxDepth` levels) for Composer projects. Skips `vendor/`,
 * `node_modules/`, version-control folders, a project's configured `config.vendor-dir` and Magento's
 * `generated/`, `var/` and `pub/`. Symbolic links to folders are not followed; a `composer.lock` or `composer.json`
 * that is a symbolic link counts when it leads to a regular file inside `folder`. Unreadable folders are passed over.
 */
export function scanComposerFiles(folder: string, maxDepth = DEFAULT_SEARCH_DEPTH): ComposerFiles {
  const lockFiles: string[] = [];
  const unlocked: string[] = [];
  const vendorDirs = new Set<string>();
  const walk = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const files = new Set(
      entries.filter((e) => e.isFile() || (e.isSymbolicLink() && linkInside(join(dir, e.name)))).map((e) => e.name),
    );
    const hasJson = files.has('composer.json');
    if (files.has('composer.lock')) lockFiles.push(join(dir, 'composer.lock'));
    else if (hasJson) unlocked.push(join(dir, 'composer.json'));
    if (depth >= maxDepth) return;
    const vendorDir = hasJson ? configuredVendorDir(dir) : undefined;
    if (vendorDir !== undefined) vendorDirs.add(vendorDir);
    for (const e of entries) {
      if (!e.isDirectory() || SKIPPED.has(e.name) || (hasJson && RUNTIME.has(e.name))) continue;
      const child = join(dir, e.name);
      if (vendorDirs.has(child)) continue;
      walk(child, depth + 1);
    }
  };
  const root = resolve(folder);
  let realRoot: string | undefined;
  /** A link named like a Composer file counts when it leads to a regular file inside the searched folder. */
  const linkInside = (link: string): boolean => {
    const name = link.slice(link.lastIndexOf(sep) + 1);
    if (name !== 'composer.lock' && name !== 'composer.json') return false;
    try {
      realRoot ??= realpathSync(root);
      const target = realpathSync(link);
      return (target === realRoot || target.startsWith(realRoot + sep)) && statSync(target).isFile();
    } catch {
      return false;
    }
  };
  walk(root, 0);
  const byFolder = (a: string, b: string) => compareByFolder(relative(root, a), relative(root, b));
  return { lockFiles: lockFiles.sort(byFolder), unlockedComposerJsons: unlocked.sort(byFolder) };
}

/** Every composer.lock in `folder` and below it (see {@link scanComposerFiles}), sorted. */
export function findLockFiles(folder: string, maxDepth = DEFAULT_SEARCH_DEPTH): string[] {
  return scanComposerFiles(folder, maxDepth).lockFiles;
}

/** The absolute `config.vendor-dir` of the composer.json in `dir`, when it sets one; a broken file sets none. */
function configuredVendorDir(dir: string): string | undefined {
  try {
    const json = JSON.parse(stripBom(readTextFile(join(dir, 'composer.json'), FILE_LIMITS.composerJson))) as {
      config?: { 'vendor-dir'?: unknown };
    };
    const v = json?.config?.['vendor-dir'];
    return typeof v === 'string' && v.trim() !== '' ? resolve(dir, v.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** Orders paths folder by folder, so `composer.lock` comes before `a/composer.lock`, which comes before `b/...`. */
function compareByFolder(a: string, b: string): number {
  const pa = a.split(sep);
  const pb = b.split(sep);
  // The file name is the last segment; compare the folders first, a shorter (parent) folder first.
  const fa = pa.slice(0, -1);
  const fb = pb.slice(0, -1);
  for (let i = 0; i < Math.min(fa.length, fb.length); i++) {
    if (fa[i] !== fb[i]) return fa[i] < fb[i] ? -1 : 1;
  }
  if (fa.length !== fb.length) return fa.length - fb.length;
  return pa[pa.length - 1] < pb[pb.length - 1] ? -1 : pa[pa.length - 1] > pb[pb.length - 1] ? 1 : 0;
}
