import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** A file a piece of work read, and what it was then: its identity, or why it could not be opened. */
export interface FileRead {
  readonly file: string;
  readonly identity: string;
}

/** The reads of the recordings under way, innermost last. */
const recordings: FileRead[][] = [];

/**
 * Runs `work` and lists every file it read through `readTextFile` or `readFileText` (the functions that read the files of
 * a store or a catalog), a file that could not be opened included. A result kept beyond the run is valid exactly
 * as long as each of these files is as it was ({@link unchanged}): the list is made by the reads themselves, so it
 * cannot miss a file that a later version of the work reads. Work that hands out what an earlier read gave (a file
 * kept for the run) says so with {@link replayReads}. Recordings nest: an inner one's reads count for the outer too.
 */
export function recordReads<T>(work: () => T): { value: T; reads: FileRead[] } {
  const reads: FileRead[] = [];
  recordings.push(reads);
  let value: T;
  try {
    value = work();
  } finally {
    recordings.pop();
  }
  replayReads(reads);
  return { value, reads };
}

/** Counts `reads`, made earlier, as reads of the work being recorded now (if any). */
export function replayReads(reads: readonly FileRead[]): void {
  const current = recordings[recordings.length - 1];
  if (current !== undefined && reads.length > 0) current.push(...reads);
}

/** Whether a recording is under way (reads then note what they read). */
export function recording(): boolean {
  return recordings.length > 0;
}

/** Notes a read for the recordings under way (by absolute path: a later run may start in another folder). */
export function noteRead(file: string, identity: string): void {
  recordings[recordings.length - 1]?.push({ file: resolve(file), identity });
}

/** A file's identity: device, inode, size, modification and change times (any rewrite changes one of them). */
export function identityOf(st: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** What opening `file` gives now: its identity, or the error's code (as {@link noteRead} was told). */
export function currentIdentity(file: string): string {
  try {
    return identityOf(statSync(file, { bigint: true }));
  } catch (e) {
    return String((e as NodeJS.ErrnoException).code ?? 'error');
  }
}

/**
 * Whether every file of `reads` had last changed well before `now` (in ms): a file changed again within the same
 * tick of its file system's clock would keep its times, so a result made from a file that fresh is not kept (as git
 * treats a "racily clean" file). Times in whole seconds (a file system that keeps no finer ones) ask for two seconds.
 */
export function settled(reads: readonly FileRead[], now: number): boolean {
  for (const r of reads) {
    const parts = r.identity.split(':');
    if (parts.length !== 5) continue; // could not be opened: nothing to change within a tick
    const changed = BigInt(parts[4]);
    const coarse = changed % 1_000_000_000n === 0n && BigInt(parts[3]) % 1_000_000_000n === 0n;
    if (Number(changed / 1_000_000n) > now - (coarse ? 2000 : 50)) return false;
  }
  return true;
}

/** Whether every file of `reads` is as it was when it was read. */
export function unchanged(reads: readonly FileRead[]): boolean {
  return reads.every((r) => currentIdentity(r.file) === r.identity);
}
