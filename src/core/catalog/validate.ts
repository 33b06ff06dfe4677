import { ConstraintError, parseConstraint } from '../composer/constraint';
import { t } from '../text/translate';
import { quote } from '../text/quote';
import { type Issues, type PathSegment, withConsequence } from './issues';
import type { PatchTarget } from './patch';
import { idListAt, isRecord, patchIdAt } from './valueReaders';

// These checks run over every entry of QPT's metadata on each load, so they allocate nothing on the happy path:
// paths of bad entries are only built when there is something to report.

/** Composer package names: `vendor/name`. */
const PACKAGE_NAME = /^[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?\/[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?$/;

/** Shared by every range that requires nothing. */
const NO_IDS: readonly string[] = Object.freeze([]);

const TARGET_KEYS = new Set(['file', 'require', 'replaced-with', 'deprecated']);
const rangeSkipped = () => t('this range is skipped');

/**
 * Reads a QPT-style `packages` mapping at `path`: `{package: {constraint: {file?, require?, replaced-with?,
 * deprecated?}}}`. A broken package or range is reported and skipped; `deprecated` defaults to true where
 * `replaced-with` is set. `strictKeys` reports unknown keys in a range (likely typos in hand-written catalogs).
 */
export function targetsAt(value: unknown, path: PathSegment[], issues: Issues, strictKeys: boolean): PatchTarget[] {
  const targets: PatchTarget[] = [];
  if (!isRecord(value)) {
    issues.error(path, t('must map package names to version constraints'));
    return targets;
  }
  for (const pkg in value) {
    const ranges = value[pkg];
    if (!isPackageName(pkg)) {
      issues.error([...path, pkg], t('{0} is not a Composer package name (vendor/name); skipped', quote(pkg)), true);
      continue;
    }
    if (!isRecord(ranges) || isEmpty(ranges)) {
      issues.error([...path, pkg], t('must map version constraints to patch details; package {0} skipped', pkg));
      continue;
    }
    for (const constraint in ranges) {
      const target = targetAt(pkg, constraint, ranges[constraint], path, issues, strictKeys);
      if (target !== undefined) targets.push(target);
    }
  }
  return targets;
}

const NAMES_LIMIT = 20_000;
/** Package names already found well-formed: a catalog's many ranges name few packages. */
const packageNames = new Set<string>();

function isPackageName(name: string): boolean {
  if (packageNames.has(name)) return true;
  if (!PACKAGE_NAME.test(name)) return false;
  if (packageNames.size >= NAMES_LIMIT) packageNames.clear();
  packageNames.add(name);
  return true;
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

/** The path of a range (and a key inside it); built only to report something. */
function rangePath(
  packagesPath: PathSegment[],
  pkg: string,
  constraint: string,
  ...rest: PathSegment[]
): PathSegment[] {
  return [...packagesPath, pkg, constraint, ...rest];
}

/** One range; `packagesPath` is the path of the whole `packages` mapping. */
function targetAt(
  pkg: string,
  constraint: string,
  details: unknown,
  packagesPath: PathSegment[],
  issues: Issues,
  strictKeys: boolean,
): PatchTarget | undefined {
  try {
    parseConstraint(constraint);
  } catch (e) {
    if (!(e instanceof ConstraintError)) throw e;
    issues.error(rangePath(packagesPath, pkg, constraint), withConsequence(e.message, rangeSkipped), true);
    return undefined;
  }
  const d = details === null || details === undefined ? {} : details;
  if (!isRecord(d)) {
    const what = t('must be a mapping with file, require, replaced-with or deprecated');
    issues.error(rangePath(packagesPath, pkg, constraint), withConsequence(what, rangeSkipped));
    return undefined;
  }
  const { file, require, deprecated } = d;
  const replacement = d['replaced-with'];
  if (file !== undefined && (typeof file !== 'string' || file.trim() === '')) {
    issues.error(
      rangePath(packagesPath, pkg, constraint, 'file'),
      withConsequence(t('must be a file name'), rangeSkipped),
    );
    return undefined;
  }
  let requires: readonly string[] = NO_IDS;
  if (require !== undefined && require !== null) {
    const ids = idListAt(require, rangePath(packagesPath, pkg, constraint, 'require'), issues, rangeSkipped);
    if (ids === undefined) return undefined;
    requires = ids;
  }
  let replacedWith: string | undefined;
  if (replacement !== undefined && replacement !== null) {
    replacedWith = patchIdAt(
      replacement,
      rangePath(packagesPath, pkg, constraint, 'replaced-with'),
      issues,
      rangeSkipped,
    );
    if (replacedWith === undefined) return undefined;
  }
  if (deprecated !== undefined && deprecated !== null && typeof deprecated !== 'boolean') {
    issues.error(
      rangePath(packagesPath, pkg, constraint, 'deprecated'),
      withConsequence(t('must be true or false'), rangeSkipped),
    );
    return undefined;
  }
  // Every field is present (optional ones may be undefined), so all targets share one shape.
  const target: PatchTarget = {
    package: pkg,
    constraint,
    file,
    require: requires,
    replacedWith,
    deprecated: typeof deprecated === 'boolean' ? deprecated : replacedWith !== undefined,
  };
  if (strictKeys) {
    for (const key in d) {
      if (!TARGET_KEYS.has(key)) {
        const what = t('unknown key {0} ignored (expected file, require, replaced-with or deprecated)', quote(key));
        issues.warn(rangePath(packagesPath, pkg, constraint, key), what, true);
      }
    }
  }
  return target;
}
