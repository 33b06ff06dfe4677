import { t } from '../text/translate';

/**
 * A value read from a PHP array file: a literal turned into a string the way PHP does, a nested array, or
 * `unknown` for anything that is not a literal (a constant, `getenv(…)`, string interpolation…).
 */
export type PhpValue =
  { kind: 'scalar'; value: string } | { kind: 'array'; entries: Map<string, PhpValue> } | { kind: 'unknown' };

const UNKNOWN: PhpValue = Object.freeze({ kind: 'unknown' });

/** The file is not a PHP file that returns an array literal, or cannot be parsed: nothing in it is known. */
export class PhpArrayError extends Error {}

/** More nesting than any real `config.php` / `env.php` has; deeper input is refused before it is parsed. */
const MAX_NESTING = 64;

/**
 * The syntax-tree nodes read here, as php-parser builds them (its bundled typings differ: a number's value is its
 * raw text, an entry has `byRef` and `unpack`). Every other kind is `unknown` to the reader.
 */
type Node =
  | { kind: 'return'; expr: Node | null }
  | { kind: 'array'; items: (Node | null)[] }
  | { kind: 'entry'; key: Node | null; value: Node; byRef: boolean; unpack: boolean }
  | { kind: 'string' | 'nowdoc'; value: string }
  | { kind: 'encapsed'; value: Node[] }
  | { kind: 'encapsedpart'; expression: Node | null }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'nullkeyword' }
  | { kind: 'unary'; type: string; what: Node };
type Engine = InstanceType<typeof import('php-parser').Engine>;

/**
 * Reads the array a PHP file such as `app/etc/env.php` returns (`<?php return [...];`), without running it: the
 * maintained `php-parser` package gives the syntax tree, and only literals are taken. A later duplicate key wins
 * over an earlier one, as in PHP. Throws {@link PhpArrayError} with a clear message for anything else.
 */
export function readPhpArray(code: string, file: string): Map<string, PhpValue> {
  // Loaded on first need: the parser is big, and most sessions never read a config file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, on purpose
  const { Engine } = require('php-parser') as typeof import('php-parser');
  const engine = new Engine({
    parser: { php8: true, suppressErrors: false, extractDoc: false },
    ast: { withPositions: true },
    lexer: { short_tags: false },
  });
  checkNesting(engine, code, file);
  let program: Node[];
  try {
    program = engine.parseCode(code, file).children as Node[];
  } catch (e) {
    throw new PhpArrayError(t('{0}: not valid PHP: {1}', file, (e as Error).message.split('\n')[0]));
  }
  const ret = program.find((n): n is Extract<Node, { kind: 'return' }> => n.kind === 'return');
  if (ret === undefined || ret.expr?.kind !== 'array') {
    throw new PhpArrayError(t('{0}: not a PHP file that returns an array ("<?php return [...];")', file));
  }
  const value = valueOf(ret.expr, 0);
  return value.kind === 'array' ? value.entries : new Map<string, PhpValue>();
}

/** Refuses input nested deeper than {@link MAX_NESTING} brackets, counted on the tokens (no recursion). */
function checkNesting(engine: Engine, code: string, file: string): void {
  let tokens: (string | string[])[];
  try {
    tokens = engine.tokenGetAll(code);
  } catch (e) {
    throw new PhpArrayError(t('{0}: not valid PHP: {1}', file, (e as Error).message.split('\n')[0]));
  }
  let depth = 0;
  for (const token of tokens) {
    if (token === '[' || token === '(' || token === '{') {
      if (++depth > MAX_NESTING)
        throw new PhpArrayError(t('{0}: nested more than {1} levels deep; not read', file, MAX_NESTING));
    } else if (token === ']' || token === ')' || token === '}') depth--;
    else if (Array.isArray(token) && (token[0] === 'T_CURLY_OPEN' || token[0] === 'T_DOLLAR_OPEN_CURLY_BRACES'))
      depth++;
  }
}

function valueOf(node: Node | null, depth: number): PhpValue {
  switch (node?.kind) {
    case 'array': {
      const entries = new Map<string, PhpValue>();
      let next = 0;
      for (const item of node.items) {
        if (item?.kind !== 'entry' || item.byRef || item.unpack) return UNKNOWN;
        let key: string | undefined;
        if (item.key === null) key = String(next);
        else {
          const k = valueOf(item.key, depth + 1);
          if (k.kind !== 'scalar') return UNKNOWN;
          key = k.value;
        }
        if (/^(?:0|-?[1-9]\d{0,15})$/.test(key)) next = Math.max(next, Number(key) + 1);
        // A later duplicate replaces the earlier value and keeps its place, as in PHP.
        entries.set(key, valueOf(item.value, depth + 1));
      }
      return { kind: 'array', entries };
    }
    case 'string':
    case 'nowdoc':
      return { kind: 'scalar', value: node.value };
    case 'encapsed': {
      // A heredoc or double-quoted string is a literal only when nothing is interpolated.
      let value = '';
      for (const part of node.value) {
        if (part.kind !== 'encapsedpart' || part.expression?.kind !== 'string') return UNKNOWN;
        value += part.expression.value;
      }
      return { kind: 'scalar', value };
    }
    case 'number':
      return numberValue(node.value);
    case 'boolean':
      return { kind: 'scalar', value: node.value ? '1' : '' };
    case 'nullkeyword':
      return { kind: 'scalar', value: '' };
    case 'unary': {
      if (node.type !== '-' && node.type !== '+') return UNKNOWN;
      const inner = valueOf(node.what, depth + 1);
      if (inner.kind !== 'scalar' || !/^\d/.test(inner.value) || node.what.kind !== 'number') return UNKNOWN;
      return node.type === '-' && inner.value !== '0' ? { kind: 'scalar', value: '-' + inner.value } : inner;
    }
    default:
      return UNKNOWN;
  }
}

/** A number literal as PHP prints it: integers in decimal, floats in the shortest form (1.50 is "1.5"). */
function numberValue(raw: string): PhpValue {
  const text = raw.replace(/_/g, '');
  if (/^(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9]\d*|0)$/.test(text)) {
    const n = /^0[0-7]/.test(text)
      ? BigInt('0o' + text.slice(1))
      : /^0[oO]/.test(text)
        ? BigInt('0o' + text.slice(2))
        : BigInt(text);
    // Beyond 64 bits PHP makes it a float: its printed form is not worth guessing.
    return n <= 9223372036854775807n ? { kind: 'scalar', value: n.toString() } : UNKNOWN;
  }
  const f = Number(text);
  if (!Number.isFinite(f)) return UNKNOWN;
  const s = String(f);
  // PHP writes exponents as "1.0E+25"; such values are not guessed.
  if (/e/i.test(s)) return UNKNOWN;
  return { kind: 'scalar', value: s };
}
