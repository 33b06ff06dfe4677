/**
 * Bytes (a latin1 string) with where each line starts: each line keeps its line break (the last one may have none).
 * One string and one number per line, however many lines, so a file kept for a whole analysis costs little more than
 * its size. A hunk's side (the lines it expects or leaves) is one too: a run of lines is compared and searched as
 * one block of text, with the string functions the engine runs natively, not line by line.
 */
export class FileText {
  readonly count: number;
  private lineStarts: Int32Array | undefined;
  private anchor: { lead: number; anchor: string } | undefined;

  /**
   * @param count the number of lines, when the caller has counted them (a hunk's side): then where each line starts
   *   is worked out only if a line is asked for.
   * @param wellFormed false for a hunk side where a line without its line break (`\ No newline at end of file`)
   *   comes before another line: git matches such a side nowhere, and so does {@link holds}.
   */
  constructor(
    readonly text: string,
    count?: number,
    readonly wellFormed = true,
  ) {
    if (count === undefined) {
      this.lineStarts = lineStarts(text);
      count = this.lineStarts.length - 1;
    }
    this.count = count;
  }

  private get starts(): Int32Array {
    return (this.lineStarts ??= lineStarts(this.text));
  }

  /** Line `i` as a string (cut out on demand). */
  line(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** Lines [from, to) as one string. */
  slice(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to]);
  }

  toLines(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.line(i));
    return out;
  }

  /** Whether the lines from `i` on are exactly those of `block`. */
  holds(i: number, block: FileText): boolean {
    const n = block.count;
    if (i < 0 || i + n > this.count || !block.wellFormed) return false;
    const starts = this.starts;
    const start = starts[i];
    return starts[i + n] - start === block.text.length && this.text.startsWith(block.text, start);
  }

  /**
   * Where `block` is held within lines [first, last] nearest to line `start` (itself left out): the nearest such line
   * before it and the nearest after it, -1 where there is none. The lines near `start` are searched first, and the
   * rest only when nothing is found there; so a side whose nearest line lies farther than one found near `start` on
   * the other side is given as -1 (it could not be nearer). A hunk a few lines off costs a few lines of search, and
   * one that is nowhere costs one pass of the engine's native `indexOf` over the lines.
   */
  around(block: FileText, start: number, first: number, last: number): [before: number, after: number] {
    last = Math.min(last, this.count - block.count);
    if (block.count === 0 || first > last || !block.wellFormed) return [-1, -1];
    const lo = Math.max(first, start - NEAR);
    const hi = Math.min(last, start + NEAR);
    let [before, after] = this.within(block, start, lo, hi);
    // Nothing nearer can lie outside the window once one side found a line in it.
    if (before >= 0 || after >= 0) return [before, after];
    if (lo > first) before = this.within(block, start, first, lo - 1)[0];
    if (hi < last) after = this.within(block, start, hi + 1, last)[1];
    return [before, after];
  }

  /** {@link around} within lines [first, last] (all held by the text), searched in one pass. */
  private within(block: FileText, start: number, first: number, last: number): [before: number, after: number] {
    if (first > last) return [-1, -1];
    const starts = this.starts;
    const offset = starts[first];
    // Only the bytes where a match starting at lines first…last can lie (a slice of a string copies nothing).
    const text = this.text.slice(offset, starts[last + block.count]);
    // The block is looked for from its first character that is not white space: indentation would make the engine
    // stop at nearly every byte.
    const { lead, anchor } = block.anchored();
    let before = -1;
    for (let at = text.indexOf(anchor, lead); at >= 0; at = text.indexOf(anchor, at + 1)) {
      const i = this.lineStartingAt(at - lead + offset);
      if (i < 0 || i === start || !this.holds(i, block)) continue;
      if (i > start) return [before, i];
      before = i;
    }
    return [before, -1];
  }

  /** The text from its first character that is not white space (`lead` characters in), as a block is searched. */
  private anchored(): { lead: number; anchor: string } {
    if (this.anchor !== undefined) return this.anchor;
    const { text } = this;
    let lead = 0;
    for (let c = text.charCodeAt(0); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++lead));
    if (lead === text.length) lead = 0;
    return (this.anchor = { lead, anchor: lead === 0 ? text : text.slice(lead) });
  }

  /** The line that starts at byte `at`; -1 when `at` is inside a line. */
  private lineStartingAt(at: number): number {
    if (at > 0 && this.text.charCodeAt(at - 1) !== 10) return -1;
    const starts = this.starts;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo] === at ? lo : -1;
  }
}

/** Where each line of `text` starts, and its length last: one pass, counting and finding the lines at once. */
function lineStarts(text: string): Int32Array {
  let starts = new Int32Array((text.length >> 5) + 2);
  let n = 0;
  for (let at = 0; at < text.length; n++) {
    if (n + 1 >= starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n] = at;
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length : end + 1;
  }
  starts[n] = text.length;
  return starts.slice(0, n + 1);
}

/** How many lines on either side of the stated line are searched before the rest of the file. */
const NEAR = 64;

/** No lines. */
export const NO_LINES = new FileText('');
