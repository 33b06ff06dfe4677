import type { DiffDefect, Hunk } from './types';

/** Matches a hunk header `@@ -a,b +c,d @@`; the counts may be left out. */
export const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** A diff's text with where each line starts, as the reader keeps it: lines are cut out only where they are read. */
export interface DiffLines {
  readonly text: string;
  readonly starts: readonly number[];
  readonly count: number;
  /** Where line `i` ends (after its line break). */
  end(i: number): number;
  line(i: number): string;
  lineStarts(i: number, prefix: string): boolean;
}

/**
 * Reads the hunk whose header is line `at`: every line must be a context (` ` or empty), `-`, `+` or `\` line until
 * the header's counts are used up. Returns the hunk and the line after it, or the defect with git's line number.
 */
export function readHunk(lines: DiffLines, at: number): { hunk: Hunk; next: number; lines: true } | DiffDefect {
  const { text } = lines;
  const header = lines.line(at);
  const m = HUNK_HEADER.exec(header);
  if (m === null || !header.endsWith('\n')) return { kind: 'corrupt', line: at + 1, detail: 'bad-hunk-header' };
  const oldCount = m[2] === undefined ? 1 : Number(m[2]);
  const newCount = m[4] === undefined ? 1 : Number(m[4]);
  let oldLeft = oldCount;
  let newLeft = newCount;
  const oldLines: string[] = [];
  const newLines: string[] = [];
  let last = '';
  let leading = 0;
  let trailing = 0;
  let changes = 0;
  let i = at + 1;
  /** `\ No newline at end of file`: the line before it has no line break (an empty context line is then no line). */
  const noNewlineBefore = () => {
    const cut = (list: string[]) => {
      const text = list[list.length - 1].slice(0, -1);
      if (text === '') list.pop();
      else list[list.length - 1] = text;
    };
    if (last === ' ' || last === '-') cut(oldLines);
    if (last === ' ' || last === '+') cut(newLines);
    last = '';
  };
  for (; i < lines.count && (oldLeft > 0 || newLeft > 0); i++) {
    const start = lines.starts[i];
    const end = lines.end(i);
    if (text.charCodeAt(end - 1) !== 10) return { kind: 'corrupt', line: i + 1, detail: 'ends-inside-hunk' };
    const c = text[start];
    if (c === ' ' || c === '\n') {
      oldLeft--;
      newLeft--;
      if (changes === 0) leading++;
      trailing++;
      const context = c === '\n' ? '\n' : text.slice(start + 1, end);
      oldLines.push(context);
      newLines.push(context);
      last = ' ';
    } else if (c === '-') {
      oldLeft--;
      changes++;
      trailing = 0;
      oldLines.push(text.slice(start + 1, end));
      last = '-';
    } else if (c === '+') {
      newLeft--;
      changes++;
      trailing = 0;
      newLines.push(text.slice(start + 1, end));
      last = '+';
    } else if (c === '\\' && end - start >= 12 && text[start + 1] === ' ') {
      noNewlineBefore();
    } else {
      return { kind: 'corrupt', line: i + 1, detail: 'not-a-hunk-line' };
    }
  }
  // Line numbers as git gives them in "corrupt patch at line N".
  if (oldLeft < 0 || newLeft < 0) return { kind: 'corrupt', line: i + 1, detail: 'counts-do-not-fit' };
  if (oldLeft > 0 || newLeft > 0) return { kind: 'corrupt', line: i + 1, detail: 'ends-inside-hunk' };
  if (changes === 0) return { kind: 'corrupt', line: at + 1, detail: 'hunk-without-changes' };
  if (lines.lineStarts(i, '\\ ') && text.length - lines.starts[i] > 12) {
    noNewlineBefore();
    i++;
  }
  const hunk: Hunk = {
    diffLine: at + 1,
    oldStart: Number(m[1]),
    oldCount,
    newStart: Number(m[3]),
    newCount,
    oldLines,
    newLines,
    leading,
    trailing,
  };
  return { hunk, next: i, lines: true };
}
