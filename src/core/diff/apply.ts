import { Image } from './image';
import { type FileText, NO_LINES } from './lines';
import type { FileSection, Hunk } from './types';

export type Direction = 'forward' | 'reverse';

/** The project's files as lines of bytes (each with its line break, the last one maybe without); null: absent. */
export interface FileSource {
  /** `absent`: the file is expected not to be there (a section that creates it), so looking costs no failed read. */
  lines(path: string, absent?: boolean): FileText | null;
}

/** Where a diff stops applying: the section (0-based), its path, and what failed. */
type ApplyFailure =
  | { kind: 'missing'; section: number; path: string }
  | { kind: 'exists'; section: number; path: string }
  /** Hunk `hunk` (1-based in its section) matches nowhere; `line` is where it was looked for first (1-based). */
  | { kind: 'hunk'; section: number; path: string; hunk: number; line: number }
  /** A deletion that would leave lines in the file. */
  | { kind: 'leaves-content'; section: number; path: string };

export type ApplyResult = { ok: true; files: Map<string, Image | null> } | { ok: false; failure: ApplyFailure };

/**
 * Applies the sections in order, in memory, with `git apply`'s rules (no fuzz, no whitespace options): each hunk
 * must match exactly, anchored at the file's start when its old range starts at line 0 or 1 and at the file's end
 * when it has no context after its changes, else searched from its stated line outwards (line, +1, −1, +2, …) over
 * the whole file, never over lines an earlier hunk of the section produced. A section on a file an earlier section
 * touched works on that result. All or nothing: the first failure ends the check. Nothing is written anywhere.
 */
export function applyDiff(sections: readonly FileSection[], source: FileSource, direction: Direction): ApplyResult {
  const files = new Map<string, Image | null>();
  const reverse = direction === 'reverse';
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    const { path } = section;
    const creates = reverse ? section.deletes : section.creates;
    let current: Image | null;
    if (files.has(path)) current = files.get(path)?.unmarked() ?? null;
    else {
      const lines = source.lines(path, creates === true);
      current = lines === null ? null : new Image(lines);
    }
    const deletes = reverse ? section.creates === true : section.deletes === true;
    let image: Image;
    if (creates === true || (creates === 'maybe' && current === null)) {
      if (current !== null) return { ok: false, failure: { kind: 'exists', section: s, path } };
      image = new Image(NO_LINES);
    } else {
      if (current === null) return { ok: false, failure: { kind: 'missing', section: s, path } };
      image = current;
    }
    const failedHunk = applyHunks(image, section.hunks, reverse);
    if (failedHunk !== undefined) return { ok: false, failure: { kind: 'hunk', section: s, path, ...failedHunk } };
    if (deletes && image.length > 0) return { ok: false, failure: { kind: 'leaves-content', section: s, path } };
    files.set(path, deletes ? null : image);
  }
  return { ok: true, files };
}

/** Applies a section's hunks to `image` in place; the failing hunk (1-based) and the line it was looked for at. */
function applyHunks(
  image: Image,
  hunks: readonly Hunk[],
  reverse: boolean,
): { hunk: number; line: number } | undefined {
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h];
    const { pre, post } = hunkImages(hunk, reverse);
    const oldPos = reverse ? hunk.newStart : hunk.oldStart;
    const newPos = reverse ? hunk.oldStart : hunk.newStart;
    const wanted = newPos > 0 ? newPos - 1 : 0;
    const at = findHunk(image, pre, wanted, oldPos <= 1, hunk.trailing === 0);
    if (at < 0) return { hunk: h + 1, line: wanted + 1 };
    image.splice(at, pre.count, post);
  }
  return undefined;
}

/** The lines a hunk expects (`pre`) and leaves (`post`), for the direction. */
export function hunkImages(hunk: Hunk, reverse: boolean): { pre: FileText; post: FileText } {
  return reverse ? { pre: hunk.newSide, post: hunk.oldSide } : { pre: hunk.oldSide, post: hunk.newSide };
}

/**
 * Where `pre` matches `image` (git's find_pos): anchored at the start or the end when asked, else the place nearest
 * to `line` (at the same distance, after before before); -1 when nowhere. Lines earlier hunks produced never match.
 * Each stretch of lines no hunk produced is searched as text with the engine's native `indexOf`, so a failing
 * search costs one fast pass over the file, not one comparison per line.
 */
export function findHunk(
  image: Image,
  pre: FileText,
  line: number,
  matchBeginning: boolean,
  matchEnd: boolean,
): number {
  const nr = image.length;
  const n = pre.count;
  const fits = (at: number): boolean =>
    at >= 0 &&
    at + n <= nr &&
    (!matchEnd || at + n === nr) &&
    (!matchBeginning || at === 0) &&
    (n === 0 || image.holds(at, pre));
  if (matchBeginning) return fits(0) ? 0 : -1;
  if (matchEnd) return fits(nr - n) ? nr - n : -1;
  const start = line > nr ? nr : line;
  if (fits(start)) return start;
  if (n === 0 || !pre.wellFormed) return -1;
  let best = -1;
  let bestRank = Infinity;
  // The stretches nearest to `start` first: a stretch that cannot hold a nearer place than one found is not searched.
  const runs = image.runs();
  let next = runs.findIndex((r) => r.start + r.to - r.from > start);
  if (next < 0) next = runs.length;
  let previous = next - 1;
  while (next < runs.length || previous >= 0) {
    const after = next < runs.length ? 2 * Math.max(1, runs[next].start - start) - 1 : Infinity;
    const before =
      previous >= 0 ? 2 * (start - (runs[previous].start + runs[previous].to - runs[previous].from) + 1) : Infinity;
    if (Math.min(after, before) >= bestRank) break;
    const run = after <= before ? runs[next++] : runs[previous--];
    const offset = run.from - run.start; // image line + offset = line of the run's source
    const [b, a] = run.source.around(pre, start + offset, run.from, run.to - n);
    if (a >= 0 && 2 * (a - offset - start) - 1 < bestRank) {
      best = a - offset;
      bestRank = 2 * (best - start) - 1;
    }
    if (b >= 0 && 2 * (start - b + offset) < bestRank) {
      best = b - offset;
      bestRank = 2 * (start - best);
    }
  }
  return best;
}
