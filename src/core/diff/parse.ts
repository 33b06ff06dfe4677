import { headerName, isDevNull, isUnsafePath, pickName } from './paths';
import { type DiffLines, HUNK_HEADER, readHunk } from './hunk';
import type { DiffDefect, FileSection, GitHeader, Hunk, ParsedDiff } from './types';

/** The largest diff the engine reads (QPT's largest patch file is under 0.5 MB). */
export const MAX_DIFF_BYTES = 32 * 1024 * 1024;

/**
 * Reads a unified diff (a byte string) as `git apply` reads what QPT gives it: `diff --git` lines count as plain
 * `diff` lines, so a section starts at a `---` line followed by `+++` and `@@ -`; lines between sections are skipped;
 * inside a hunk every line must be a context (` ` or empty), `-`, `+` or `\` line until the header's counts are
 * used up. The `diff --git` blocks are still read for what they say (binary, rename, mode). Never throws.
 */
export function parseDiff(text: string): ParsedDiff {
  if (text.length > MAX_DIFF_BYTES)
    return { sections: [], skipped: [], defect: { kind: 'too-large', bytes: text.length, limit: MAX_DIFF_BYTES } };
  return new DiffReader(text).read();
}

interface PendingGit {
  line: number;
  path: string;
  header: { renameFrom?: string; renameTo?: string; oldMode?: string; newMode?: string; binary: boolean };
  used: boolean;
}

class DiffReader implements DiffLines {
  /** Where each line starts: lines are cut out only where they are read. */
  readonly starts: number[] = [];
  readonly count: number;
  private readonly sections: FileSection[] = [];
  private readonly skipped: { line: number; path: string; git: GitHeader }[] = [];
  private git: PendingGit | undefined;

  constructor(readonly text: string) {
    for (let at = 0; at < text.length;) {
      this.starts.push(at);
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
    this.count = this.starts.length;
  }

  end(i: number): number {
    return i + 1 < this.count ? this.starts[i + 1] : this.text.length;
  }

  line(i: number): string {
    return this.text.slice(this.starts[i], this.end(i));
  }

  lineStarts(i: number, prefix: string): boolean {
    return i < this.count && this.text.startsWith(prefix, this.starts[i]);
  }

  read(): ParsedDiff {
    const defect = this.readAll();
    if (defect === undefined) this.closeGit();
    const result = { sections: this.sections, skipped: this.skipped };
    if (defect !== undefined) return { ...result, defect };
    if (this.sections.length === 0) return { ...result, defect: { kind: 'empty' } };
    return result;
  }

  private readAll(): DiffDefect | undefined {
    let i = 0;
    while (i < this.count) {
      if (this.end(i) - this.starts[i] < 6) {
        i++;
        continue;
      }
      const line = this.line(i);
      if (line.length < 6) {
        i++;
        continue;
      }
      if (line.startsWith('@@ -') && line.endsWith('\n') && HUNK_HEADER.test(line)) {
        return { kind: 'corrupt', line: i + 1, detail: 'hunk-without-header' };
      }
      if (line.startsWith('diff --git ')) {
        this.closeGit();
        this.git = { line: i + 1, path: gitPath(line), header: { binary: false }, used: false };
        i++;
        continue;
      }
      if (this.git !== undefined) {
        const binary = this.gitLine(line);
        if (binary) return { kind: 'binary', line: i + 1, path: this.git.path };
      }
      if (line.startsWith('--- ') && this.lineStarts(i + 1, '+++ ') && this.lineStarts(i + 2, '@@ -')) {
        const result = this.readSection(i);
        if (typeof result !== 'number') return result;
        i = result;
        continue;
      }
      i++;
    }
    return undefined;
  }

  /** Notes what a line of a `diff --git` block says; true for a binary change. */
  private gitLine(line: string): boolean {
    const header = (this.git as PendingGit).header;
    const value = (prefix: string) => line.slice(prefix.length).replace(/\r?\n$/, '');
    if (line.startsWith('GIT binary patch') || (line.startsWith('Binary files ') && /differ\r?\n?$/.test(line)))
      return true;
    if (line.startsWith('rename from ')) header.renameFrom = value('rename from ');
    else if (line.startsWith('rename to ')) header.renameTo = value('rename to ');
    else if (line.startsWith('old mode ')) header.oldMode = value('old mode ');
    else if (line.startsWith('new mode ')) header.newMode = value('new mode ');
    return false;
  }

  /** A `diff --git` block that no section used: reported when it said something (rename, mode change). */
  private closeGit(): void {
    const git = this.git;
    this.git = undefined;
    if (git === undefined || git.used) return;
    const h = git.header;
    if (h.renameFrom !== undefined || h.renameTo !== undefined || h.oldMode !== undefined || h.newMode !== undefined) {
      this.skipped.push({ line: git.line, path: git.path, git: h });
    }
  }

  /** Reads the section whose `---` line is at `start`; returns the index after it, or the defect. */
  private readSection(start: number): number | DiffDefect {
    const oldField = this.line(start).slice(4);
    const newField = this.line(start + 1).slice(4);
    const oldNull = isDevNull(oldField);
    const newNull = isDevNull(newField);
    const oldName = oldNull ? undefined : headerName(oldField);
    const newName = newNull ? undefined : headerName(newField);
    const name = oldNull ? newName : newNull ? oldName : pickName(oldName, newName);
    // A copy, not a slice: a slice would keep the whole diff text alive wherever the path is kept (a file cache key).
    // Cutting a joined string copies it into a new one first (and costs less than a round trip through a Buffer).
    const path = name === undefined ? undefined : ('/' + name).slice(1);
    if (path === undefined) return { kind: 'corrupt', line: start + 1, detail: 'no-file-name' };
    if (isUnsafePath(path)) return { kind: 'unsafe-path', line: start + 1, path };
    const hunks: Hunk[] = [];
    let i = start + 2;
    while (this.lineStarts(i, '@@ -')) {
      const hunk = readHunk(this, i);
      if (!('lines' in hunk)) return hunk;
      hunks.push(hunk.hunk);
      i = hunk.next;
    }
    let oldLines = 0;
    let newLines = 0;
    for (const h of hunks) {
      oldLines += h.oldCount;
      newLines += h.newCount;
    }
    if (oldNull && oldLines > 0) return { kind: 'corrupt', line: start + 1, detail: 'new-file-has-old-lines' };
    if (newNull && newLines > 0) return { kind: 'corrupt', line: start + 1, detail: 'deleted-file-has-new-lines' };
    const creates = oldNull ? true : hunks.length === 1 && oldLines === 0 ? 'maybe' : false;
    const deletes = newNull ? true : hunks.length === 1 && newLines === 0 ? 'maybe' : false;
    const git = this.git;
    if (git !== undefined) git.used = true;
    this.sections.push(
      git === undefined
        ? { diffLine: start + 1, path, creates, deletes, hunks }
        : { diffLine: start + 1, path, creates, deletes, hunks, git: git.header },
    );
    return i;
  }
}

/** The `b/` path of a `diff --git a/x b/x` line (for reports only). */
function gitPath(line: string): string {
  const rest = line.slice('diff --git '.length).replace(/\r?\n$/, '');
  const b = rest.lastIndexOf(' b/');
  return b >= 0 ? rest.slice(b + 3) : rest;
}
