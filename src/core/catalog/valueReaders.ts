import { isSafePatchId } from '../qpt/patchId';
import { t } from '../text/translate';
import { quote } from '../text/quote';
import { type Consequence, type Issues, type PathSegment, withConsequence } from './issues';
import { isCanonicalPatchId, normalizePatchId } from './patchId';

// Generic readers of one value of a catalog document: each returns the value when it is well-formed, and otherwise
// reports at its path and returns undefined. Like the rest of the checks they allocate nothing on the happy path.

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A patch ID, normalized, when `value` is one that may be used anywhere (it is safe to pass on to QPT);
 * otherwise undefined after reporting at `path` (with `consequence`, e.g. "patch skipped", added to the message).
 */
export function patchIdAt(
  value: unknown,
  path: PathSegment[],
  issues: Issues,
  consequence?: Consequence,
  atKey = false,
): string | undefined {
  if (typeof value === 'string') {
    if (isCanonicalPatchId(value)) return value;
    if (isSafePatchId(value.trim())) return normalizePatchId(value);
  }
  const what =
    value === undefined || value === null
      ? t('the patch ID is missing')
      : t(
          '{0} is not a patch ID (letters and digits joined by "-", "_" or "/")',
          quote(typeof value === 'string' ? value : String(JSON.stringify(value))),
        );
  issues.error(path, withConsequence(what, consequence), atKey);
  return undefined;
}

/** A list of non-empty strings; undefined (after reporting) when it is anything else. */
export function stringListAt(
  value: unknown,
  path: PathSegment[],
  issues: Issues,
  consequence?: Consequence,
): string[] | undefined {
  if (Array.isArray(value)) {
    let clean = true;
    for (const s of value) {
      if (typeof s !== 'string' || s.trim() === '') {
        clean = false;
        break;
      }
    }
    if (clean) return value as string[];
  }
  issues.error(path, withConsequence(t('must be a list of names'), consequence));
  return undefined;
}

/** A list of patch IDs (a single ID is accepted too), without duplicates. */
export function idListAt(
  value: unknown,
  path: PathSegment[],
  issues: Issues,
  consequence?: Consequence,
): string[] | undefined {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    issues.error(path, withConsequence(t('must be a list of patch IDs'), consequence));
    return undefined;
  }
  const ids: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const id = patchIdAt(list[i], Array.isArray(value) ? [...path, i] : path, issues, consequence);
    if (id === undefined) return undefined;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
