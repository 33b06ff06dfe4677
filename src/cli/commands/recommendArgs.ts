import { parseArgs } from 'node:util';
import { UsageError } from '../command';
import { t } from '../messages';
import type { Format } from './triageArgs';

export interface RecommendArgs {
  path: string;
  logs: string[];
  catalogs: string[];
  bundled: boolean;
  format: Format;
  locale: string | undefined;
}

/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  const options: Array<[string, string]> = [
    ['PATH', t('a project folder (searched for composer.lock files) or a composer.lock; default: .')],
    ['--logs', t('one more folder of log files (such as logs downloaded from Cloud), besides var/log; repeatable')],
    ['--catalog', t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable')],
    ['--no-bundled', t('leave the bundled catalog out')],
    ['--format', t('table (default, for people) or json')],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
  return [
    `${t('Usage:')} commerce-patches recommend [PATH] [--logs DIR]... [--catalog FILE]... [--no-bundled]`,
    '                                  [--format table|json] [--locale LANG]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

/** The arguments after `recommend`. */
export function parseRecommendArgs(argv: string[]): RecommendArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        logs: { type: 'string', multiple: true },
        catalog: { type: 'string', multiple: true },
        'no-bundled': { type: 'boolean' },
        format: { type: 'string' },
        locale: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(t('recommend takes one PATH, got {0}: {1}', positionals.length, positionals.join(' ')));
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(t("--format must be table or json, not '{0}'", format));
  return {
    path: positionals[0] ?? '.',
    logs: values.logs ?? [],
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    format,
    locale: values.locale,
  };
}
