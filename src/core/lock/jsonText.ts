import { InputError } from '../problem';
import { escapeControls } from '../text/terminal';
import { t } from '../text/translate';

/** Removes a leading UTF-8 byte order mark, which `JSON.parse` refuses. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses JSON text (a leading BOM is allowed). Syntax errors become an {@link InputError} that names `file` with the
 * 1-based line and column of the offending character.
 */
export function parseJsonText(text: string, file: string): unknown {
  const source = stripBom(text);
  try {
    return JSON.parse(source);
  } catch (e) {
    throw jsonSyntaxError(e, source, file);
  }
}

/** Turns a `JSON.parse` SyntaxError into an InputError located at line and column (when the position can be found). */
function jsonSyntaxError(error: unknown, source: string, file: string): InputError {
  const raw = error instanceof Error ? error.message : String(error);
  const offset = syntaxErrorOffset(raw, source);
  const where = offset === undefined ? {} : lineColumnAt(source, offset);
  // The engine quotes the offending character raw (a NUL byte, an escape): shown escaped instead.
  const detail = escapeControls(describeSyntaxError(raw));
  return new InputError({ severity: 'error', file, ...where, message: t('invalid JSON: {0}', detail) });
}

/** 1-based line and column (in UTF-16 code units, like editors) of `offset` in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const CONTEXT = 10; // characters V8 quotes either side of an unexpected token

/**
 * The offset V8 reports in a JSON SyntaxError. Most messages end in `at position N`; newer engines add
 * `(line L column C)`; "Unexpected end of JSON input" means the end; "Unexpected token 'x', "…" is not valid JSON"
 * quotes up to 10 characters around the token instead of a position, which is enough to find it again.
 */
export function syntaxErrorOffset(message: string, source: string): number | undefined {
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineCol) return offsetOf(source, Number(lineCol[1]), Number(lineCol[2]));
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return source.length;
  const token = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON/.exec(message);
  if (!token) return undefined;
  const [, tokenText, before, snippet, after] = token;
  if (before && after) {
    // Surrounding context: the token is the 11th character of the snippet; the first place it fits wins.
    for (let at = source.indexOf(snippet); at !== -1; at = source.indexOf(snippet, at + 1)) {
      if (source.startsWith(tokenText, at + CONTEXT)) return at + CONTEXT;
    }
    return undefined;
  }
  if (after) return snippet.length - CONTEXT; // snippet = start of the text, up to 10 characters past the token
  if (before) return source.length - snippet.length + CONTEXT; // snippet = end of the text, from 10 characters before
  const at = source.indexOf(tokenText); // short text quoted whole
  return at === -1 ? undefined : at;
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The engine's message without the position and context that the location now carries. */
function describeSyntaxError(message: string): string {
  const token = /^(Unexpected token '[\s\S]+?'), (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (token) return token[1];
  return message
    .replace(/(?<!\s)\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+| at position \d+/, '');
}

/** Renders path segments as a JSON path: `ACSD-1.packages["magento/magento2-base"]`, `packages[3].name`. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
