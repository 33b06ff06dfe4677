import { parseArgs } from 'node:util';

export type Format = 'table' | 'json';

export interface TriageArgs {
  command: 'triage';
  path: string;
  catalogs: string[];
  bundled: boolean;
  format: Format;
  all: boolean;
  locale: string | undefined;
}

export type CliArgs = TriageArgs | { command: 'help' } | { command: 'version' };

/** Thrown for a command line that cannot be understood; the message is shown as is. */
export class UsageError extends Error {}

export const USAGE = `Usage: commerce-patches triage [PATH] [--catalog FILE]... [--no-bundled]
                               [--format table|json] [--all] [--locale LANG]

  PATH           a project folder (searched for composer.lock files) or a composer.lock; default: .
  --catalog      an extra patch catalog (patches.yaml schema or QPT JSON); repeatable
  --no-bundled   leave the bundled catalog out
  --format       table (default, for people) or json
  --all          also list the patches that do not apply, with the reason
  --locale       en, sv, fr or ja (default: from LANG)`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: 'string', multiple: true },
        'no-bundled': { type: 'boolean' },
        format: { type: 'string' },
        all: { type: 'boolean' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'triage') throw new UsageError(`unknown command '${command}' (try 'triage')`);
  if (rest.length > 1) throw new UsageError(`triage takes one PATH, got ${rest.length}: ${rest.join(' ')}`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, not '${format}'`);
  return {
    command: 'triage',
    path: rest[0] ?? '.',
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    format,
    all: values.all ?? false,
    locale: values.locale,
  };
}
