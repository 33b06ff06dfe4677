/** Terminal colour and cursor sequences. JSON strings never hold a raw ESC, so removing them is safe. */
// eslint-disable-next-line no-control-regex -- ESC and BEL are what the pattern removes
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * Finds the JSON list of objects a command printed among other lines (warnings before, notices after): the first
 * line that starts with `[` and, up to its matching `]` at the end of a line, parses as an array of objects (or `[]`).
 * Returns undefined when there is none. The search reads at most {@link SCAN_FACTOR} times the output, so that
 * output made of many unclosed `[` lines cannot take quadratic time.
 */
export function extractJsonArray(output: string): unknown[] | undefined {
  const text = output.replace(/^\uFEFF/, '').replace(ANSI, '');
  const lineStart = /^[ \t]*\[/gm;
  let m: RegExpExecArray | null;
  const budget = { left: SCAN_FACTOR * text.length + 100_000 };
  while ((m = lineStart.exec(text)) !== null && budget.left > 0) {
    const start = m.index + m[0].length - 1;
    const end = matchingBracket(text, start, budget);
    if (end === undefined || restOfLine(text, end + 1).trim() !== '') continue;
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (isObjectList(value)) return value;
    } catch {
      // Not JSON (a log line such as "[2024-05-01 10:00:00] ..."): try the next candidate.
    }
  }
  return undefined;
}

function isObjectList(value: unknown): value is object[] {
  return Array.isArray(value) && value.every((v: unknown) => typeof v === 'object' && v !== null);
}

/** How many times its length the search may read of an output. */
const SCAN_FACTOR = 16;

/** Index of the `]` closing the `[` at `open`, skipping brackets inside JSON strings; each character read costs budget. */
function matchingBracket(text: string, open: number, budget: { left: number }): number | undefined {
  let depth = 0;
  let inString = false;
  const stop = Math.min(text.length, open + budget.left);
  let i = open;
  let found: number | undefined;
  for (; i < stop; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) found = c === ']' ? i : undefined;
      if (depth <= 0) break;
    }
  }
  budget.left -= i - open + 1;
  return found;
}

function restOfLine(text: string, from: number): string {
  const eol = text.indexOf('\n', from);
  return text.slice(from, eol === -1 ? undefined : eol);
}
