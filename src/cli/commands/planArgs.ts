import { parseArgs } from 'node:util';
import { UsageError } from '../command';
import { t } from '../messages';

export type PlanFormat = 'table' | 'json' | 'markdown';
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
}

export function usage(): string {
  const options: Array<[string, string]> = [
    ['PATH', t('a project folder (searched for composer.lock files) or a composer.lock; default: .')],
    ['--to', t('the target release (2.4.7-p4); repeatable, or several separated by commas')],
    ['--applied', t('patch IDs applied today (besides those scheduled in .magento.env.yaml); repeatable')],
    ['--qpt-status', t('a saved output of magento-patches status --format=json: its Applied patches')],
    ['--catalog', t('an extra patch catalog (patches.yaml schema or QPT JSON); repeatable')],
    ['--no-bundled', t('leave the bundled catalog out')],
    ['--format', t('table (default), json or markdown')],
    ['--fail-on', t('blocked: exit code 1 when a scheduled patch blocks the upgrade')],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
  return [
    `${t('Usage:')} commerce-patches plan [PATH] --to RELEASE [--applied ID]... [--qpt-status FILE]`,
    '                             [--catalog FILE]... [--format table|json|markdown] [--fail-on blocked]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

export function parsePlanArgs(argv: string[]): PlanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        to: { type: 'string', multiple: true },
        applied: { type: 'string', multiple: true },
        'qpt-status': { type: 'string' },
        catalog: { type: 'string', multiple: true },
        'no-bundled': { type: 'boolean' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        locale: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(t('plan takes one PATH, got {0}: {1}', positionals.length, positionals.join(' ')));
  const to = (values.to ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (to.length === 0) throw new UsageError(t('plan needs --to RELEASE'));
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t("--format must be table, json or markdown, not '{0}'", format));
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'blocked') throw new UsageError(t("--fail-on must be blocked, not '{0}'", failOn));
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
  };
}
