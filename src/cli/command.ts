import { writeErr } from './output';
import { statSync } from 'node:fs';
import { FILE_LIMITS, FileReadError } from '../core/files/readTextFile';
import { readFailure } from '../core/lock/read';
import { formatProblem, type Problem } from '../core/problem';
import { oneLineForTerminal } from '../core/text/terminal';
import { t } from './messages';

/** A command line that cannot be understood; the message is shown on one line that points to `--help`, exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be used (no lock, a missing catalog file): printed as one line, exit code 2. */
export class Unusable extends Error {}

/** One subcommand of `commerce-patches` (`triage`, …): its help text and what it does with its own arguments. */
export interface CliCommand {
  /** The help text in the display language (the command line itself stays as typed). */
  usage(): string;
  /** Parses `argv` (the arguments after the command's name) and runs; returns the exit code (or a promise of it). */
  run(argv: string[]): number | Promise<number>;
}

/** A warning on stderr, prefixed with the program's name: one line, with nothing in it that a terminal would act on. */
export const warn = (message: string): void => {
  writeErr(`commerce-patches: ${oneLineForTerminal(t('warning: {0}', message))}\n`);
};

/**
 * Every `--catalog` file must exist and be a regular file of a sane size: anything else ends the run (exit code 2)
 * before any work is done.
 */
export function requireCatalogFiles(files: readonly string[]): void {
  for (const file of files) {
    let reason: string | undefined;
    try {
      const st = statSync(file);
      if (st.isDirectory()) reason = readFailure('EISDIR', undefined);
      else if (!st.isFile()) {
        const kind = st.isFIFO() ? 'fifo' : 'device';
        reason = readFailure('ENOTREG', new FileReadError('ENOTREG', '', undefined, kind));
      } else if (st.size > FILE_LIMITS.catalog) {
        reason = readFailure('EFBIG', new FileReadError('EFBIG', '', FILE_LIMITS.catalog));
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Unusable(t('{0}: catalog file not found', file));
      reason = readFailure(code, e);
    }
    if (reason !== undefined) throw new Unusable(t('{0}: {1}', file, reason));
  }
}

/** The current folder, or undefined when it cannot be read (deleted, or a path longer than the system allows). */
export function currentFolder(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/**
 * After reading every project: stops with the first failure when nothing could be used, else warns about each
 * failure and, once each, about every problem in the files read.
 */
export function reportInputs(usable: number, failures: readonly string[], problems: readonly Problem[]): void {
  if (usable === 0) throw new Unusable(failures[0]);
  for (const failure of failures) warn(failure);
  const seen = new Set<string>();
  for (const p of problems) {
    const line = formatProblem(p);
    if (!seen.has(line)) warn(line);
    seen.add(line);
  }
}
