import { globMatches, StreamingGlobMatch } from './glob';
import type { LogRuleSet } from './logRules';
import { timestampOf, trimLine } from './logLine';

/** A line that matched a glob. */
interface LogHit {
  /** 1-based line number in its file. */
  line: number;
  /** The line, trimmed to a readable length. */
  text: string;
  /** The time stamp at the start of the line, when it has one. */
  timestamp?: string;
}

/** What one glob matched in one file: how many lines, and the last few of them (the most recent last). */
export interface GlobHits {
  count: number;
  recent: LogHit[];
}

/** How many matching lines are kept per glob and file (the count goes on). */
export const KEEP_RECENT = 3;
/** Lines longer than this (in bytes) are matched piece by piece instead of being held whole. */
const DEFAULT_LINE_LIMIT = 256 * 1024;

const CR = 13;

/**
 * Scans the bytes of a log file, given in chunks of any size, against a {@link LogRuleSet} in one pass over each
 * chunk: the anchor finder marks where anchors end, line ends are found with a native byte search, and only lines
 * with an anchor are decoded and tested. Lines end at `\n`; a `\r` before it is not part of the line. Invalid
 * UTF-8 decodes to U+FFFD. Memory is bounded: a line over the limit is decoded and matched piece by piece against
 * every glob.
 */
export class LineScanner {
  /** Per glob: what matched on complete lines (a line without its `\n` yet is in {@link tail}). */
  readonly hits: (GlobHits | undefined)[];
  /** Matches on the last line when the data ended without `\n` (it may still grow). */
  readonly tail: (GlobHits | undefined)[] = [];
  private line: number;
  private consumed = 0;
  /** Bytes pushed up to the end of the last complete line. */
  private complete = 0;
  /** The current line's bytes from earlier chunks. */
  private carry: Buffer | undefined;
  private work: Buffer | undefined;
  private long: LongLine | undefined;
  private readonly candidates: number[] = [];
  private readonly stamp: Float64Array;
  /** Anchor ends found in the current chunk (positions and anchors), reused from chunk to chunk. */
  private ends: number[] = [];
  private words: number[] = [];

  constructor(
    private readonly rules: LogRuleSet,
    firstLine = 1,
    hits?: readonly (GlobHits | undefined)[],
    private readonly lineLimit = DEFAULT_LINE_LIMIT,
  ) {
    this.line = firstLine;
    this.hits = hits ? hits.map((h) => h && { count: h.count, recent: [...h.recent] }) : [];
    this.stamp = new Float64Array(rules.globs.length);
  }

  /** Bytes pushed up to the end of the last complete line: where a later scan of a grown file starts. */
  get completeBytes(): number {
    return this.complete;
  }

  /** Number of the line after the last complete one. */
  get nextLine(): number {
    return this.line;
  }

  push(chunk: Uint8Array): void {
    const data = this.withCarry(chunk);
    const carried = data.length - chunk.length;
    // Offset in the input of data[0].
    const base = this.consumed - carried;
    this.consumed += chunk.length;
    const ends = this.ends;
    const words = this.words;
    ends.length = 0;
    words.length = 0;
    this.rules.finder.find(data, carried, (end, word) => {
      ends.push(end);
      words.push(word);
    });
    let h = 0;
    let lineStart = 0;
    const always = this.rules.always.length > 0;
    for (let nl = data.indexOf(10, carried); nl >= 0; nl = data.indexOf(10, nl + 1)) {
      for (; h < ends.length && ends[h] < nl; h++) this.addCandidates(words[h]);
      // Most lines hold no anchor: nothing to do but count them.
      if (this.candidates.length > 0 || this.long !== undefined || always) this.endLine(data, lineStart, nl);
      else this.line++;
      lineStart = nl + 1;
    }
    if (lineStart > 0) this.complete = base + lineStart;
    for (; h < ends.length; h++) this.addCandidates(words[h]);
    if (lineStart >= data.length) return;
    const rest = data.subarray(lineStart);
    if (this.long !== undefined) {
      this.long.feed(rest, false);
    } else if (rest.length > this.lineLimit) {
      this.long = new LongLine(this.rules);
      this.long.feed(rest, false);
    } else {
      this.carry = Buffer.from(rest);
    }
  }

