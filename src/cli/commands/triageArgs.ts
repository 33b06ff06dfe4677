import { RELEASE_EDITIONS, type ReleaseEdition } from '../../core/releases/releaseProject';
import { cacheDirFor } from '../cacheDir';
import { DEFAULT_SEARCH_DEPTH, MAX_SEARCH_DEPTH } from '../../core/lock/find';
import { UsageError } from '../command';
import { t } from '../messages';
import { helpText, parseOptions, sharedOptionHelp } from './options';

export type Format = 'table' | 'json' | 'markdown' | 'sarif';
const FORMATS: readonly Format[] = ['table', 'json', 'markdown', 'sarif'];

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
  /** `--release`: triage this release's own package versions instead of a lock. */
  release: string | undefined;
  edition: ReleaseEdition | undefined;
  cloud: boolean;
  /** True when PATH was typed (with `--release`, its installed QPT metadata is used). */
  pathGiven: boolean;
  /** Patch IDs applied today: `--applied`, plus the Applied rows of `--qpt-status FILE`. */
  applied: string[];
  qptStatus: string | undefined;
  /** `--fail-on undecided`: exit code 1 when an applicable patch is neither applied, scheduled nor decided. */
  failOnUndecided: boolean;
  /** How many folder levels below PATH are searched for composer.lock files. */
  depth: number;
}

/** The help of the options `status` shares with `triage`: PATH, --catalog, --no-bundled, --format. */
export function commonOptions(): Array<[string, string]> {
  return [sharedOptionHelp.path(), sharedOptionHelp.catalog(), sharedOptionHelp.noBundled(), formatOption()];
}

/** The help of `--format` for the commands that write every report: table, json, markdown and sarif. */
export function formatOption(): [string, string] {
  return ['--format', t('table (default, for people), json, markdown or sarif (SARIF 2.1.0, for code scanning)')];
}

/** `--format` as typed, checked against the four reports (table when not given). */
export function parseFormat(value: string | undefined): Format {
  const format = value ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t("--format must be table, json, markdown or sarif, not '{0}'", format));
  }
  return format as Format;
}

/** The help text in the display language (the command line itself stays as typed). */
export function usage(): string {
  const options: Array<[string, string]> = [
    sharedOptionHelp.path(),
    sharedOptionHelp.catalog(),
    sharedOptionHelp.noBundled(),
    sharedOptionHelp.cacheDir(),
    sharedOptionHelp.noFetched(),
    formatOption(),
    ['--all', t('also list the patches that do not apply, with the reason')],
    sharedOptionHelp.locale(),
    ['--release', t('a product release (2.4.6-p3): triage its own package versions, no composer.lock needed')],
    ['--edition', t('with --release: open-source, commerce or b2b (default: b2b, every package the release pins)')],
    ['--cloud', t('with --release: as on Adobe Commerce Cloud')],
    sharedOptionHelp.applied(),
    sharedOptionHelp.qptStatus(),
    ['--fail-on', t('undecided: exit code 1 when an applicable patch is neither applied, scheduled nor decided')],
    [
      '--depth',
      t('how many folder levels below PATH to search for composer.lock files (default: {0})', DEFAULT_SEARCH_DEPTH),
    ],
  ];
  return helpText(
    [
      'commerce-patches triage [PATH] [--catalog FILE]... [--no-bundled]',
      '                               [--format table|json|markdown|sarif] [--all] [--locale LANG]',
      '                               [--applied ID]... [--qpt-status FILE] [--fail-on undecided] [--depth N]',
      '       commerce-patches triage --release RELEASE [--edition open-source|commerce|b2b] [--cloud] [PATH]',
    ],
    options,
  );
}

/** The arguments after `triage`. */
export function parseTriageArgs(argv: string[]): TriageArgs {
  const { values, positionals } = parseOptions(argv, {
    catalog: { type: 'string', multiple: true },
    'no-bundled': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    'no-fetched': { type: 'boolean' },
    format: { type: 'string' },
    all: { type: 'boolean' },
    locale: { type: 'string' },
    release: { type: 'string' },
    edition: { type: 'string' },
    cloud: { type: 'boolean' },
    applied: { type: 'string', multiple: true },
    'qpt-status': { type: 'string' },
    'fail-on': { type: 'string' },
    depth: { type: 'string' },
  });
  const rest = positionals;
  if (rest.length > 1) throw new UsageError(t('triage takes one PATH, got {0}: {1}', rest.length, rest.join(' ')));
  const format = parseFormat(values.format);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'undecided')
    throw new UsageError(t("--fail-on must be undecided, not '{0}'", failOn));
  const edition = values.edition;
  if (edition !== undefined && !(RELEASE_EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(t("--edition must be open-source, commerce or b2b, not '{0}'", edition));
  }
  if (values.release === undefined && (edition !== undefined || values.cloud)) {
    throw new UsageError(t('--edition and --cloud go with --release'));
  }
  const depth = values.depth === undefined ? DEFAULT_SEARCH_DEPTH : Number(values.depth);
  if (!/^\d{1,3}$/.test(values.depth ?? '0') || depth > MAX_SEARCH_DEPTH) {
    throw new UsageError(
      t("--depth must be a whole number from 0 to {0}, not '{1}'", MAX_SEARCH_DEPTH, values.depth ?? ''),
    );
  }
  return {
    command: 'triage',
    path: rest[0] ?? '.',
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    cacheDir: values['no-fetched'] ? undefined : cacheDirFor(values['cache-dir']),
    format,
    all: values.all ?? false,
    locale: values.locale,
    release: values.release,
    edition: edition as ReleaseEdition | undefined,
    cloud: values.cloud ?? false,
    pathGiven: rest.length > 0,
    applied: values.applied ?? [],
    qptStatus: values['qpt-status'],
    failOnUndecided: failOn === 'undecided',
    depth,
  };
}
