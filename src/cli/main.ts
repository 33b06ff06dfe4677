import { InputError } from '../core/problem';
import { oneLineForTerminal } from '../core/text/terminal';
import { type CliCommand, Unusable, UsageError, warn } from './command';
import { recommend } from './commands/recommend';
import { catalog } from './commands/catalog';
import { plan } from './commands/plan';
import { status } from './commands/status';
import { triage } from './commands/triage';
import { setUpMessages, t } from './messages';
import { endQuietlyOnClosedOutput } from './output';

declare const PACKAGE_VERSION: string;

/** Every subcommand, by the name typed after `commerce-patches`; the first is the one `--help` shows first. */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  triage,
  status,
  recommend,
  plan,
  catalog,
};

function usage(): string {
  return Object.values(COMMANDS)
    .map((c) => c.usage())
    .join('\n\n');
}

/** One line on stderr, prefixed with the program's name, with nothing in it that a terminal would act on. */
function fail(message: string): void {
  process.stderr.write(`commerce-patches: ${oneLineForTerminal(message)}\n`);
}

/** The command named on the command line, for the `--help` pointer of a usage error. */
let commandName: string | undefined;

function main(argv: string[]): number | Promise<number> {
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
    if (command === undefined)
      throw new UsageError(t("unknown command '{0}' (commands: {1})", name, Object.keys(COMMANDS).join(', ')));
    commandName = name;
    const rest = argv.slice(1);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.usage() + '\n');
      return 0;
    }
    return command.run(rest);
  } catch (e) {
    return failure(e);
  }
}

/** The exit code for an error, after saying on one line of stderr what went wrong. */
function failure(e: unknown): number {
  if (e instanceof UsageError) {
    const help = commandName === undefined ? 'commerce-patches --help' : `commerce-patches ${commandName} --help`;
    fail(t('{0} (see {1})', e.message, help));
    return 2;
  }
  if (e instanceof Unusable || e instanceof InputError) {
    fail(e.message);
    return 2;
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (
    (code === 'ERANGE' || code === 'ENAMETOOLONG' || code === 'ENOENT') &&
    /\bcwd\b|uv_cwd/.test(String((e as Error).message))
  ) {
    fail(t('cannot read the current folder ({0}); run from another folder or give PATH as an absolute path', code));
    return 2;
  }
  fail(t('internal error: {0}', (e as Error).message));
  return 1;
}

endQuietlyOnClosedOutput();
const code = main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
else
  code.then(
    (c) => (process.exitCode = c),
    (e: unknown) => (process.exitCode = failure(e)),
  );
