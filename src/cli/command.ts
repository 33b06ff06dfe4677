import { t } from './messages';

/** A command line that cannot be understood; the message is shown as is, with the usage, exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be used (no lock, a missing catalog file): printed as one line, exit code 2. */
export class Unusable extends Error {}

/** One subcommand of `commerce-patches` (`triage`, …): its help text and what it does with its own arguments. */
export interface CliCommand {
  /** The help text in the display language (the command line itself stays as typed). */
  usage(): string;
  /** Parses `argv` (the arguments after the command's name) and runs; returns the exit code (once done). */
  run(argv: string[]): number | Promise<number>;
}

/** A warning on stderr, prefixed with the program's name. */
export const warn = (message: string): void => {
  process.stderr.write(`commerce-patches: ${t('warning: {0}', message)}\n`);
};
