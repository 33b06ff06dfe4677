import { parseConstraint } from '../composer/constraint';
import { LOCALES } from '../locale';
import { t } from '../text/translate';
import { quote } from '../text/quote';
import { type CatalogEntry, newEntry, type Texts } from './entry';
import { metadataAt } from './metadata';
import { type Issue, Issues, type PathSegment, withConsequence } from './issues';
import { targetsAt } from './validate';
import { idListAt, isRecord, patchIdAt, stringListAt } from './valueReaders';

/**
 * Checks a hand-written catalog (the bundled patches.yaml, or a user's YAML file) already turned into plain data;
 * the schema is documented at the top of patches.yaml. A broken patch is reported and left out, a broken range
 * is left out of its patch; unknown keys are reported as warnings and ignored.
 */
export function readCuratedCatalog(data: unknown): { entries: CatalogEntry[]; issues: Issue[] } {
  const issues = new Issues();
  const entries: CatalogEntry[] = [];
  if (!isRecord(data) || !isRecord(data.patches)) {
    issues.error(
      isRecord(data) && 'patches' in data ? ['patches'] : [],
      t('not a patch catalog: expected a "patches:" mapping of patch IDs'),
    );
    return { entries, issues: issues.list };
  }
  for (const key of Object.keys(data)) {
    if (key !== 'patches') issues.warn([key], t('unknown top-level key {0} ignored', quote(key)), true);
  }
  for (const [key, value] of Object.entries(data.patches)) {
    const entry = curatedPatch(key, value, ['patches', key], issues);
    if (entry !== undefined) entries.push(entry);
  }
  return { entries, issues: issues.list };
}

const skipped = () => t('patch skipped');
const KEYS = new Set([
  'title',
  'description',
  'categories',
  'components',
  'origin',
  'packages',
  'qpt',
  'fixed-in',
  'docs',
  'require',
  'replaced-with',
  'deprecated',
  'metadata',
]);
const QPT_VERSION = /^\d+\.\d+\.\d+$/;
/** An article path below `patches-available-in-qpt/`, e.g. `v1-1-54/acsd-61103-some-slug`. */
const DOCS_PATH = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/;

function curatedPatch(key: string, value: unknown, path: PathSegment[], issues: Issues): CatalogEntry | undefined {
  const id = patchIdAt(key, path, issues, skipped, true);
  if (id === undefined) return undefined;
  if (!isRecord(value)) {
    issues.error(path, withConsequence(t('must be a mapping with at least a title'), skipped));
    return undefined;
  }
  for (const k of Object.keys(value)) {
    if (!KEYS.has(k)) issues.warn([...path, k], t('unknown key {0} ignored', quote(k)), true);
  }
  const entry = newEntry(id);
  const title = textsAt(value.title, [...path, 'title'], issues, true);
  if (title === undefined) return undefined;
  entry.title = title;
  if (value.description !== undefined) {
    const description = textsAt(value.description, [...path, 'description'], issues, true);
    if (description === undefined) return undefined;
    entry.description = description;
  }
  for (const k of ['categories', 'components'] as const) {
    if (value[k] === undefined) continue;
    const list = stringListAt(value[k], [...path, k], issues, skipped);
    if (list === undefined) return undefined;
    entry[k] = list;
  }
  const ok =
    optionalString(
      value,
      'origin',
      path,
      issues,
      (s) => s.length > 0,
      () => t('must be a text'),
      (s) => (entry.origin = s),
    ) &&
    optionalString(
      value,
      'qpt',
      path,
      issues,
      (s) => QPT_VERSION.test(s),
      () => t('must be a QPT version such as "1.1.54"'),
      (s) => (entry.qptVersion = s),
    ) &&
    optionalString(
      value,
      'fixed-in',
      path,
      issues,
      isRelease,
      () => t('must be a release such as "2.4.8"'),
      (s) => (entry.fixedIn = s),
    ) &&
    optionalString(
      value,
      'docs',
      path,
      issues,
      (s) => DOCS_PATH.test(s),
      () => t('must be an article path such as "v1-1-54/acsd-61103-some-title"'),
      (s) => (entry.docsPath = s),
    );
  if (!ok) return undefined;
  if (value.require !== undefined && value.require !== null) {
    const require = idListAt(value.require, [...path, 'require'], issues, skipped);
    if (require === undefined) return undefined;
    entry.require = require;
  }
  if (value['replaced-with'] !== undefined && value['replaced-with'] !== null) {
    const replacement = patchIdAt(value['replaced-with'], [...path, 'replaced-with'], issues, skipped);
    if (replacement === undefined) return undefined;
    entry.replacedWith = replacement;
  }
  if (value.deprecated !== undefined && value.deprecated !== null) {
    if (typeof value.deprecated !== 'boolean') {
      issues.error([...path, 'deprecated'], withConsequence(t('must be true or false'), skipped));
      return undefined;
    }
    entry.deprecated = value.deprecated;
  }
  if (value.packages !== undefined && value.packages !== null) {
    const before = issues.list.filter((i) => i.severity === 'error').length;
    const targets = targetsAt(value.packages, [...path, 'packages'], issues, true);
    if (targets.length === 0) {
      const reported = issues.list.filter((i) => i.severity === 'error').length > before;
      const what = reported ? t('no usable package constraint left') : t('has no version constraints');
      issues.error(reported ? path : [...path, 'packages'], withConsequence(what, skipped), reported);
      return undefined;
    }
    entry.targets = targets;
  }
  // A broken signature is reported and left out; the patch is kept.
  if (value.metadata !== undefined && value.metadata !== null)
    entry.metadata = metadataAt(value.metadata, [...path, 'metadata'], issues);
  return entry;
}

