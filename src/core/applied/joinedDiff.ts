import { parseDiff } from '../diff/parse';
import type { ParsedDiff } from '../diff/types';

/** Patch files joined into one diff, as QPT joins them (plain concatenation), parsed once. */
export interface JoinedDiff {
  diff: ParsedDiff;
  /** The part a line of the joined diff came from, and that line in it (for reasons). */
  locate(line: number): { file: string; line: number };
}

export function joinDiffs(parts: readonly { file: string; text: string }[]): JoinedDiff {
  const starts: number[] = [];
  let lines = 0;
  for (const part of parts) {
    starts.push(lines);
    for (let at = part.text.indexOf('\n'); at >= 0; at = part.text.indexOf('\n', at + 1)) lines++;
  }
  const diff = parseDiff(parts.length === 1 ? parts[0].text : parts.map((p) => p.text).join(''));
  const locate = (line: number) => {
    let i = parts.length - 1;
    while (i > 0 && starts[i] >= line) i--;
    return { file: parts[i]?.file ?? '', line: line - (starts[i] ?? 0) };
  };
  return { diff, locate };
}
