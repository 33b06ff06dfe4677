import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** `system.log.1`, `exception.log.2.gz`, `debug.log-20250101.gz`: rotated copies of a log, with their order. */
function rotation(name: string, candidate: string): number | undefined {
  if (!candidate.startsWith(name) || candidate === name) return undefined;
  const m = /^(?:\.(\d{1,6})|-(\d{8}))?(\.gz)?$/.exec(candidate.slice(name.length));
  if (m === null || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  if (m[1] !== undefined) return Number(m[1]);
  // Dated copies after numbered ones, the most recent first; a bare `.gz` first of all.
  if (m[2] !== undefined) return 1e9 - Number(m[2]) / 1e8;
  return 0;
}

/**
 * The files a log rule reads: `path` under the store root and, in each extra folder, the file of the same name;
 * each followed by its rotated copies (most recent first). Only files that exist are listed.
 */
export async function logFilesFor(root: string, path: string, extraFolders: readonly string[] = []): Promise<string[]> {
  const name = basename(path);
  const places = [resolve(root, dirname(path)), ...extraFolders.map((d) => (isAbsolute(d) ? d : resolve(root, d)))];
  const files: string[] = [];
  const seen = new Set<string>();
  for (const dir of places) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      continue;
    }
    if (entries.includes(name)) files.push(join(dir, name));
    const rotated: Array<[number, string]> = [];
    for (const entry of entries) {
      const order = rotation(name, entry);
      if (order !== undefined) rotated.push([order, entry]);
    }
    rotated.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    for (const [, entry] of rotated) files.push(join(dir, entry));
  }
  return files;
}
