import { InputError } from '../core/problem';
import { oneLineForTerminal } from '../core/text/terminal';
import { type CliCommand, Unusable, UsageError, warn } from './command';
import { setUpMessages, t } from './messages';
import { printWarningsOnOneLine, writeErr, writeOut } from './output';

declare const PACKAGE_VERSION: string;

/**
 * Every subcommand, by the name typed after `commerce-patches`; the first is the one `--help` shows first. Each is
 * loaded when it runs: a `triage` run does not set up the log scanner, the upgrade planner or the catalog download.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  triage: async () => (await import('./commands/triage')).triage,
  status: async () => (await import('./commands/status')).status,
  recommend: async () => (await import('./commands/recommend')).recommend,
  plan: async () => (await import('./commands/plan')).plan,
  catalog: async () => (await import('./commands/catalog')).catalog,
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return commands.map((c) => c.usage()).join('\n\n');
}

/** One line on stderr, prefixed with the program's name, with nothing in it that a terminal would act on. */
function fail(message: string): void {
  writeErr(`commerce-patches: ${oneLineForTerminal(message)}\n`);
}

/** The command named on the command line, for the `--help` pointer of a usage error. */
let commandName: string | undefined;

async function main(argv: string[]): Promise<number> {
  try {
    // The environment's language first, so that even a command line that cannot be parsed gets its language.
    setUpMessages(undefined, warn);
    const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
    if (name === undefined) {
      if (argv.includes('--version') || argv.includes('-V')) {
        writeOut(PACKAGE_VERSION + '\n');
        return 0;
      }
      writeOut((await usage()) + '\n');
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load === undefined)
      throw new UsageError(t("unknown command '{0}' (commands: {1})", name, Object.keys(COMMANDS).join(', ')));
    commandName = name;
    const command = await load();
    const rest = argv.slice(1);
    if (rest.includes('--help') || rest.includes('-h')) {
      writeOut(command.usage() + '\n');
      return 0;
    }
    return await command.run(rest);
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

printWarningsOnOneLine();
// The program ends as soon as its work is done (its output is written synchronously): it does not wait for V8's
// background garbage-collection work, which after a patch check can hold an idle process for several milliseconds.
main(process.argv.slice(2)).then(
  (c) => process.exit(c),
  (e: unknown) => process.exit(failure(e)),
);
