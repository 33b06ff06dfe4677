/**
 * The globs of log rules, as QPT's metadata uses them: tested against one line, unanchored, case-sensitive;
 * `*` is any run of characters (none included), `?` exactly one character, `\*` and `\?` a literal `*` and `?`;
 * everything else (regular-expression metacharacters, other backslashes) is literal.
 *
 * A glob is a list of segments (the text between `*`s). A line matches when the segments occur in order without
 * overlapping; finding each one at its earliest place after the previous one is enough (an earlier end never
 * hurts what follows), so matching is a forward search with no backtracking: linear in the line.
 */

/** One segment: literal pieces with runs of `?` between them, searched as a whole. */
interface Segment {
  /** The segment without `?`: searched with indexOf. */
  readonly literal?: string;
  /** The segment with `?`: a fixed-length expression (literals and one-character classes only, so no backtracking). */
  readonly pattern?: RegExp;
  /** Its longest length in UTF-16 units (a `?` may be a character outside the BMP, two units). */
  readonly maxUnits: number;
}

export interface CompiledGlob {
  readonly source: string;
  readonly segments: readonly Segment[];
  /** Every literal piece (between `*` and `?`), for choosing a prefilter anchor. */
  readonly pieces: readonly string[];
}

/** Parses a glob into segments. */
export function compileGlob(glob: string): CompiledGlob {
  const segments: Segment[] = [];
  const pieces: string[] = [];
  // parts of the current segment: strings are literals, numbers are runs of `?`
  let parts: Array<string | number> = [];
  let literal = '';
  const endLiteral = () => {
    if (literal !== '') {
      parts.push(literal);
      pieces.push(literal);
      literal = '';
    }
  };
  const endSegment = () => {
    endLiteral();
    if (parts.length > 0) segments.push(segmentOf(parts));
    parts = [];
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && (glob[i + 1] === '*' || glob[i + 1] === '?')) {
      literal += glob[++i];
    } else if (c === '*') {
      endSegment();
    } else if (c === '?') {
      endLiteral();
      const last = parts[parts.length - 1];
      if (typeof last === 'number') parts[parts.length - 1] = last + 1;
      else parts.push(1);
    } else {
      literal += c;
    }
  }
  endSegment();
  return { source: glob, segments, pieces };
}

function segmentOf(parts: Array<string | number>): Segment {
  if (parts.length === 1 && typeof parts[0] === 'string') return { literal: parts[0], maxUnits: parts[0].length };
  let source = '';
  let maxUnits = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      source += escapeRegExp(p);
      maxUnits += p.length;
    } else {
      source += `[^]{${p}}`;
      maxUnits += 2 * p;
    }
  }
  return { pattern: new RegExp(source, 'gu'), maxUnits };
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Where a segment occurs in `text` at or after `from`: its end, or -1. */
function findSegment(segment: Segment, text: string, from: number): number {
  if (segment.literal !== undefined) {
    const at = text.indexOf(segment.literal, from);
    return at < 0 ? -1 : at + segment.literal.length;
  }
  const pattern = segment.pattern!;
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m === null ? -1 : m.index + m[0].length;
}

/** Does a whole line match? */
export function globMatches(glob: CompiledGlob, line: string): boolean {
  let pos = 0;
  for (const segment of glob.segments) {
    pos = findSegment(segment, line, pos);
    if (pos < 0) return false;
  }
  return true;
}

/**
 * Matches one line given in pieces (for lines too long to hold): keeps only the segment it is looking for and the
 * last few characters that may start it, so memory stays bounded whatever the line's length.
 */
export class StreamingGlobMatch {
  private next = 0;
  private carry = '';
  constructor(private readonly glob: CompiledGlob) {}

  get matched(): boolean {
    return this.next >= this.glob.segments.length;
  }

  /** Feeds the next piece of the line; true once the line is known to match. */
  feed(piece: string): boolean {
    if (this.matched) return true;
    const text = this.carry + piece;
    let pos = 0;
    const segments = this.glob.segments;
    while (this.next < segments.length) {
      const end = findSegment(segments[this.next], text, pos);
      if (end < 0) {
        // Keep what could be the start of this segment, on a character boundary.
        let keep = Math.max(pos, text.length - segments[this.next].maxUnits + 1);
        const code = text.charCodeAt(keep);
        if (keep > pos && code >= 0xdc00 && code <= 0xdfff) keep--;
        this.carry = text.slice(keep);
        return false;
      }
      pos = end;
      this.next++;
    }
    this.carry = '';
    return true;
  }
}
