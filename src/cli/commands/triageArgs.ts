import { parseArgs } from 'node:util';
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
}


/** The help of the options `triage` and `status` share: PATH, --catalog, --no-bundled, --format. */
export function commonOptions(): Array<[string, string]> {
  return [
    ['PATH', t('a project folder (searched for composer.lock files) or a composer.lock; default: .')],
    ['--catalog', t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable')],
    ['--no-bundled', t('leave the bundled catalog out')],
    ['--format', t('table (default, for people) or json')],
  ];
}

/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  const options: Array<[string, string]> = [
    ...commonOptions(),
    ['--all', t('also list the patches that do not apply, with the reason')],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
  return [
    `${t('Usage:')} commerce-patches triage [PATH] [--catalog FILE]... [--no-bundled]`,
    '                               [--format table|json] [--all] [--locale LANG]',
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
