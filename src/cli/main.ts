import { InputError } from '../core/problem';
import { type CliCommand, Unusable, UsageError, warn } from './command';
import { status } from './commands/status';
import { triage } from './commands/triage';
import { setUpMessages, t } from './messages';

declare const PACKAGE_VERSION: string;

/** Every subcommand, by the name typed after `commerce-patches`; the first is the one `--help` shows first. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  triage,
  status,
};

function usage(): string {
  return Object.values(COMMANDS)
    .map((c) => c.usage())
    .join('\n\n');
}

function main(argv: string[]): number {
  try {
    // The environment's language first, so that even a command line that cannot be parsed gets its language.
    setUpMessages(undefined, warn);
    const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
    if (name === undefined) {
      if (argv.includes('--version') || argv.includes('-V')) {
        process.stdout.write(PACKAGE_VERSION + '\n');
        return 0;
      }
      process.stdout.write(usage() + '\n');
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) throw new UsageError(t("unknown command '{0}' (try 'triage')", name));
    const rest = argv.slice(1);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.usage() + '\n');
      return 0;
    }
    return command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`commerce-patches: ${e.message}\n${usage()}\n`);
      return 2;
    }
    if (e instanceof Unusable || e instanceof InputError) {
      process.stderr.write(`commerce-patches: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`commerce-patches: ${t('internal error: {0}', (e as Error).message)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
