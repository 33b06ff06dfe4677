import { UsageError } from '../command';
import { t } from '../messages';
import { helpText, parseOptions, sharedOptionHelp } from './options';

type PlanFormat = 'table' | 'json' | 'markdown';
const FORMATS: readonly PlanFormat[] = ['table', 'json', 'markdown'];

export interface PlanArgs {
  path: string;
  /** Target releases, in the order given. */
  to: string[];
  catalogs: string[];
  bundled: boolean;
  format: PlanFormat;
  applied: string[];
  qptStatus: string | undefined;
  failOnBlocked: boolean;
  locale: string | undefined;
  /** Read the store's logs and settings (once per project) to put the newly applicable patches it calls for first. */
  evidence: boolean;
  /** More log folders (`--logs`; implies `evidence`). */
  logs: string[];
}

export function usage(): string {
  const options: Array<[string, string]> = [
    sharedOptionHelp.path(),
    ['--to', t('the target release (2.4.7-p4); repeatable, or several separated by commas')],
    sharedOptionHelp.applied(),
    sharedOptionHelp.qptStatus(),
    sharedOptionHelp.catalog(),
    sharedOptionHelp.noBundled(),
    ['--format', t('table (default), json or markdown')],
    ['--fail-on', t('blocked: exit code 1 when a scheduled patch blocks the upgrade')],
    [
      '--evidence',
      t("read the store's logs and settings once, and list the newly applicable patches they call for first"),
    ],
    ['--logs', t('one more folder of log files for --evidence (implies it); repeatable')],
    sharedOptionHelp.locale(),
  ];
  return helpText(
    [
      'commerce-patches plan [PATH] --to RELEASE [--applied ID]... [--qpt-status FILE]',
      '                             [--catalog FILE]... [--format table|json|markdown] [--fail-on blocked]',
      '                             [--evidence] [--logs DIR]...',
    ],
    options,
  );
}

export function parsePlanArgs(argv: string[]): PlanArgs {
  const { values, positionals } = parseOptions(argv, {
    to: { type: 'string', multiple: true },
    applied: { type: 'string', multiple: true },
    'qpt-status': { type: 'string' },
    catalog: { type: 'string', multiple: true },
    'no-bundled': { type: 'boolean' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    locale: { type: 'string' },
    evidence: { type: 'boolean' },
    logs: { type: 'string', multiple: true },
  });
  if (positionals.length > 1)
    throw new UsageError(t('plan takes one PATH, got {0}: {1}', positionals.length, positionals.join(' ')));
  const to = (values.to ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (to.length === 0) throw new UsageError(t('plan needs --to RELEASE'));
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t("--format must be table, json or markdown, not '{0}'", format));
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'blocked')
    throw new UsageError(t("--fail-on must be blocked, not '{0}'", failOn));
  return {
    path: positionals[0] ?? '.',
    to,
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    format: format as PlanFormat,
    applied: values.applied ?? [],
    qptStatus: values['qpt-status'],
    failOnBlocked: failOn === 'blocked',
    locale: values.locale,
    evidence: values.evidence === true || (values.logs ?? []).length > 0,
    logs: values.logs ?? [],
  };
}
