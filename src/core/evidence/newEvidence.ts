import type { Recommendation } from './recommend';

/** A recommended patch that matches a log line written since the previous scan. */
export interface NewMatch {
  id: string;
  /** The log file that holds the new line (a rotated copy's own name when it is there). */
  file: string;
}

/**
 * What became evidence between two scans of the same store: per recommended patch and log file, whether more lines
 * match than before (a grown log), or the patch was not recommended before. For notifications ("ACSD-… matches a
 * new error in exception.log"); one entry per patch and file.
 */
export function newMatches(before: readonly Recommendation[], after: readonly Recommendation[]): NewMatch[] {
  const counts = new Map<string, number>();
  for (const r of before) for (const [key, count] of logCounts(r)) counts.set(key, count);
  const out: NewMatch[] = [];
  for (const r of after) {
    if (!r.recommended) continue;
    for (const [key, count] of logCounts(r)) {
      if (count > (counts.get(key) ?? 0)) out.push({ id: r.entry.patch.id, file: key.slice(key.indexOf('\n') + 1) });
    }
  }
  return out;
}

/** Matching lines per (patch, file): the sum over the rules that matched in the file. */
function logCounts(r: Recommendation): Map<string, number> {
  const perRule = new Map<string, number>();
  for (const e of r.evidence) {
    if (e.type === 'log') perRule.set(`${e.file}\n${e.match}`, e.count);
  }
  const out = new Map<string, number>();
  for (const [key, count] of perRule) {
    const file = key.slice(0, key.indexOf('\n'));
    const k = `${r.entry.patch.id}\n${file}`;
    out.set(k, (out.get(k) ?? 0) + count);
  }
  return out;
}
