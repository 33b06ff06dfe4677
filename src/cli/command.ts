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
  /** Parses `argv` (the arguments after the command's name) and runs; returns the exit code. */
  run(argv: string[]): number;
}

/** A warning on stderr, prefixed with the program's name: one line, with nothing in it that a terminal would act on. */
export const warn = (message: string): void => {
  process.stderr.write(`commerce-patches: ${oneLineForTerminal(t('warning: {0}', message))}\n`);
};
