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
  /** The segment with `?`: literal pieces and counts of single characters, matched in place (no backtracking). */
  readonly parts?: ReadonlyArray<string | number>;
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
  let maxUnits = 0;
  for (const p of parts) maxUnits += typeof p === 'string' ? p.length : 2 * p;
  return { parts, maxUnits };
}

/** The end of `parts` matched at `at` (a `?` takes one character, two UTF-16 units outside the BMP), or -1. */
function matchAt(parts: ReadonlyArray<string | number>, text: string, at: number): number {
  let pos = at;
  for (const p of parts) {
    if (typeof p === 'string') {
      if (!text.startsWith(p, pos)) return -1;
      pos += p.length;
      continue;
    }
    for (let k = 0; k < p; k++) {
      if (pos >= text.length) return -1;
      const c = text.charCodeAt(pos);
      const pair = c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length;
      const low = pair ? text.charCodeAt(pos + 1) : 0;
      pos += pair && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    }
  }
  return pos;
}

/** Where a segment occurs in `text` at or after `from`: its end, or -1. */
function findSegment(segment: Segment, text: string, from: number): number {
  if (segment.literal !== undefined) {
    const at = text.indexOf(segment.literal, from);
    return at < 0 ? -1 : at + segment.literal.length;
  }
  const parts = segment.parts ?? [];
  // Each start is tried once, never revisited: at most the segment's length of work per character of the line.
  for (let at = from; at <= text.length; at++) {
    const c = text.charCodeAt(at);
    if (at > from && c >= 0xdc00 && c <= 0xdfff && at > 0) {
      const high = text.charCodeAt(at - 1);
      if (high >= 0xd800 && high <= 0xdbff) continue; // not a character boundary
    }
    const end = matchAt(parts, text, at);
    if (end >= 0) return end;
  }
  return -1;
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
