import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cacheDirFor } from '../cacheDir';
import { UsageError } from '../command';
import { t } from '../messages';

export type Format = 'table' | 'json';

export interface TriageArgs {
  command: 'triage';
  path: string;
  catalogs: string[];
  bundled: boolean;
  /** The cache folder whose fetched catalog is used (when fetched catalogs are not left out). */
  cacheDir: string | undefined;
  format: Format;
  all: boolean;
  locale: string | undefined;
}


/** Help rows of the options `triage` shares with other commands; `extra` rows go before `--locale`. */
export function optionRows(extra: Array<[string, string]>): Array<[string, string]> {
  return [
    ['PATH', t('a project folder (searched for composer.lock files) or a composer.lock; default: .')],
    ['--catalog', t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable')],
    ['--no-bundled', t('leave the bundled catalog out')],
    ['--cache-dir', t('where fetched catalogs are kept (default: $XDG_CACHE_HOME/commerce-patches, else ~/.cache/commerce-patches)')],
    ['--no-fetched', t('leave the fetched catalog out (see: commerce-patches catalog update)')],
    ['--format', t('table (default, for people) or json')],
    ...extra,
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
}

/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  const options = optionRows([['--all', t('also list the patches that do not apply, with the reason')]]);
  return [
    `${t('Usage:')} commerce-patches triage [PATH] [--catalog FILE]... [--no-bundled]`,
    '                               [--cache-dir DIR] [--no-fetched]',
    '                               [--format table|json] [--all] [--locale LANG]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

/** The arguments after `triage`. */
export function parseTriageArgs(argv: string[]): TriageArgs {
  const parsed = parseOrUsage({
    args: argv,
    allowPositionals: true,
    options: {
      catalog: { type: 'string', multiple: true },
      'no-bundled': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      'no-fetched': { type: 'boolean' },
      format: { type: 'string' },
      all: { type: 'boolean' },
      locale: { type: 'string' },
    },
  });
  const { values, positionals } = parsed;
  const rest = positionals;
  if (rest.length > 1) throw new UsageError(t('triage takes one PATH, got {0}: {1}', rest.length, rest.join(' ')));
  const format = formatOf(values.format);
  return {
    command: 'triage',
    path: rest[0] ?? '.',
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    cacheDir: values['no-fetched'] ? undefined : cacheDirFor(values['cache-dir']),
    format,
    all: values.all ?? false,
    locale: values.locale,
  };
}

/** `parseArgs`, with what it cannot understand as a usage error. */
export function parseOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The `--format` value (table by default). */
export function formatOf(value: string | undefined): Format {
  const format = value ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(t("--format must be table or json, not '{0}'", format));
  return format;
}
