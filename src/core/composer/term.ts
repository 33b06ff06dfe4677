/**
 * One operand of a Composer constraint (`>=2.4.6`, `~2.4`, `^1.3.3`, `2.4.*`, `2.1.4 - 2.1.14`, `2.4.6-p8`), turned
 * into Composer's basic comparisons exactly as `VersionParser::parseConstraint` does, including its implicit `-dev`
 * bounds: `<2.4.7` is `< 2.4.7.0-dev` (no 2.4.7 pre-release passes) and `>=2.4.9` is `>= 2.4.9.0-dev`.
 */
import { t } from '../text/translate';
import { quote } from '../text/quote';
import {
  ALIAS,
  MODIFIER,
  NOT_WS,
  normalizeVersion,
  parseStability,
  phpEmpty,
  TOKEN_CHAR,
  VersionSyntaxError,
  WS,
} from './normalize';

/** Composer's operators, as written; `=`/`==` and `<>`/`!=` mean the same. */
export type Operator = '=' | '==' | '<' | '<=' | '>' | '>=' | '<>' | '!=';

/** A comparison with a normalized version, or `*` (any version, branches included). */
export type Term = { readonly op: Operator; readonly version: string } | { readonly op: '*' };

/** Why an operand cannot be parsed; the constraint parser adds the full constraint text. */
export class TermSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermSyntaxError';
  }
}

const ANY: Term = { op: '*' };

const STABILITY_FLAG = new RegExp(`^(${TOKEN_CHAR}*?)@(stable|RC|beta|alpha|dev)$`, 'i');
const REFERENCE = /^(dev-[^,\t\n\v\f\r @]+?|[^,\t\n\v\f\r @]+?\.x-dev)#.+$/i;
const WILDCARD_ALL = /^(v)?[xX*](\.[xX*])*$/i;
/** Groups: 1-4 numbers, 5 stability word, 6 its number, 7 dev suffix, 8 `x-dev` wildcard. */
const VERSION = `v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:${MODIFIER}|\\.([xX*][.-]?dev))(?:\\+${NOT_WS}+)?`;
const TILDE = new RegExp(`^~>?${VERSION}$`, 'i');
const CARET = new RegExp(`^\\^${VERSION}$`, 'i');
const X_RANGE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.[xX*])+$/;
/** Groups: 1 from, 2-9 its parts (as in VERSION), 10 to, 11-18 its parts. */
const HYPHEN = new RegExp(`^(${VERSION}) +- +(${VERSION})$`, 'i');
const COMPARISON = new RegExp(`^(<>|!=|>=?|<=?|==?)?${WS}*([^\\n]*)`);
const HAS_MODIFIER = new RegExp(`-${MODIFIER}$`);
const BRANCH_LIKE = /^[0-9a-zA-Z./-]+$/;

const present = (group: string | undefined): group is string => group !== undefined && group !== '';

/**
 * Composer's `manipulateVersionString`: keeps parts 1..position (adding `increment` to part `position`) and sets
 * the parts after it to 0, giving a four-part normalized version without suffix.
 */
function bump(parts: readonly (string | undefined)[], position: number, increment: 0 | 1): string {
  const out: string[] = [];
  for (let i = 1; i <= 4; i++) {
    if (i > position) out.push('0');
    else if (i === position && increment) out.push((BigInt(parts[i] || '0') + 1n).toString());
    else out.push(parts[i] ?? '');
  }
  return out.join('.');
}

