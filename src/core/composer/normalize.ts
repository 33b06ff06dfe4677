/**
 * Composer's version normalization (`VersionParser::normalize`, `normalizeBranch`, `parseStability`),
 * reproduced rule for rule so that normalized strings are byte-identical to Composer's:
 * `2.4.6-p3` → `2.4.6.0-patch3`, `v2.4` → `2.4.0.0`, `1.0.x-dev` → `1.0.9999999.9999999-dev`, `master` → `dev-master`.
 */

import { t } from '../text/translate';
import { quote } from '../text/quote';

/** PCRE's `\s` (ASCII only), so that exotic Unicode spaces are not taken for separators. */
export const WS = '[\\t\\n\\v\\f\\r ]';
export const NOT_WS = '[^\\t\\n\\v\\f\\r ]';
/** Neither whitespace nor a comma. */
export const TOKEN_CHAR = '[^,\\t\\n\\v\\f\\r ]';

/**
 * A stability suffix after the numbers. Groups: 1 stability word, 2 its number(s), 3 a `dev` suffix.
 * Separators `.`, `_`, `-` or none; only the listed words may carry a number (`-p1`, `RC.2`, `beta-1.2`).
 * Composer writes the number part `((?:[.-]?\d+)*)`, which can split a run of digits in exponentially many ways;
 * this is the same language written so that a run of digits is matched one way only (linear time).
 */
export const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)([.-]?\\d+(?:[.-]\\d+)*)?)?([.-]?dev)?';

export type Stability = 'stable' | 'RC' | 'beta' | 'alpha' | 'dev';

/** Thrown for text that is not a Composer version; the message quotes the text. */
export class VersionSyntaxError extends Error {
  constructor(readonly version: string) {
    super(t('{0} is not a valid version', quote(version)));
    this.name = 'VersionSyntaxError';
  }
}

/** `1.0.x-dev as 1.0.3`: Composer keeps the left side. */
export const ALIAS = new RegExp(`^(${TOKEN_CHAR}+) +as +(${TOKEN_CHAR}+)$`);
const STABILITY_FLAG = /@(?:stable|RC|beta|alpha|dev)$/i;
const BUILD_METADATA = new RegExp(`^([^,+\\t\\n\\v\\f\\r ]+)\\+${NOT_WS}+$`);
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');
const DEV_SUFFIX = /^(.*?)[.-]?dev$/i;
const NUMERIC_BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/i;
const STABILITY_TAIL = new RegExp(`${MODIFIER}$`, 'i');

/** PHP's `trim()`: space, tab, LF, CR, NUL and vertical tab (in linear time, whatever the text). */
export function phpTrim(text: string): string {
  return trimWhere(text, isPhpSpace);
}

/** PCRE's `\s` without Unicode: tab, LF, VT, FF, CR and space. */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isPhpSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 11;
}

/** `text` without the leading and trailing characters for which `drop` holds; one pass from each end. */
export function trimWhere(text: string, drop: (charCode: number) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && drop(text.charCodeAt(start))) start++;
  while (end > start && drop(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** PHP's `empty()` for a regex group: unset, `''` and `'0'` are empty. */
export function phpEmpty(group: string | undefined): boolean {
  return group === undefined || group === '' || group === '0';
}

function expandStability(word: string): string {
  const w = word.toLowerCase();
  switch (w) {
    case 'a':
      return 'alpha';
    case 'b':
      return 'beta';
    case 'p':
    case 'pl':
      return 'patch';
    case 'rc':
      return 'RC';
    default:
      return w;
  }
}

/**
 * Normalizes a version the way Composer does. Throws {@link VersionSyntaxError} for anything Composer rejects
 * (constraints such as `^1` or `1.*`, five numeric parts, unknown suffixes such as `1.0.0-meh`, empty text).
 */
export function normalizeVersion(input: string): string {
  const original = phpTrim(input);
  let version = original;

  const alias = ALIAS.exec(version);
  if (alias) version = alias[1];

  const flag = STABILITY_FLAG.exec(version);
  if (flag) version = version.slice(0, version.length - flag[0].length);

  if (version === 'master' || version === 'trunk' || version === 'default') version = `dev-${version}`;

  if (version.slice(0, 4).toLowerCase() === 'dev-') return `dev-${version.slice(4)}`;

  const build = BUILD_METADATA.exec(version);
  if (build) version = build[1];

  // Numbers, then groups (stability word, its number, dev suffix) starting at `modifierAt`.
  let numbers: string | undefined;
  let modifierAt = 0;
  let m = CLASSICAL.exec(version);
  if (m) {
    numbers = m[1] + (phpEmpty(m[2]) ? '.0' : m[2]) + (phpEmpty(m[3]) ? '.0' : m[3]) + (phpEmpty(m[4]) ? '.0' : m[4]);
    modifierAt = 5;
  } else if ((m = DATE.exec(version))) {
    numbers = m[1].replace(/\D/g, '.');
    modifierAt = 2;
  }
  if (m && numbers !== undefined) {
    const stability = m[modifierAt];
    const stabilityNumber = m[modifierAt + 1];
    let result = numbers;
    if (!phpEmpty(stability)) {
      if (stability === 'stable') return result;
      result += `-${expandStability(stability)}${stabilityNumber ? stabilityNumber.replace(/^[.-]+/, '') : ''}`;
    }
    if (!phpEmpty(m[modifierAt + 2])) result += '-dev';
    return result;
  }

  const dev = DEV_SUFFIX.exec(version);
  if (dev) {
    const branch = normalizeBranch(dev[1]);
    if (!branch.includes('dev-')) return branch;
  }

  throw new VersionSyntaxError(original);
}

/** Composer's `normalizeBranch`: `1.0.x` → `1.0.9999999.9999999-dev`, any other name → `dev-<name>`. */
function normalizeBranch(input: string): string {
  const name = phpTrim(input);
  const m = NUMERIC_BRANCH.exec(name);
  if (m) {
    let version = '';
    for (let i = 1; i < 5; i++) version += m[i] !== undefined ? m[i].replace(/[*X]/g, 'x') : '.x';
    return `${version.replace(/x/g, '9999999')}-dev`;
  }
  return `dev-${name}`;
}

/**
 * The text before build metadata that Composer's `(?:\+.*)?$` skips: up to the first `+` when no line break follows
 * it. Cut here rather than in the pattern, where `.*` before `$` is tried from every `+` (quadratic).
 */
function withoutBuild(version: string): string {
  const plus = version.indexOf('+');
  return plus >= 0 && !version.includes('\n', plus) ? version.slice(0, plus) : version;
}

/** Composer's `parseStability` of a (pretty or normalized) version. */
export function parseStability(input: string): Stability {
  const hash = input.indexOf('#');
  const version = hash >= 0 && hash < input.length - 1 ? input.slice(0, hash) : input;
  if (version.startsWith('dev-') || version.endsWith('-dev')) return 'dev';
  const m = STABILITY_TAIL.exec(withoutBuild(version.toLowerCase()));
  if (m && !phpEmpty(m[3])) return 'dev';
  const word = m?.[1];
  if (word === 'beta' || word === 'b') return 'beta';
  if (word === 'alpha' || word === 'a') return 'alpha';
  if (word === 'rc') return 'RC';
  return 'stable';
}
