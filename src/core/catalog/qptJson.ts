import { jsonPath } from '../lock/jsonText';
import type { Problem } from '../problem';
import { t } from '../text/translate';
import { type CatalogEntry, type LoadedFile, newEntry } from './entry';
import type { CatalogKind } from './patch';
import { metadataAt } from './metadata';
import { isCanonicalPatchId } from './patchId';
import { type Issue, Issues, withConsequence } from './issues';
import { targetsAt } from './validate';
import { idListAt, isRecord, patchIdAt, stringListAt } from './valueReaders';

/** The QPT metadata formats, told apart by shape. */
export type QptJsonShape = 'qpt-patches' | 'qpt-info';

/**
 * `patches-info.json` is `{version, patches: [...]}`; `support-patches.json` and `community-patches.json` map IDs
 * to `{title, categories, packages}` (one such entry is enough: the broken ones are reported later). Anything else
 * is not QPT metadata.
 */
export function qptJsonShape(data: unknown): QptJsonShape | undefined {
  if (!isRecord(data)) return undefined;
  if (Array.isArray(data.patches)) return 'qpt-info';
  let empty = true;
  for (const key in data) {
    const v = data[key];
    if (isRecord(v) && ('packages' in v || 'title' in v)) return 'qpt-patches';
    empty = false;
  }
  return empty ? 'qpt-patches' : undefined;
}

/** Issues of a JSON document as problems located by JSON path. */
export function jsonProblems(file: string, issues: Issue[]): Problem[] {
  return issues.map((i) => ({
    severity: i.severity,
    file,
    ...(i.path.length > 0 ? { path: jsonPath(i.path) } : {}),
    message: i.message,
  }));
}

/**
 * Reads parsed `support-patches.json` / `community-patches.json` data:
 * `{ID: {title, categories[], packages: {package: {constraint: {file, require?, replaced-with?, deprecated?}}}}}`.
 * A broken patch is reported (by JSON path) and left out; a broken range is left out of its patch.
 */
export function readQptPatches(data: unknown, file: string, kind: CatalogKind): LoadedFile {
  const issues = new Issues();
  const entries: CatalogEntry[] = [];
  if (!isRecord(data)) {
    issues.error([], t('not QPT patch metadata: expected an object that maps patch IDs to patches'));
    return { file, kind, entries, problems: jsonProblems(file, issues.list) };
  }
  for (const key in data) {
    const entry = qptPatch(key, data[key], issues);
    if (entry !== undefined) entries.push(entry);
  }
  return { file, kind, entries, problems: jsonProblems(file, issues.list) };
}

const patchSkipped = () => t('patch skipped');

function qptPatch(key: string, value: unknown, issues: Issues): CatalogEntry | undefined {
  const id = isCanonicalPatchId(key) ? key : patchIdAt(key, [key], issues, patchSkipped, true);
  if (id === undefined) return undefined;
  if (!isRecord(value)) {
    issues.error([key], withConsequence(t('must be an object with title, categories and packages'), patchSkipped));
    return undefined;
  }
  const { categories, packages } = value;
  const title = typeof value.title === 'string' ? value.title.trim() : '';
  if (title === '') {
    issues.error([key, 'title'], withConsequence(t('must be a text'), patchSkipped));
    return undefined;
  }
  const names = categories === undefined ? [] : stringListAt(categories, [key, 'categories'], issues, patchSkipped);
  if (names === undefined) return undefined;
  const before = issues.errors;
  const targets = targetsAt(packages, [key, 'packages'], issues, false);
  if (targets.length === 0) {
    if (issues.errors === before)
      issues.error([key, 'packages'], withConsequence(t('has no version constraints'), patchSkipped));
    else issues.error([key], withConsequence(t('no usable package constraint left'), patchSkipped));
    return undefined;
  }
  const entry = newEntry(id);
  entry.title = { en: title };
  entry.categories = names;
  entry.targets = targets;
  // A broken signature is reported and left out; the patch is kept.
  if (value.metadata !== undefined && value.metadata !== null)
    entry.metadata = metadataAt(value.metadata, [key, 'metadata'], issues);
  return entry;
}

/**
 * Reads parsed `patches-info.json` data: `{version, patches: [{id, description, categories, origin, components,
 * replacedWith?, require?, deprecated?}]}`. It gives descriptions, origin and components, but no package
 * constraints: an entry found only here cannot match a store. Only a `replacedWith` that is a bare ID is taken.
 */
export function readQptInfo(data: unknown, file: string): LoadedFile {
  const issues = new Issues();
  const entries: CatalogEntry[] = [];
  if (!isRecord(data) || !Array.isArray(data.patches)) {
    issues.error([], t('not a patches-info.json: expected an object with a "patches" list'));
    return { file, kind: 'qpt-info', entries, problems: jsonProblems(file, issues.list) };
  }
  const version = typeof data.version === 'string' && data.version.trim() !== '' ? data.version.trim() : undefined;
  const list: unknown[] = data.patches;
  for (let i = 0; i < list.length; i++) {
    const entry = infoEntry(list[i], i, issues);
    if (entry !== undefined) entries.push(entry);
  }
  return {
    file,
    kind: 'qpt-info',
    ...(version !== undefined ? { version } : {}),
    entries,
    problems: jsonProblems(file, issues.list),
  };
}

const entrySkipped = () => t('entry skipped');

function infoEntry(value: unknown, i: number, issues: Issues): CatalogEntry | undefined {
  if (!isRecord(value)) {
    issues.error(['patches', i], withConsequence(t('must be an object with id and description'), entrySkipped));
    return undefined;
  }
  const { id: rawId, description, origin, categories, components, replacedWith, require } = value;
  const id =
    typeof rawId === 'string' && isCanonicalPatchId(rawId)
      ? rawId
      : patchIdAt(rawId, ['patches', i, 'id'], issues, entrySkipped);
  if (id === undefined) return undefined;
  const entry = newEntry(id);
  const text = typeof description === 'string' ? description.trim() : '';
  if (text !== '') entry.description = { en: text };
  const source = typeof origin === 'string' ? origin.trim() : '';
  if (source !== '') entry.origin = source;
  if (categories !== undefined) {
    const list = stringListAt(categories, ['patches', i, 'categories'], issues, entrySkipped);
    if (list === undefined) return undefined;
    entry.categories = list;
  }
  if (components !== undefined) {
    const list = stringListAt(components, ['patches', i, 'components'], issues, entrySkipped);
    if (list === undefined) return undefined;
    entry.components = list;
  }
  // `deprecated` is not taken: it is set when any release is deprecated, while support-patches.json says which
  // ranges are (ACSD-55628 is deprecated for 3 of its 6 ranges), and that is what the installed tool goes by.
  // `replacedWith` is often prose ("X for 2.4.6, 2.4.7. Use Y for ..."): only a bare ID is taken.
  if (typeof replacedWith === 'string' && /^[A-Za-z][\w/-]*$/.test(replacedWith.trim())) {
    const replacement = patchIdAt(replacedWith, ['patches', i, 'replacedWith'], issues);
    if (replacement !== undefined) entry.replacedWith = replacement;
  }
  // `require` maps each required ID to the releases that need it; a plain list is accepted too.
  if (require !== undefined && require !== null) {
    const ids = idListAt(
      isRecord(require) ? Object.keys(require) : require,
      ['patches', i, 'require'],
      issues,
      entrySkipped,
    );
    if (ids === undefined) return undefined;
    entry.require = ids;
  }
  return entry;
}
