import { parseArgs } from 'node:util';
import { DEFAULT_SEARCH_DEPTH, MAX_SEARCH_DEPTH } from '../../core/lock/find';
import { UsageError } from '../command';
import { t } from '../messages';

export type Format = 'table' | 'json';

export interface TriageArgs {
  command: 'triage';
  path: string;
  catalogs: string[];
  bundled: boolean;
  format: Format;
  all: boolean;
  locale: string | undefined;
  /** How many folder levels below PATH are searched for composer.lock files. */
  depth: number;
}


/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  const options: Array<[string, string]> = [
    ['PATH', t('a project folder (searched for composer.lock files) or a composer.lock; default: .')],
    ['--catalog', t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable')],
    ['--no-bundled', t('leave the bundled catalog out')],
    ['--format', t('table (default, for people) or json')],
    ['--all', t('also list the patches that do not apply, with the reason')],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
    ['--depth', t('how many folder levels below PATH to search for composer.lock files (default: {0})', DEFAULT_SEARCH_DEPTH)],
  ];
  return [
    `${t('Usage:')} commerce-patches triage [PATH] [--catalog FILE]... [--no-bundled]`,
    '                               [--format table|json] [--all] [--locale LANG] [--depth N]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

/** The arguments after `triage`. */
export function parseTriageArgs(argv: string[]): TriageArgs {
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
        depth: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const rest = positionals;
  if (rest.length > 1) throw new UsageError(t('triage takes one PATH, got {0}: {1}', rest.length, rest.join(' ')));
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(t("--format must be table or json, not '{0}'", format));
  const depth = values.depth === undefined ? DEFAULT_SEARCH_DEPTH : Number(values.depth);
  if (!/^\d{1,3}$/.test(values.depth ?? '0') || depth > MAX_SEARCH_DEPTH) {
    throw new UsageError(t("--depth must be a whole number from 0 to {0}, not '{1}'", MAX_SEARCH_DEPTH, values.depth ?? ''));
  }
  return {
    command: 'triage',
    path: rest[0] ?? '.',
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    format,
    all: values.all ?? false,
    locale: values.locale,
    depth,
  };
}
