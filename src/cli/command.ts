import { existsSync } from 'node:fs';
import { formatProblem, type Problem } from '../core/problem';
import { t } from './messages';

/** A command line that cannot be understood; the message is shown as is, with the usage, exit code 2. */
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

/** A warning on stderr, prefixed with the program's name. */
export const warn = (message: string): void => {
  process.stderr.write(`commerce-patches: ${t('warning: {0}', message)}\n`);
};

/** Stops with exit code 2 when a `--catalog` file does not exist. */
export function requireCatalogFiles(files: readonly string[]): void {
  for (const file of files) {
    if (!existsSync(file)) throw new Unusable(t('{0}: catalog file not found', file));
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
