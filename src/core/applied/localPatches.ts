import { existsSync, readdirSync } from 'node:fs';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { join } from 'node:path';
import { parseDiff } from '../diff/parse';
import type { ParsedDiff } from '../diff/types';
import type { Project } from '../lock/project';
import type { StateReason, StateResult } from './appliedState';
import { checkDiff } from './checkDiff';
import { readPatchText } from './patchText';
import type { ProjectFiles } from './projectFiles';

type LocalOrigin = 'm2-hotfixes' | 'cweagans/composer-patches' | 'vaimo/composer-patches';

/** A patch the project keeps itself, with its applied state. */
export interface LocalPatchState extends StateResult {
  /** As written: `m2-hotfixes/x.patch`, or the path in composer.json (or an address, never fetched). */
  file: string;
  origin: LocalOrigin;
  /** The package a composer-patches entry patches (its paths are inside that package's folder). */
  package?: string;
  description?: string;
}

interface LocalEntry {
  file: string;
  origin: LocalOrigin;
  package?: string;
  description?: string;
}

/**
 * The project's own patches, each checked alone like QPT's "Local" patches: `m2-hotfixes/*.patch` (sorted by name;
 * paths from the project root) and the entries of composer.json `extra.patches` / `extra.patches-file` for
 * cweagans/composer-patches or vaimo/composer-patches (paths inside the patched package's folder, `-p1`). Files
 * outside the project are refused; addresses are listed, never fetched.
 */
export function localPatchStates(project: Project, files: ProjectFiles): LocalPatchState[] {
  return [...hotfixes(project.root), ...composerPatches(project)].map((entry): LocalPatchState => {
    const read = readLocalDiff(project, entry);
    return 'reason' in read
      ? { ...entry, state: 'unknown', reason: read.reason }
      : { ...entry, ...checkDiff(read.diff, files, entry.file) };
  });
}

/**
 * A local patch's parsed diff (a composer-patches entry's paths moved into its package's folder), or why it cannot
 * be read: an address (never fetched), a file outside the project, an unreadable or oversized file.
 */
export function readLocalDiff(
  project: Project,
  entry: { file: string; package?: string },
): { diff: ParsedDiff } | { reason: StateReason } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.file)) return { reason: { kind: 'remote', url: entry.file } };
  const read = readPatchText(project.root, entry.file);
  if ('reason' in read) return read;
  const diff = parseDiff(read.text);
  return { diff: entry.package === undefined ? diff : inPackage(diff, entry.package) };
}

function hotfixes(root: string): LocalEntry[] {
  const dir = join(root, 'm2-hotfixes');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.patch'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ file: `m2-hotfixes/${name}`, origin: 'm2-hotfixes' }));
}

/** A package patch's paths, moved into the package's folder under `vendor/`. */
function inPackage(diff: ParsedDiff, pkg: string): ParsedDiff {
  return { ...diff, sections: diff.sections.map((s) => ({ ...s, path: `vendor/${pkg}/${s.path}` })) };
}

function composerPatches(project: Project): LocalEntry[] {
  const json = readJson(join(project.root, 'composer.json'));
  const extra = isRecord(json) && isRecord(json.extra) ? json.extra : undefined;
  if (extra === undefined) return [];
  const origin: LocalOrigin = project.packages.has('vaimo/composer-patches')
    ? 'vaimo/composer-patches'
    : 'cweagans/composer-patches';
  const out: LocalEntry[] = [];
  const seen = new Set<string>();
  const add = (patches: unknown) => {
    if (!isRecord(patches)) return;
    for (const pkg in patches) {
      if (!/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/i.test(pkg)) continue;
      for (const { file, description } of patchList(patches[pkg])) {
        const key = `${pkg}\n${file}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ file, origin, package: pkg, ...(description !== undefined ? { description } : {}) });
      }
    }
  };
  add(extra.patches);
  const lists = typeof extra['patches-file'] === 'string' ? [extra['patches-file']] : extra['patches-file'];
  if (Array.isArray(lists)) {
    for (const name of lists) {
      if (typeof name !== 'string' || 'reason' in readPatchText(project.root, name)) continue;
      const data = readJson(join(project.root, name));
      if (isRecord(data)) add(data.patches);
    }
  }
  return out;
}

/** A package's patches: `{description: path}`, `[{description, url}]`, or vaimo's `{description: {source}}`. */
function patchList(value: unknown): { file: string; description?: string }[] {
  const out: { file: string; description?: string }[] = [];
  const one = (description: string | undefined, v: unknown) => {
    const file =
      typeof v === 'string'
        ? v
        : isRecord(v)
          ? [v.url, v.source, v.path].find((x) => typeof x === 'string')
          : undefined;
    if (typeof file === 'string' && file.trim() !== '')
      out.push({ file: file.trim(), ...(description ? { description } : {}) });
  };
  if (Array.isArray(value)) {
    for (const v of value)
      if (isRecord(v))
        one(typeof v.description === 'string' ? v.description : typeof v.label === 'string' ? v.label : undefined, v);
  } else if (isRecord(value)) {
    for (const description in value) one(description, value[description]);
  }
  return out;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readTextFile(file, FILE_LIMITS.composerJson));
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
