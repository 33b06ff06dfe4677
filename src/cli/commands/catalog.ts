import { writeErr, writeOut } from '../output';
import { parseArgs } from 'node:util';
import { bundledFacts } from '../../core/catalog/bundledFacts';
import { fetchedDir, readCacheInfo } from '../../core/catalog/update/cache';
import { DEFAULT_CATALOG_URL, updateCatalog } from '../../core/catalog/update/update';
import { formatNumber } from '../../core/text/numbers';
import { cacheDirFor } from '../cacheDir';
import { type CliCommand, UsageError, warn } from '../command';
import { setUpMessages, t } from '../messages';

declare const PACKAGE_VERSION: string;

function usage(): string {
  const options: Array<[string, string]> = [
    ['update', t('fetch the current QPT metadata (support, community, patches-info, releases) into the cache')],
    ['info', t('show the QPT versions of the bundled catalog and of the fetched copy')],
    ['--url', t('the folder holding the four files (default: {0})', DEFAULT_CATALOG_URL)],
    [
      '--cache-dir',
      t('where fetched catalogs are kept (default: $XDG_CACHE_HOME/commerce-patches, else ~/.cache/commerce-patches)'),
    ],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
  return [
    `${t('Usage:')} commerce-patches catalog update [--url URL] [--cache-dir DIR] [--locale LANG]`,
    '       commerce-patches catalog info [--cache-dir DIR] [--locale LANG]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

interface CatalogArgs {
  action: 'update' | 'info';
  url: string | undefined;
  cacheDir: string;
  locale: string | undefined;
}

function parseCatalogArgs(argv: string[]): CatalogArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { url: { type: 'string' }, 'cache-dir': { type: 'string' }, locale: { type: 'string' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const action = positionals[0];
  if (action !== 'update' && action !== 'info')
    throw new UsageError(t("catalog needs 'update' or 'info', not '{0}'", action ?? ''));
  if (positionals.length > 1)
    throw new UsageError(t('catalog {0} takes no more arguments: {1}', action, positionals.slice(1).join(' ')));
  if (action === 'info' && values.url !== undefined) throw new UsageError(t('--url is for catalog update'));
  return { action, url: values.url, cacheDir: cacheDirFor(values['cache-dir']), locale: values.locale };
}

/** `commerce-patches catalog update | info`: the fetched copy of QPT's metadata that triage uses when it is fresher. */
export const catalog: CliCommand = {
  usage,
  run: (argv) => {
    const args = parseCatalogArgs(argv);
    const locale = setUpMessages(args.locale, warn);
    return args.action === 'update' ? runUpdate(args) : runInfo(args, locale);
  },
};

async function runUpdate(args: CatalogArgs): Promise<number> {
  const result = await updateCatalog({
    cacheDir: args.cacheDir,
    ...(args.url !== undefined ? { baseUrl: args.url } : {}),
    userAgent: `commerce-patches/${PACKAGE_VERSION}`,
  });
  if (result.outcome === 'failed') {
    writeErr(`commerce-patches: ${result.message}\n`);
    return 1;
  }
  writeOut(`${result.message}\n  ${t('kept in {0}', fetchedDir(args.cacheDir))}\n`);
  return 0;
}

function runInfo(args: CatalogArgs, locale: ReturnType<typeof setUpMessages>): number {
  const facts = bundledFacts();
  const lines = [t('Bundled: QPT {0}, {1} patches', facts.version ?? '?', formatNumber(facts.entries.length, locale))];
  const info = readCacheInfo(args.cacheDir);
  if (info === undefined) {
    lines.push(t('Fetched: none in {0} (run: commerce-patches catalog update)', args.cacheDir));
  } else {
    lines.push(
      t('Fetched: QPT {0}, fetched {1}, last checked {2}', info.qpt, info.fetchedAt, info.checkedAt),
      `  ${t('from {0}', info.baseUrl)}`,
      `  ${t('kept in {0}', fetchedDir(args.cacheDir))}`,
    );
  }
  writeOut(lines.join('\n') + '\n');
  return 0;
}
