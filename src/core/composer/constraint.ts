/**
 * Composer version constraints with Composer's own semantics (`VersionParser::parseConstraints` and
 * `Semver::satisfies`): `||`/`|` separate alternatives, `,` or spaces join requirements, and every operand becomes
 * basic comparisons with Composer's implicit `-dev` bounds (see ./term.ts).
 */
import { t } from '../text/translate';
import { quote } from '../text/quote';
import { isAsciiSpace, phpTrim, trimWhere, VersionSyntaxError } from './normalize';
import { parseTerm, TermSyntaxError, type Operator, type Term } from './term';
import { compareOrder, fromNormalized, parseVersion, type ComposerVersion } from './version';

export interface Constraint {
  /** The constraint as written. */
  readonly text: string;
  /** Composer's rendering of the parsed constraint, e.g. `[>= 2.4.6.0-dev < 2.4.7.0-dev]`. */
  readonly normalized: string;
  matches(v: ComposerVersion): boolean;
}

/** A constraint Composer cannot parse. The message is one line and quotes the constraint. */
export class ConstraintError extends Error {
  constructor(
    readonly constraint: string,
    readonly reason: string,
  ) {
    super(t('Invalid version constraint {0}: {1}', quote(constraint), reason));
    this.name = 'ConstraintError';
  }
}

const enum Op {
  Any,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
}

const OPS: Record<Operator, Op> = {
  '=': Op.Eq,
  '==': Op.Eq,
  '<>': Op.Ne,
  '!=': Op.Ne,
  '<': Op.Lt,
  '<=': Op.Le,
  '>': Op.Gt,
  '>=': Op.Ge,
};
const OP_TEXT = ['*', '==', '!=', '<', '<=', '>', '>='];

interface Bound {
  readonly op: Op;
  /** Unused for `Op.Any`. */
  readonly version: ComposerVersion;
}

const ANY_BOUND: Bound = { op: Op.Any, version: fromNormalized('0') };

/** Composer's `Constraint::matchSpecific` against an exact version: branches only compare for (in)equality. */
function boundMatches(b: Bound, v: ComposerVersion): boolean {
  if (b.op === Op.Any) return true;
  const t = b.version;
  if (t.isBranch || v.isBranch) {
    if (b.op === Op.Eq) return t.normalized === v.normalized;
    if (b.op === Op.Ne) return t.normalized !== v.normalized;
    return false;
  }
  const c = compareOrder(v.order, t.order);
  switch (b.op) {
    case Op.Eq:
      return c === 0;
    case Op.Ne:
      return c !== 0;
    case Op.Lt:
      return c < 0;
    case Op.Le:
      return c <= 0;
    case Op.Gt:
      return c > 0;
    default:
      return c >= 0;
  }
}

function boundText(b: Bound): string {
  return b.op === Op.Any ? '*' : `${OP_TEXT[b.op]} ${b.version.normalized}`;
}

function toBound(t: Term): Bound {
  if (t.op === '*') return ANY_BOUND;
  return { op: OPS[t.op], version: fromNormalized(t.version) };
}

/** Matches when every bound of some group matches. */
class ParsedConstraint implements Constraint {
  private rendered: string | undefined;

  constructor(
    readonly text: string,
    private readonly groups: readonly (readonly Bound[])[],
  ) {}

  /** Rendered on first use: most constraints are only matched. */
  get normalized(): string {
    if (this.rendered === undefined) {
      const parts = this.groups.map((g) => (g.length === 1 ? boundText(g[0]) : `[${g.map(boundText).join(' ')}]`));
      this.rendered = parts.length === 1 ? parts[0] : `[${parts.join(' || ')}]`;
    }
    return this.rendered;
  }

  matches(v: ComposerVersion): boolean {
    const groups = this.groups;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      let all = true;
      for (let i = 0; i < group.length && all; i++) all = boundMatches(group[i], v);
      if (all) return true;
    }
    return false;
  }
}

/** `|` or `||`; the spaces around an alternative are trimmed after the split (a `\s*` in the pattern is quadratic). */
const OR = /\|\|?/;
/** A `,` or space between operands, but not inside `>= 1.0`, `1.0 - 2.0` or `1.0 as 2.0`. */
const AND = /(?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$)/;

