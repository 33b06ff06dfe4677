import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../command';
import { t } from '../messages';

/** Help lines for the options several commands share, in the display language. */
export const sharedOptionHelp = {
  path: (): [string, string] => [
    'PATH',
    t('a project folder (searched for composer.lock files) or a composer.lock; default: .'),
  ],
  catalog: (): [string, string] => [
    '--catalog',
    t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable'),
  ],
  noBundled: (): [string, string] => ['--no-bundled', t('leave the bundled catalog out')],
  cacheDir: (): [string, string] => [
    '--cache-dir',
    t('where fetched catalogs are kept (default: $XDG_CACHE_HOME/commerce-patches, else ~/.cache/commerce-patches)'),
  ],
  noFetched: (): [string, string] => [
    '--no-fetched',
    t('leave the fetched catalog out (see: commerce-patches catalog update)'),
  ],
  applied: (): [string, string] => [
    '--applied',
    t('patch IDs applied today (besides those scheduled in .magento.env.yaml); repeatable'),
  ],
  qptStatus: (): [string, string] => [
    '--qpt-status',
    t('a saved output of magento-patches status --format=json: its Applied patches'),
  ],
  locale: (): [string, string] => ['--locale', t('en, sv, fr or ja (default: from LANG)')],
};

/** A command's help: its usage lines (the first after "Usage:"), a blank line, then one line per option. */
export function helpText(usageLines: readonly string[], options: ReadonlyArray<[string, string]>): string {
  const [first, ...rest] = usageLines;
  return [
    `${t('Usage:')} ${first}`,
    ...rest,
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

/** `parseArgs` with positionals allowed; what it rejects becomes a {@link UsageError}. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
