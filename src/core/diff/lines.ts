/** Lines to compare hunks against, each with its line break (the last one may have none). */
export interface LineSource {
  readonly count: number;
  /** Line `i` as a string (cut out on demand). */
  line(i: number): string;
  /** Whether line `i` is exactly `text`, without cutting it out. */
  equals(i: number, text: string): boolean;
  /** The first line at or after `from` that is exactly `text`; -1 when none. */
  indexOf(text: string, from: number): number;
}

/**
 * A file's bytes (a latin1 string) with where each line starts: one string and one number per line, however many
 * lines, so a file kept for a whole analysis costs little more than its size.
 */
export class FileText implements LineSource {
  readonly count: number;
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    let n = 0;
    for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) n++;
    this.count = text.length === 0 ? 0 : n + 1;
    this.starts = new Int32Array(this.count + 1);
    let line = 0;
    for (let at = 0; line < this.count; line++) {
      this.starts[line] = at;
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
    this.starts[this.count] = text.length;
  }

  line(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  equals(i: number, text: string): boolean {
    const start = this.starts[i];
    return this.starts[i + 1] - start === text.length && this.text.startsWith(text, start);
  }

  indexOf(text: string, from: number): number {
    if (text.length === 0 || from >= this.count) return -1;
    for (let at = this.text.indexOf(text, this.starts[from]); at >= 0; at = this.text.indexOf(text, at + 1)) {
      const i = this.lineAt(at);
      if (this.starts[i] === at && this.starts[i + 1] - at === text.length) return i;
    }
    return -1;
  }

  /** The line that holds byte `at`. */
  private lineAt(at: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A list of line strings as a {@link LineSource} (a hunk's lines, a test's file). */
export class LineList implements LineSource {
  constructor(readonly lines: readonly string[]) {}

  get count(): number {
    return this.lines.length;
  }

  line(i: number): string {
    return this.lines[i];
  }

  equals(i: number, text: string): boolean {
    return this.lines[i] === text;
  }

  indexOf(text: string, from: number): number {
    return this.lines.indexOf(text, from);
  }
}
