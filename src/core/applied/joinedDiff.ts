import { parseDiff } from '../diff/parse';
import type { ParsedDiff } from '../diff/types';

/** Patch files joined into one diff, as QPT joins them (plain concatenation). */
export interface JoinedDiff {
  diff: ParsedDiff;
  /** The part a line of the joined diff came from, and that line in it (for reasons). */
  locate(line: number): { file: string; line: number };
}

/**
 * Parses patch files as one diff. Parts that end with a line break read the same alone as joined, so each is parsed
 * once (`parsed` keeps them) and their sections are put together; otherwise the joined text is parsed.
 */
export function joinDiffs(
  parts: readonly { file: string; text: string }[],
  parsed: { get(file: string): ParsedDiff | undefined; set(file: string, diff: ParsedDiff): unknown },
): JoinedDiff {
  const alone = parts.every((p, i) => i === parts.length - 1 || p.text.endsWith('\n'));
  if (alone) {
    const diffs = parts.map((p) => {
      let diff = parsed.get(p.file);
      if (diff === undefined) {
        diff = parseDiff(p.text);
        parsed.set(p.file, diff);
      }
      return diff;
    });
    const broken = diffs.findIndex((d) => d.defect !== undefined && d.defect.kind !== 'empty');
    if (broken >= 0) return { diff: diffs[broken], locate: (line) => ({ file: parts[broken].file, line }) };
    const sections = diffs.flatMap((d) => d.sections);
    const skipped = diffs.flatMap((d) => d.skipped);
    return {
      diff: sections.length > 0 ? { sections, skipped } : { sections, skipped, defect: { kind: 'empty' } },
      locate: (line) => ({ file: parts[0]?.file ?? '', line }),
    };
  }
  const diff = parseDiff(parts.map((p) => p.text).join(''));
  const locate = (line: number) => {
    let start = 0;
    for (const part of parts) {
      let lines = 0;
      for (let at = part.text.indexOf('\n'); at >= 0; at = part.text.indexOf('\n', at + 1)) lines++;
      if (line <= start + lines || part === parts[parts.length - 1]) return { file: part.file, line: line - start };
      start += lines;
    }
    return { file: '', line };
  };
  return { diff, locate };
}