  /** The chunk with the current line's earlier bytes in front (copied into a buffer kept for the purpose). */
  private withCarry(chunk: Uint8Array): Buffer {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const carry = this.carry;
    this.carry = undefined;
    if (carry === undefined || carry.length === 0) return bytes;
    const size = carry.length + bytes.length;
    if (this.work === undefined || this.work.length < size)
      this.work = Buffer.allocUnsafe(Math.max(size, 2 * (this.work?.length ?? 0)));
    carry.copy(this.work, 0);
    bytes.copy(this.work, carry.length);
    return this.work.subarray(0, size);
  }

  private addCandidates(word: number): void {
    if (this.long !== undefined) return; // a long line is tested against every glob
    for (const g of this.rules.wordGlobs[word]) {
      if (this.stamp[g] !== this.line) {
        this.stamp[g] = this.line;
        this.candidates.push(g);
      }
    }
  }

  /** The data ended: a last line without `\n` is matched into {@link tail}. */
  finish(): void {
    if (this.long !== undefined) {
      this.long.feed(new Uint8Array(0), true);
      this.recordLong(this.long, this.tail);
      this.long = undefined;
    } else if (this.carry !== undefined && this.carry.length > 0) {
      this.testLine(this.carry, this.tail);
    }
    this.carry = undefined;
    this.candidates.length = 0;
  }

  private endLine(data: Uint8Array, from: number, to: number): void {
    if (this.long !== undefined) {
      this.long.feed(data.subarray(from, to), true);
      this.recordLong(this.long, this.hits);
      this.long = undefined;
    } else if (this.candidates.length > 0 || this.rules.always.length > 0) {
      this.testLine(data.subarray(from, to), this.hits);
    }
    this.candidates.length = 0;
    this.line++;
  }

  private testLine(bytes: Uint8Array, into: (GlobHits | undefined)[]): void {
    const length = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8');
    for (const g of this.candidates) if (globMatches(this.rules.globs[g], text)) record(into, g, this.line, text);
    for (const g of this.rules.always) if (globMatches(this.rules.globs[g], text)) record(into, g, this.line, text);
  }

  private recordLong(long: LongLine, into: (GlobHits | undefined)[]): void {
    long.matchers.forEach((m, g) => {
      if (m.matched) record(into, g, this.line, long.head);
    });
  }
}

function record(into: (GlobHits | undefined)[], glob: number, line: number, text: string): void {
  const hit: LogHit = { line, text: trimLine(text) };
  const timestamp = timestampOf(text);
  if (timestamp !== undefined) hit.timestamp = timestamp;
  const hits = (into[glob] ??= { count: 0, recent: [] });
  hits.count++;
  hits.recent.push(hit);
  if (hits.recent.length > KEEP_RECENT) hits.recent.shift();
}

/** Head of a long line kept for showing it. */
const HEAD_CHARS = 1000;

/** A line too long to hold: decoded as it comes and fed to a streaming matcher per glob. */
class LongLine {
  readonly matchers: StreamingGlobMatch[];
  head = '';
  private readonly decoder = new TextDecoder('utf-8');
  private pendingCr = false;

  constructor(rules: LogRuleSet) {
    this.matchers = rules.globs.map((g) => new StreamingGlobMatch(g));
  }

  /** `last`: the line ends after these bytes (a final `\r` is then not part of it). */
  feed(bytes: Uint8Array, last: boolean): void {
    let data = bytes;
    if (this.pendingCr) data = Buffer.concat([Buffer.of(CR), data]);
    this.pendingCr = false;
    if (data.length > 0 && data[data.length - 1] === CR) {
      data = data.subarray(0, data.length - 1);
      this.pendingCr = !last;
    }
    const text = this.decoder.decode(data, { stream: !last });
    if (this.head.length < HEAD_CHARS) this.head += text.slice(0, HEAD_CHARS - this.head.length);
    for (const m of this.matchers) if (!m.matched) m.feed(text);
  }
}
