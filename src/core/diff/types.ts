import type { FileText } from './lines';

/**
 * A unified diff as `git apply` reads it once QPT has turned its `diff --git` lines into `diff -Nuar` (a plain
 * unified diff): sections found by their `---`/`+++` lines, each with its hunks. Texts are byte strings (each
 * character one byte, read as latin1), so CRLF and any encoding stay exactly as they are.
 */

export interface Hunk {
  /** 1-based line in the diff of the `@@` header. */
  readonly diffLine: number;
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  /**
   * The lines the hunk expects (context and `-` lines) and leaves (context and `+` lines), without their markers, as
   * one text each; a line ends with its line break unless `\ No newline at end of file` followed it.
   */
  readonly oldSide: FileText;
  readonly newSide: FileText;
  /** Context lines before the first change, and after the last one. */
  readonly leading: number;
  readonly trailing: number;
}

/** What the `diff --git` block around a section said (kept for reports: git skips these lines in QPT's form). */
export interface GitHeader {
  readonly renameFrom?: string;
  readonly renameTo?: string;
  readonly oldMode?: string;
  readonly newMode?: string;
  readonly binary: boolean;
}

/** One file section: the path (with the `a/` prefix taken off), whether it creates or deletes the file, its hunks. */
export interface FileSection {
  /** 1-based line in the diff of the `---` line. */
  readonly diffLine: number;
  /** The path in the project, e.g. `vendor/magento/framework/App/Http.php` (bytes as in the diff). */
  readonly path: string;
  /** `--- /dev/null`: creates the file. `maybe`: a single hunk without old lines: creates it when absent. */
  readonly creates: boolean | 'maybe';
  /** `+++ /dev/null`: deletes the file. `maybe`: a single hunk without new lines: deleted when reversed onto nothing. */
  readonly deletes: boolean | 'maybe';
  readonly hunks: readonly Hunk[];
  readonly git?: GitHeader;
}

/** Why a diff cannot be checked at all (git would refuse it in both directions, or it is not a text diff). */
export type DiffDefect =
  /** Lines that break the unified format (a truncated diff, counts that lie): git's "corrupt patch at line N". */
  | { kind: 'corrupt'; line: number; detail: CorruptDetail }
  /** A path that is absolute or has a `..` part. */
  | { kind: 'unsafe-path'; line: number; path: string }
  /** A binary file change (`GIT binary patch`, `Binary files … differ`). */
  | { kind: 'binary'; line: number; path: string }
  /** Nothing git can apply: no `---`/`+++`/`@@` section. */
  | { kind: 'empty' }
  /** Larger than the engine reads. */
  | { kind: 'too-large'; bytes: number; limit: number };

export interface ParsedDiff {
  readonly sections: readonly FileSection[];
  /** Set when the diff cannot be checked; `sections` then holds what was read before the defect. */
  readonly defect?: DiffDefect;
  /** `diff --git` blocks that carry no hunks (a pure rename or mode change): git skips them in QPT's form. */
  readonly skipped: readonly { line: number; path: string; git: GitHeader }[];
}

/** What is wrong at a corrupt line (each front end words it). */
export type CorruptDetail =
  | 'hunk-without-header'
  | 'no-file-name'
  | 'new-file-has-old-lines'
  | 'deleted-file-has-new-lines'
  | 'bad-hunk-header'
  | 'ends-inside-hunk'
  | 'not-a-hunk-line'
  | 'counts-do-not-fit'
  | 'hunk-without-changes';
