import { readdirSync } from 'node:fs';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { isAbsolute, join, resolve } from 'node:path';
import { composerJsonFor } from '../lock/parse';
import { parseJsonText } from '../lock/jsonText';
import type { Project } from '../lock/project';
import { InputError, type Problem } from '../problem';
import { t } from '../text/translate';
import type { LocalPatch } from './upgradePlan';

/** The folder of the store's own patches, which QPT and ece-tools apply after the quality patches. */
const HOTFIXES_DIR = 'm2-hotfixes';

/**
 * The store's own patches: `m2-hotfixes/*.patch` (by name, as QPT collects them) and the composer-patches entries
 * of composer.json (`extra.patches`, or the file `extra.patches-file` names). Problems say what was skipped.
 */
export function readLocalPatches(project: Project): { patches: LocalPatch[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const patches: LocalPatch[] = [];
  const dir = join(project.root, HOTFIXES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.patch'))
      .sort();
  } catch {
    names = [];
  }
  for (const name of names) patches.push({ id: `${HOTFIXES_DIR}/${name}`, kind: 'm2-hotfixes', file: join(dir, name) });
  patches.push(...composerPatches(project, problems));
  return { patches, problems };
}

function readJson(file: string): unknown {
  try {
    return parseJsonText(readTextFile(file, FILE_LIMITS.composerJson), file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    return undefined;
  }
}

function composerPatches(project: Project, problems: Problem[]): LocalPatch[] {
  const file = composerJsonFor(project.lockFile);
  let extra: unknown;
  try {
    extra = (readJson(file) as { extra?: unknown } | undefined)?.extra;
  } catch (e) {
    problems.push((e as InputError).problem);
    return [];
  }
  if (typeof extra !== 'object' || extra === null) return [];
  const record = extra as Record<string, unknown>;
  const out = fromPatchMap(record.patches, file, problems);
  const patchesFile = record['patches-file'];
  if (typeof patchesFile === 'string') {
    const path = isAbsolute(patchesFile) ? patchesFile : resolve(project.root, patchesFile);
    try {
      const data = readJson(path) as { patches?: unknown } | undefined;
      if (data === undefined) problems.push({ severity: 'warning', file: path, message: t('file not found') });
      else out.push(...fromPatchMap(data.patches, path, problems));
    } catch (e) {
      problems.push((e as InputError).problem);
    }
  }
  return out;
}

/** `{package: {description: file}}` (composer-patches 1) or `{package: [{description, url}]}` (2). */
function fromPatchMap(value: unknown, file: string, problems: Problem[]): LocalPatch[] {
  if (value === undefined) return [];
  const out: LocalPatch[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({
      severity: 'warning',
      file,
      path: 'extra.patches',
      message: t('"{0}" must be an object', 'patches'),
    });
    return out;
  }
  for (const [pkg, entries] of Object.entries(value as Record<string, unknown>)) {
    const list: Array<[unknown, unknown]> = Array.isArray(entries)
      ? entries.map((e) => [(e as { description?: unknown })?.description, (e as { url?: unknown })?.url])
      : typeof entries === 'object' && entries !== null
        ? Object.entries(entries)
        : [];
    if (list.length === 0)
      problems.push({ severity: 'warning', file, path: `patches["${pkg}"]`, message: t('no patches listed; skipped') });
    for (const [description, url] of list) {
      if (typeof description === 'string' && typeof url === 'string') {
        out.push({ id: description, kind: 'composer-patches', file: url, package: pkg });
      } else {
        problems.push({
          severity: 'warning',
          file,
          path: `patches["${pkg}"]`,
          message: t('a patch needs a description and a file or URL; skipped'),
        });
      }
    }
  }
  return out;
}
