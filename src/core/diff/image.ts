import { FileText, NO_LINES } from './lines';

/** A run of lines of a read-only text; `patched` marks lines a hunk produced. */
interface Piece {
  readonly source: FileText;
  readonly from: number;
  readonly to: number;
  readonly patched: boolean;
}

/** A stretch of lines no hunk produced: image lines [start, start + to − from) are lines [from, to) of `source`. */
export interface Run {
  readonly start: number;
  readonly source: FileText;
  readonly from: number;
  readonly to: number;
}

/**
 * A file's lines while hunks are applied to it, as a piece table over the read-only file and hunk sides: applying a
 * hunk copies nothing, and the lines hunks produced stay marked (git will not match a later hunk of the same section
 * over them).
 */
export class Image {
  private pieces: Piece[];
  length: number;
  /** The stretches of unmarked lines, worked out when first searched after a change. */
  private runList: Run[] | undefined;

  constructor(source: FileText) {
    this.pieces = source.count > 0 ? [{ source, from: 0, to: source.count, patched: false }] : [];
    this.length = source.count;
  }

  /** The same lines with no line marked (a later section starts afresh, as git does). */
  unmarked(): Image {
    const image = new Image(NO_LINES);
    image.pieces = this.pieces.map((p) => (p.patched ? { ...p, patched: false } : p));
    image.length = this.length;
    return image;
  }

  /** Replaces `count` lines at `at` by `lines` (marked as patched). */
  splice(at: number, count: number, lines: FileText): void {
    const { pieces } = this;
    const out: Piece[] = [];
    const end = at + count;
    let start = 0;
    let i = 0;
    for (; i < pieces.length; i++) {
      const p = pieces[i];
      const next = start + p.to - p.from;
      if (next > at) {
        if (at > start) out.push({ source: p.source, from: p.from, to: p.from + at - start, patched: p.patched });
        break;
      }
      out.push(p);
      start = next;
    }
    if (lines.count > 0) out.push({ source: lines, from: 0, to: lines.count, patched: true });
    for (; i < pieces.length; i++) {
      const p = pieces[i];
      const next = start + p.to - p.from;
      if (next > end) {
        out.push(end > start ? { source: p.source, from: p.from + end - start, to: p.to, patched: p.patched } : p);
        for (i++; i < pieces.length; i++) out.push(pieces[i]);
        break;
      }
      start = next;
    }
    this.pieces = out;
    this.length += lines.count - count;
    this.runList = undefined;
  }

  toText(): string {
    return this.pieces.map((p) => p.source.slice(p.from, p.to)).join('');
  }

  /**
   * The stretches of unmarked lines, in order. Where several pieces follow one another unmarked (a hunk that left
   * no lines, a later section), their lines are put together into one text, so a match may run across them.
   */
  runs(): readonly Run[] {
    if (this.runList !== undefined) return this.runList;
    const runs: Run[] = [];
    const { pieces } = this;
    let start = 0;
    for (let i = 0; i < pieces.length;) {
      const p = pieces[i];
      if (p.patched) {
        start += p.to - p.from;
        i++;
        continue;
      }
      // The unmarked pieces from i on, up to a marked one or a line without its line break (only ever a text's last
      // line: no line follows it in a match).
      let j = i + 1;
      let open = !endsWithoutBreak(p);
      while (open && j < pieces.length && !pieces[j].patched) open = !endsWithoutBreak(pieces[j++]);
      if (j === i + 1) runs.push({ start, source: p.source, from: p.from, to: p.to });
      else {
        const source = new FileText(
          pieces
            .slice(i, j)
            .map((q) => q.source.slice(q.from, q.to))
            .join(''),
        );
        runs.push({ start, source, from: 0, to: source.count });
      }
      for (; i < j; i++) start += pieces[i].to - pieces[i].from;
    }
    this.runList = runs;
    return runs;
  }

  /** Whether the lines from image line `at` on are exactly those of `block`, none of them produced by a hunk. */
  holds(at: number, block: FileText): boolean {
    for (const run of this.runs()) {
      const end = run.start + run.to - run.from;
      if (at < run.start || at >= end) continue;
      return at + block.count <= end && run.source.holds(run.from + at - run.start, block);
    }
    return false;
  }
}

/** Whether a piece ends with a line that has no line break (the last line of a text may not have one). */
function endsWithoutBreak(p: Piece): boolean {
  return p.to === p.source.count && !p.source.text.endsWith('\n');
}
