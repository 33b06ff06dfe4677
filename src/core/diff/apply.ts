import { Image } from './image';
import { LineList, type LineSource } from './lines';
import type { FileSection, Hunk } from './types';

export type Direction = 'forward' | 'reverse';

/** The project's files as lines of bytes (each with its line break, the last one maybe without); null: absent. */
export interface FileSource {
  lines(path: string): LineSource | null;
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
    let current: Image | null;
    if (files.has(path)) current = files.get(path)?.unmarked() ?? null;
    else {
      const lines = source.lines(path);
      current = lines === null ? null : new Image(lines);
    }
    const creates = reverse ? section.deletes : section.creates;
    const deletes = reverse ? section.creates === true : section.deletes === true;
    let image: Image;
    if (creates === true || (creates === 'maybe' && current === null)) {
      if (current !== null) return { ok: false, failure: { kind: 'exists', section: s, path } };
      image = new Image(new LineList([]));
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
    image.splice(at, pre.length, post);
  }
  return undefined;
}

/** The lines a hunk expects (`pre`) and leaves (`post`), for the direction. */
export function hunkImages(hunk: Hunk, reverse: boolean): { pre: readonly string[]; post: readonly string[] } {
  return reverse ? { pre: hunk.newLines, post: hunk.oldLines } : { pre: hunk.oldLines, post: hunk.newLines };
}

/**
 * Where `pre` matches `image` (git's find_pos): from `line` outwards, forward first; -1 when nowhere. Lines earlier
 * hunks produced never match.
 */
export function findHunk(
  image: Image,
  pre: readonly string[],
  line: number,
  matchBeginning: boolean,
  matchEnd: boolean,
): number {
  const nr = image.length;
  const plain = image.plain();
  const fits = (at: number): boolean => {
    if (at + pre.length > nr) return false;
    if (matchEnd && at + pre.length !== nr) return false;
    if (matchBeginning && at !== 0) return false;
    if (plain !== undefined) {
      for (let k = 0; k < pre.length; k++) if (!plain.equals(at + k, pre[k])) return false;
      return true;
    }
    for (let k = 0; k < pre.length; k++) {
      if (!image.equals(at + k, pre[k]) || image.patched(at + k)) return false;
    }
    return true;
  };
  if (matchBeginning) return fits(0) ? 0 : -1;
  if (matchEnd) {
    const at = nr - pre.length;
    return at >= 0 && fits(at) ? at : -1;
  }
  const start = line > nr ? nr : line;
  if (fits(start)) return start;
  if (plain !== undefined && pre.length > 0) return nearest(plain, pre, start, fits);
  let back = start;
  let forward = start;
  while (back > 0 || forward < nr) {
    if (forward < nr && fits(++forward)) return forward;
    if (back > 0 && fits(--back)) return back;
  }
  return -1;
}

/**
 * The search of {@link findHunk} on an untouched file: the places where the hunk's first line occurs (found by a
 * native `indexOf`), tried in git's order (nearest first; at the same distance, after before before) until one
 * fits, so that a hunk a few lines off is found after a few tries however often its first line occurs.
 */
function nearest(lines: LineSource, pre: readonly string[], start: number, fits: (at: number) => boolean): number {
  const first = pre[0];
  const before: number[] = [];
  let after = lines.indexOf(first, 0);
  for (; after >= 0 && after <= start; after = lines.indexOf(first, after + 1)) before.push(after);
  let b = before.length - 1;
  while (b >= 0 || after >= 0) {
    const rankBefore = b >= 0 ? 2 * (start - before[b]) : Infinity;
    const rankAfter = after >= 0 ? 2 * (after - start) - 1 : Infinity;
    if (rankAfter < rankBefore) {
      if (fits(after)) return after;
      after = lines.indexOf(first, after + 1);
    } else {
      if (fits(before[b])) return before[b];
      b--;
    }
  }
  return -1;
}