/**
 * Operands that start with an operator or a digit, separated by single spaces, none ending in `-` or `as`: what
 * nearly every catalog range looks like (`>=2.4.4 <2.4.7`). {@link AND} splits them at each space, as a plain split
 * does at a fraction of the cost.
 */
const PLAIN_OPERANDS = /^[<>=!~^]{0,2}\d[\w.+-]*(?: [<>=!~^]{0,2}\d[\w.+-]*)*$/;
const ENDS_IN_DASH_OR_AS = /(?:-|as)(?: |$)/;

function operandsOf(alternative: string): string[] {
  return PLAIN_OPERANDS.test(alternative) && !ENDS_IN_DASH_OR_AS.test(alternative)
    ? alternative.split(' ')
    : alternative.split(AND);
}

/**
 * Composer merges `[>= a < b] || [>= b < c]` into `[>= a < c]` when both sides are plain ranges; this changes only
 * the rendering, not what matches.
 */
function mergeContiguous(groups: Bound[][]): Bound[][] {
  const out: Bound[][] = [];
  for (const group of groups) {
    const last = out[out.length - 1];
    if (
      last?.length === 2 &&
      group.length === 2 &&
      last[0].op === Op.Ge &&
      last[1].op === Op.Lt &&
      group[0].op === Op.Ge &&
      (group[1].op === Op.Lt || group[1].op === Op.Le) &&
      last[1].version.normalized === group[0].version.normalized
    ) {
      out[out.length - 1] = [last[0], group[1]];
    } else {
      out.push(group);
    }
  }
  return out;
}

const CACHE_LIMIT = 20_000;

/** The bounds of operands parsed so far: a catalog's constraints repeat the same few operands (`>=2.4.4`, `<2.4.7`). */
const operands = new Map<string, readonly Bound[]>();

/** One operand's bounds (shared, never modified); throws as {@link parseTerm} does. */
function operandBounds(operand: string): readonly Bound[] {
  let bounds = operands.get(operand);
  if (bounds === undefined) {
    bounds = parseTerm(operand).map(toBound);
    if (operands.size >= CACHE_LIMIT) operands.clear();
    operands.set(operand, bounds);
  }
  return bounds;
}

function parseUncached(text: string): Constraint {
  const trimmed = phpTrim(text);
  if (trimmed === '') throw new ConstraintError(text, t('the constraint is empty'));
  const groups: Bound[][] = [];
  for (const spaced of trimmed.split(OR)) {
    const alternative = trimWhere(spaced, isAsciiSpace);
    if (alternative === '') throw new ConstraintError(text, t('an alternative between "||" is empty'));
    const group: Bound[] = [];
    for (const operand of operandsOf(alternative)) {
      try {
        for (const bound of operandBounds(operand)) group.push(bound);
      } catch (e) {
        if (e instanceof VersionSyntaxError || e instanceof TermSyntaxError) {
          throw new ConstraintError(text, operand === text ? e.message : t('{0} in {1}', e.message, quote(operand)));
        }
        throw e;
      }
    }
    groups.push(group);
  }
  return new ParsedConstraint(text, mergeContiguous(groups));
}

const cache = new Map<string, Constraint | ConstraintError>();

/** Parses a Composer constraint; each distinct text is parsed once. Throws {@link ConstraintError}. */
export function parseConstraint(text: string): Constraint {
  let c = cache.get(text);
  if (c === undefined) {
    try {
      c = parseUncached(text);
    } catch (e) {
      if (!(e instanceof ConstraintError)) throw e;
      c = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, c);
  }
  if (c instanceof ConstraintError) throw c;
  return c;
}

/**
 * Composer's `Semver::satisfies`: does `version` (e.g. `2.4.6-p3`) satisfy `constraint` (e.g. `>=2.4.6 <2.4.7`)?
 * False when the version cannot be parsed; throws {@link ConstraintError} for a bad constraint.
 */
export function satisfies(version: string, constraint: string): boolean {
  const c = parseConstraint(constraint);
  const v = parseVersion(version);
  return v !== undefined && c.matches(v);
}