/** Parses one operand (no `,`, space or `|` inside, except in a hyphen range or an `as` alias). */
export function parseTerm(input: string): Term[] {
  let text = input;

  const alias = ALIAS.exec(text);
  if (alias) text = alias[1];

  let stabilityModifier: string | undefined;
  const flag = STABILITY_FLAG.exec(text);
  if (flag) {
    text = flag[1] !== '' ? flag[1] : '*';
    if (flag[2] !== 'stable') stabilityModifier = flag[2];
  }

  const reference = REFERENCE.exec(text);
  if (reference) text = reference[1];

  const all = WILDCARD_ALL.exec(text);
  if (all) return present(all[1]) || present(all[2]) ? [{ op: '>=', version: '0.0.0.0-dev' }] : [ANY];

  let m = TILDE.exec(text);
  if (m) {
    if (text.startsWith('~>')) throw new TermSyntaxError(t('"~>" is not an operator, use "~" in {0}', quote(text)));
    let position = present(m[4]) ? 4 : present(m[3]) ? 3 : present(m[2]) ? 2 : 1;
    if (!phpEmpty(m[8])) position++;
    const suffix = phpEmpty(m[5]) && phpEmpty(m[7]) && phpEmpty(m[8]) ? '-dev' : '';
    return [
      { op: '>=', version: normalizeVersion((text + suffix).slice(1)) },
      { op: '<', version: `${bump(m, Math.max(1, position - 1), 1)}-dev` },
    ];
  }

  m = CARET.exec(text);
  if (m) {
    const position = m[1] !== '0' || !present(m[2]) ? 1 : m[2] !== '0' || !present(m[3]) ? 2 : 3;
    const suffix = phpEmpty(m[5]) && phpEmpty(m[7]) && phpEmpty(m[8]) ? '-dev' : '';
    return [
      { op: '>=', version: normalizeVersion((text + suffix).slice(1)) },
      { op: '<', version: `${bump(m, position, 1)}-dev` },
    ];
  }

  m = X_RANGE.exec(text);
  if (m) {
    const position = present(m[3]) ? 3 : present(m[2]) ? 2 : 1;
    const low = `${bump(m, position, 0)}-dev`;
    const high: Term = { op: '<', version: `${bump(m, position, 1)}-dev` };
    return low === '0.0.0.0-dev' ? [high] : [{ op: '>=', version: low }, high];
  }

  m = HYPHEN.exec(text);
  if (m) {
    const lowSuffix = phpEmpty(m[6]) && phpEmpty(m[8]) && phpEmpty(m[9]) ? '-dev' : '';
    const low: Term = { op: '>=', version: normalizeVersion(m[1]) + lowSuffix };
    // A complete upper version (or one with a suffix) is inclusive; a partial one (`2.3`) covers all of 2.3.*.
    if ((present(m[12]) && present(m[13])) || !phpEmpty(m[15]) || !phpEmpty(m[17]) || !phpEmpty(m[18])) {
      return [low, { op: '<=', version: normalizeVersion(m[10]) }];
    }
    normalizeVersion(m[10]);
    const upper = [undefined, m[11], m[12], m[13], m[14]];
    return [low, { op: '<', version: `${bump(upper, present(m[12]) ? 2 : 1, 1)}-dev` }];
  }

  const c = COMPARISON.exec(text);
  if (!c) throw new TermSyntaxError(t('cannot parse {0}', quote(text)));
  const target = c[2];
  let version: string;
  try {
    version = normalizeVersion(target);
  } catch (e) {
    // `foo-dev` is read as the branch `dev-foo`, but only for plain names.
    if (!(e instanceof VersionSyntaxError) || !target.endsWith('-dev') || !BRANCH_LIKE.test(target)) throw e;
    version = normalizeVersion(`dev-${target.slice(0, -4)}`);
  }
  const op = (c[1] || '=') as Operator;
  if (op !== '==' && op !== '=' && !phpEmpty(stabilityModifier) && parseStability(version) === 'stable') {
    version += `-${stabilityModifier}`;
  } else if ((op === '<' || op === '>=') && !HAS_MODIFIER.test(target.toLowerCase()) && !target.startsWith('dev-')) {
    // Composer checks the lower-cased text against a case-sensitive `RC`, so `<2.4.7-RC1` also gets `-dev`.
    version += '-dev';
  }
  return [{ op, version }];
}
