import { parseJsonText } from '../lock/jsonText';
import { InputError } from '../problem';
import { t } from '../text/translate';
import { type CatalogEntry, type LoadedFile, newEntry } from './entry';
import { jsonProblems } from './qptJson';
import { Issues, type PathSegment } from './issues';
import { targetsAt } from './validate';
import { idListAt, isRecord, patchIdAt } from './valueReaders';

/**
 * Reads a facts file written by `build/generate-qpt-facts.mjs`: the facts of every patch of one QPT release (no
 * texts), in a compact form with tables of names. Each patch becomes the entry QPT's own metadata would give
 * (the package ranges go through the same checks), plus the QPT release that introduced it.
 */
export function readFactsText(text: string, file: string): LoadedFile {
  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { file, kind: 'qpt-facts', entries: [], problems: [e.problem] };
  }
  return readFacts(data, file);
}

const skipped = () => t('patch skipped');

function readFacts(data: unknown, file: string): LoadedFile {
  const issues = new Issues();
  const entries: CatalogEntry[] = [];
  if (!isRecord(data) || data.format !== 1 || !Array.isArray(data.patches) || typeof data.qpt !== 'string') {
    issues.error([], t('not a patch facts file (format 1 with a QPT version and a list of patches)'));
    return { file, kind: 'qpt-facts', entries, problems: jsonProblems(file, issues.list) };
  }
  const tables = {
    packages: names(data.packages),
    categories: names(data.categories),
    components: names(data.components),
    origins: names(data.origins),
  };
  const list: unknown[] = data.patches;
  for (let i = 0; i < list.length; i++) {
    const entry = factsEntry(list[i], ['patches', i], tables, issues);
    if (entry !== undefined) entries.push(entry);
  }
  return { file, kind: 'qpt-facts', version: data.qpt, entries, problems: jsonProblems(file, issues.list) };
}

interface Tables {
  packages: string[];
  categories: string[];
  components: string[];
  origins: string[];
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `[id, introduced, origin, categories, components, targets, {r, w}?]`. */
function factsEntry(value: unknown, path: PathSegment[], tables: Tables, issues: Issues): CatalogEntry | undefined {
  if (!Array.isArray(value) || value.length < 6) {
    issues.error(path, t('must be a list [id, introduced in, origin, categories, components, targets]; patch skipped'));
    return undefined;
  }
  const [rawId, introduced, origin, categories, components, targets, extra] = value as unknown[];
  const id = patchIdAt(rawId, [...path, 0], issues, skipped);
  if (id === undefined) return undefined;
  const cats = indexed(categories, tables.categories);
  const comps = indexed(components, tables.components);
  const packages = packagesOf(id, targets, tables.packages);
  if (cats === undefined || comps === undefined || packages === undefined) {
    issues.error(path, t('{0}: refers to a name that is not in the tables; patch skipped', id));
    return undefined;
  }
  const entry = newEntry(id);
  const list = targetsAt(packages, [...path, 5], issues, false);
  if (list.length === 0) return undefined;
  entry.targets = list;
  entry.categories = cats;
  if (comps.length > 0) entry.components = comps;
  if (typeof origin === 'number' && tables.origins[origin] !== undefined) entry.origin = tables.origins[origin];
  if (typeof introduced === 'string') entry.qptVersion = introduced;
  if (isRecord(extra)) {
    if (extra.r !== undefined) {
      const ids = idListAt(extra.r, [...path, 6, 'r'], issues, skipped);
      if (ids === undefined) return undefined;
      entry.require = ids;
    }
    if (extra.w !== undefined) {
      const w = patchIdAt(extra.w, [...path, 6, 'w'], issues, skipped);
      if (w === undefined) return undefined;
      entry.replacedWith = w;
    }
  }
  return entry;
}

function indexed(value: unknown, table: string[]): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const i of value) {
    const name = typeof i === 'number' ? table[i] : undefined;
    if (name === undefined) return undefined;
    out.push(name);
  }
  return out;
}

/** The targets as QPT writes them, `{package: {constraint: {file, require, replaced-with, deprecated}}}`. */
function packagesOf(
  id: string,
  value: unknown,
  packages: string[],
): Record<string, Record<string, unknown>> | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const target of value) {
    if (!Array.isArray(target) || typeof target[1] !== 'string') return undefined;
    const pkg = typeof target[0] === 'number' ? packages[target[0]] : undefined;
    if (pkg === undefined) return undefined;
    const details: Record<string, unknown> = {};
    if (typeof target[2] === 'string') details.file = target[2].split('*').join(id);
    const extra: unknown = target[3];
    if (isRecord(extra)) {
      if (extra.r !== undefined) details.require = extra.r;
      if (extra.w !== undefined) details['replaced-with'] = extra.w;
      if (extra.d !== undefined) details.deprecated = extra.d;
    }
    (out[pkg] ??= {})[target[1]] = details;
  }
  return out;
}
