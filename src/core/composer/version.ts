import { normalizeVersion, parseStability, type Stability } from './normalize';

/**
 * A version as Composer understands it. Two versions are ordered by PHP's `version_compare` on their
 * normalized forms, which is what Composer's `Comparator` and constraints use:
 * `2.4.6 < 2.4.6-p1 < 2.4.6-p10 < 2.4.7-dev < 2.4.7-alpha1 < 2.4.7-beta1 < 2.4.7-RC1 < 2.4.7`.
 */
export interface ComposerVersion {
  /** The text as given. */
  readonly text: string;
  /** Composer's normalized form, e.g. `2.4.6.0-patch3`, `2.4.9.0-beta1`, `dev-main`. */
  readonly normalized: string;
  /** A named branch (`dev-main`): equal only to itself, never inside a range. */
  readonly isBranch: boolean;
  readonly stability: Stability;
  /**
   * Comparison key: (rank, value) pairs, one per part of the normalized form. Numbers have rank 4 and their value;
   * words have the rank PHP gives them (`dev` 0, `alpha` 1, `beta` 2, `RC` 3, `patch` 5, unknown -1) and value 0.
   */
  readonly order: readonly number[];
}

const NUMBER_RANK = 4;
/** A part missing at the end compares like a number smaller than any: below digits, above `dev`…`RC`, below `patch`. */
const MISSING_VALUE = -1;

/** PHP `version_compare`'s order of special words, matched by prefix as PHP does (`patch` is a `p`). */
function wordRank(word: string): number {
  if (word.startsWith('dev')) return 0;
  if (word.startsWith('alpha') || word.startsWith('a')) return 1;
  if (word.startsWith('beta') || word.startsWith('b')) return 2;
  if (word.startsWith('RC') || word.startsWith('rc')) return 3;
  if (word.startsWith('pl') || word.startsWith('p')) return 5;
  return -1;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Splits like PHP's version canonicalization: runs of digits and runs of letters; anything else separates. */
function orderKey(normalized: string): number[] {
  const key: number[] = [];
  let i = 0;
  while (i < normalized.length) {
    const c = normalized.charCodeAt(i);
    let j = i + 1;
    if (isDigit(c)) {
      while (j < normalized.length && isDigit(normalized.charCodeAt(j))) j++;
      key.push(NUMBER_RANK, Number(normalized.slice(i, j)));
    } else if (isLetter(c)) {
      while (j < normalized.length && isLetter(normalized.charCodeAt(j))) j++;
      key.push(wordRank(normalized.slice(i, j)), 0);
    }
    i = j;
  }
  return key;
}

/** Builds a version from an already normalized string (constraint bounds). */
export function fromNormalized(normalized: string, text = normalized): ComposerVersion {
  const isBranch = normalized.startsWith('dev-');
  return {
    text,
    normalized,
    isBranch,
    stability: parseStability(normalized),
    order: isBranch ? [] : orderKey(normalized),
  };
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, ComposerVersion | null>();

/**
 * Parses a Composer version (`2.4.6-p3`, `v2.4`, `2.4.9-beta1`, `1.0.x-dev`, `dev-main`), or returns undefined when
 * Composer would reject it. Results are cached per text.
 */
export function parseVersion(text: string): ComposerVersion | undefined {
  let v = cache.get(text);
  if (v === undefined) {
    try {
      v = fromNormalized(normalizeVersion(text), text);
    } catch {
      v = null;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, v);
  }
  return v ?? undefined;
}

/** PHP `version_compare` on two comparison keys: -1, 0 or 1. */
export function compareOrder(a: readonly number[], b: readonly number[]): number {
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i += 2) {
    const ra = i < a.length ? a[i] : NUMBER_RANK;
    const rb = i < b.length ? b[i] : NUMBER_RANK;
    if (ra !== rb) return ra < rb ? -1 : 1;
    const va = i < a.length ? a[i + 1] : MISSING_VALUE;
    const vb = i < b.length ? b[i + 1] : MISSING_VALUE;
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return 0;
}

/**
 * Orders two versions: negative, 0 or positive. Numbered versions follow Composer; named branches (`dev-*`),
 * which Composer never orders, sort after every numbered version and by name among themselves.
 */
export function compareVersions(a: ComposerVersion, b: ComposerVersion): number {
  if (a.isBranch || b.isBranch) {
    if (!a.isBranch) return -1;
    if (!b.isBranch) return 1;
    return a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0;
  }
  return compareOrder(a.order, b.order);
}
