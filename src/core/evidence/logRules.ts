import { AnchorFinder, MIN_ANCHOR } from './anchorFinder';
import { type CompiledGlob, compileGlob } from './glob';

/** Longest prefilter word, in bytes: long enough to be rare in noise, short enough for a small table. */
const ANCHOR_BYTES = 32;
const REPLACEMENT = '\uFFFD';

/**
 * Every glob tested against one log file, compiled for one pass: each glob gets an anchor (a stretch of one of
 * its literal pieces that every matching line must contain), all anchors go into one finder, and only the lines
 * where an anchor occurs are decoded and tested against the globs of those anchors.
 */
export class LogRuleSet {
  readonly globs: readonly CompiledGlob[];
  readonly finder: AnchorFinder;
  /** For each anchor, the globs (indexes) it is the anchor of. */
  readonly wordGlobs: readonly (readonly number[])[];
  /** Globs without a usable anchor: tested on every line. */
  readonly always: readonly number[];
  /** Identifies the set (a saved scan position is only valid for the same globs). */
  readonly key: string;

  constructor(globs: readonly string[]) {
    this.globs = globs.map(compileGlob);
    this.key = JSON.stringify(globs);
    const words: Uint8Array[] = [];
    const wordIndex = new Map<string, number>();
    const wordGlobs: number[][] = [];
    const always: number[] = [];
    this.globs.forEach((glob, g) => {
      const anchor = anchorOf(glob);
      if (anchor === undefined || anchor.length < MIN_ANCHOR) {
        always.push(g);
        return;
      }
      const k = Buffer.from(anchor).toString('latin1');
      let w = wordIndex.get(k);
      if (w === undefined) {
        w = words.length;
        words.push(anchor);
        wordIndex.set(k, w);
        wordGlobs.push([]);
      }
      wordGlobs[w].push(g);
    });
    this.finder = new AnchorFinder(words);
    this.wordGlobs = wordGlobs;
    this.always = always;
  }
}

/**
 * The anchor of a glob: the end of its longest literal piece, at most {@link ANCHOR_BYTES} bytes of UTF-8 (the
 * start of long pieces is often a common prefix such as `report.CRITICAL: `). A piece holding U+FFFD cannot be
 * an anchor: a line with invalid UTF-8 shows it without holding its bytes.
 */
function anchorOf(glob: CompiledGlob): Uint8Array | undefined {
  let best: Uint8Array | undefined;
  for (const piece of glob.pieces) {
    if (piece.includes(REPLACEMENT) || piece.includes('\n')) continue;
    const bytes = Buffer.from(piece, 'utf8');
    if (best === undefined || bytes.length >= best.length) best = bytes;
  }
  if (best === undefined) return undefined;
  return best.length > ANCHOR_BYTES ? best.subarray(best.length - ANCHOR_BYTES) : best;
}