/** A single release such as `2.4.8` or `2.4.7-p3`, as Composer reads it (checked the way triage uses it: `>=X`). */
function isRelease(s: string): boolean {
  if (!/^\d[0-9A-Za-z.-]*$/.test(s)) return false;
  try {
    parseConstraint(`>=${s}`);
    return true;
  } catch {
    return false;
  }
}

/** A text, or a mapping of texts by language (`en` required when `requireEnglish`). */
function textsAt(value: unknown, path: PathSegment[], issues: Issues, requireEnglish: boolean): Texts | undefined {
  if (typeof value === 'string' && value.trim() !== '') return { en: value.trim() };
  if (!isRecord(value)) {
    const what =
      value === undefined
        ? t('"{0}" is missing', String(path[path.length - 1]))
        : t('must be a text or a mapping of texts by language ({0})', LOCALES.join(', '));
    issues.error(path, withConsequence(what, skipped));
    return undefined;
  }
  const texts: Texts = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!(LOCALES as readonly string[]).includes(lang)) {
      issues.warn(
        [...path, lang],
        t('unknown language {0} ignored (expected {1})', quote(lang), LOCALES.join(', ')),
        true,
      );
      continue;
    }
    if (typeof text !== 'string' || text.trim() === '') {
      issues.error([...path, lang], withConsequence(t('must be a text'), skipped));
      return undefined;
    }
    texts[lang as keyof Texts] = text.trim();
  }
  if (requireEnglish && texts.en === undefined) {
    issues.error(path, withConsequence(t('needs an English text (en)'), skipped));
    return undefined;
  }
  return texts;
}

function optionalString(
  record: Record<string, unknown>,
  key: string,
  path: PathSegment[],
  issues: Issues,
  valid: (s: string) => boolean,
  expected: () => string,
  set: (s: string) => void,
): boolean {
  const value = record[key];
  if (value === undefined || value === null) return true;
  if (typeof value === 'string' && valid(value.trim())) {
    set(value.trim());
    return true;
  }
  const what =
    typeof value === 'number' ? t('{0} (write it in quotes: YAML reads it as a number)', expected()) : expected();
  issues.error([...path, key], withConsequence(what, skipped));
  return false;
}
