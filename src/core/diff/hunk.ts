import { FileText } from './lines';
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
  const old = new Side();
  const neu = new Side();
  let last = 0;
  let leading = 0;
  let trailing = 0;
  let changes = 0;
  let i = at + 1;
  for (; i < lines.count && (oldLeft > 0 || newLeft > 0); i++) {
    const start = lines.starts[i];
    const end = lines.end(i);
    if (text.charCodeAt(end - 1) !== NEWLINE) return { kind: 'corrupt', line: i + 1, detail: 'ends-inside-hunk' };
    const c = text.charCodeAt(start);
    if (c === SPACE || c === NEWLINE) {
      oldLeft--;
      newLeft--;
      if (changes === 0) leading++;
      trailing++;
      const context = c === NEWLINE ? '\n' : text.slice(start + 1, end);
      old.add(context);
      neu.add(context);
      last = SPACE;
    } else if (c === MINUS) {
      oldLeft--;
      changes++;
      trailing = 0;
      old.add(text.slice(start + 1, end));
      last = MINUS;
    } else if (c === PLUS) {
      newLeft--;
      changes++;
      trailing = 0;
      neu.add(text.slice(start + 1, end));
      last = PLUS;
    } else if (c === BACKSLASH && end - start >= 12 && text.charCodeAt(start + 1) === SPACE) {
      noNewlineBefore(last, old, neu);
      last = 0;
    } else {
      return { kind: 'corrupt', line: i + 1, detail: 'not-a-hunk-line' };
    }
  }
  // Line numbers as git gives them in "corrupt patch at line N".
  if (oldLeft < 0 || newLeft < 0) return { kind: 'corrupt', line: i + 1, detail: 'counts-do-not-fit' };
  if (oldLeft > 0 || newLeft > 0) return { kind: 'corrupt', line: i + 1, detail: 'ends-inside-hunk' };
  if (changes === 0) return { kind: 'corrupt', line: at + 1, detail: 'hunk-without-changes' };
  if (lines.lineStarts(i, '\\ ') && text.length - lines.starts[i] > 12) {
    noNewlineBefore(last, old, neu);
    i++;
  }
  const hunk: Hunk = {
    diffLine: at + 1,
    oldStart: Number(m[1]),
    oldCount,
    newStart: Number(m[3]),
    newCount,
    oldSide: old.done(),
    newSide: neu.done(),
    leading,
    trailing,
  };
  return { hunk, next: i, lines: true };
}

const NEWLINE = 10;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const BACKSLASH = 92;

/** `\ No newline at end of file`: the line before it (`last`: its marker) has no line break. */
function noNewlineBefore(last: number, old: Side, neu: Side): void {
  if (last === SPACE || last === MINUS) old.cut();
  if (last === SPACE || last === PLUS) neu.cut();
}

/** One side of a hunk as it is read: its lines put together into one text. */
class Side {
  private text = '';
  private count = 0;
  private lastLength = 0;
  /** A line lost its line break and another line followed it. */
  private broken = false;
  private cutLast = false;

  add(line: string): void {
    if (this.cutLast) this.broken = true;
    this.text += line;
    this.lastLength = line.length;
    this.count++;
  }

  /** Takes the line break off the last line; an empty line then is no line. */
  cut(): void {
    if (this.count === 0) return;
    this.text = this.text.slice(0, -1);
    if (this.lastLength === 1) this.count--;
    else this.cutLast = true;
    this.lastLength = 0;
  }

  done(): FileText {
    return new FileText(this.text, this.count, !this.broken);
  }
}
