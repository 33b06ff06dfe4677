import { UsageError } from '../command';
import { cacheDirFor } from '../cacheDir';
import { t } from '../messages';
import { helpText, parseOptions, sharedOptionHelp } from './options';
import { type Format, formatOption, parseFormat } from './triageArgs';

export interface RecommendArgs {
  path: string;
  logs: string[];
  catalogs: string[];
  bundled: boolean;
  /** The cache folder whose fetched catalog is used (when fetched catalogs are not left out). */
  cacheDir: string | undefined;
  format: Format;
  locale: string | undefined;
}

/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  return helpText(
    [
      'commerce-patches recommend [PATH] [--logs DIR]... [--catalog FILE]... [--no-bundled]',
      '                                  [--cache-dir DIR] [--no-fetched] [--format table|json|markdown|sarif]',
      '                                  [--locale LANG]',
    ],
    [
      sharedOptionHelp.path(),
      ['--logs', t('one more folder of log files (such as logs downloaded from Cloud), besides var/log; repeatable')],
      sharedOptionHelp.catalog(),
      sharedOptionHelp.noBundled(),
      sharedOptionHelp.cacheDir(),
      sharedOptionHelp.noFetched(),
      formatOption(),
      sharedOptionHelp.locale(),
    ],
  );
}

/** The arguments after `recommend`. */
export function parseRecommendArgs(argv: string[]): RecommendArgs {
  const { values, positionals } = parseOptions(argv, {
    logs: { type: 'string', multiple: true },
    catalog: { type: 'string', multiple: true },
    'no-bundled': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    'no-fetched': { type: 'boolean' },
    format: { type: 'string' },
    locale: { type: 'string' },
  });
  if (positionals.length > 1)
    throw new UsageError(t('recommend takes one PATH, got {0}: {1}', positionals.length, positionals.join(' ')));
  const format = parseFormat(values.format);
  return {
    path: positionals[0] ?? '.',
    logs: values.logs ?? [],
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    cacheDir: values['no-fetched'] ? undefined : cacheDirFor(values['cache-dir']),
    format,
    locale: values.locale,
  };
}
