import { LineList, type LineSource } from './lines';

/** A run of lines of a read-only source; `patched` marks lines a hunk produced. */
interface Piece {
  readonly source: LineSource;
  readonly from: number;
  readonly to: number;
  readonly patched: boolean;
}

/**
 * A file's lines while hunks are applied to it, as a piece table over the read-only file and hunk lines: applying a
 * hunk copies nothing, and the lines hunks produced stay marked (git will not match a later hunk of the same section
 * over them).
 */
export class Image {
  private pieces: Piece[];
  length: number;
  /** The piece last looked at, and the line it starts at (lookups come in runs). */
  private at = 0;
  private start = 0;

  constructor(source: LineSource) {
    this.pieces = source.count > 0 ? [{ source, from: 0, to: source.count, patched: false }] : [];
    this.length = source.count;
  }

  /** The same lines with no line marked (a later section starts afresh, as git does). */
  unmarked(): Image {
    const image = new Image(new LineList([]));
    image.pieces = this.pieces.map((p) => (p.patched ? { ...p, patched: false } : p));
    image.length = this.length;
    return image;
  }

  /** The source itself when no hunk has touched it (searches then run on it directly). */
  plain(): LineSource | undefined {
    if (this.pieces.length === 0) return new LineList([]);
    const p = this.pieces[0];
    return this.pieces.length === 1 && !p.patched && p.from === 0 && p.to === p.source.count ? p.source : undefined;
  }

  equals(i: number, text: string): boolean {
    const p = this.pieces[this.seek(i)];
    return p.source.equals(p.from + i - this.start, text);
  }

  patched(i: number): boolean {
    return this.pieces[this.seek(i)].patched;
  }

  /** Replaces `count` lines at `at` by `lines` (marked as patched). */
  splice(at: number, count: number, lines: readonly string[]): void {
    const added: Piece[] =
      lines.length > 0 ? [{ source: new LineList(lines), from: 0, to: lines.length, patched: true }] : [];
    this.pieces = [...this.range(0, at), ...added, ...this.range(at + count, this.length)];
    this.length += lines.length - count;
    this.at = 0;
    this.start = 0;
  }

  toLines(): string[] {
    const out: string[] = [];
    for (const p of this.pieces) for (let i = p.from; i < p.to; i++) out.push(p.source.line(i));
    return out;
  }

  /** The pieces that cover lines [a, b). */
  private range(a: number, b: number): Piece[] {
    const out: Piece[] = [];
    let start = 0;
    for (const p of this.pieces) {
      const end = start + p.to - p.from;
      const lo = Math.max(a, start);
      const hi = Math.min(b, end);
      if (lo < hi)
        out.push(lo === start && hi === end ? p : { ...p, from: p.from + lo - start, to: p.from + hi - start });
      start = end;
    }
    return out;
  }

  private seek(i: number): number {
    let { at, start } = this;
    if (i < start) {
      at = 0;
      start = 0;
    }
    for (;;) {
      const p = this.pieces[at];
      const end = start + p.to - p.from;
      if (i < end || at === this.pieces.length - 1) break;
      start = end;
      at++;
    }
    this.at = at;
    this.start = start;
    return at;
  }
}
