import { parseArgs } from 'node:util';
import { APPLIED_STATES, type AppliedState } from '../../core/applied/appliedState';
import { UsageError } from '../command';
import { t } from '../messages';
import { commonOptions, type Format, parseFormat } from './triageArgs';

export interface StatusArgs {
  path: string;
  catalogs: string[];
  bundled: boolean;
  format: Format;
  failOn: AppliedState[];
  locale: string | undefined;
}

/** The help text in the display language (the command line itself stays as typed). */
export function statusUsage(): string {
  const options: Array<[string, string]> = [
    ...commonOptions(),
    ['--fail-on', t('exit with 1 when a patch is in one of these states: applied, not-applied, conflict, unknown')],
    ['--locale', t('en, sv, fr or ja (default: from LANG)')],
  ];
  return [
    `${t('Usage:')} commerce-patches status [PATH] [--catalog FILE]... [--no-bundled]`,
    '                               [--format table|json|markdown|sarif] [--fail-on STATE,...] [--locale LANG]',
    '',
    ...options.map(([name, text]) => `  ${name.padEnd(14)} ${text}`),
  ].join('\n');
}

/** The arguments after `status`. */
export function parseStatusArgs(argv: string[]): StatusArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: 'string', multiple: true },
        'no-bundled': { type: 'boolean' },
        format: { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        locale: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(t('status takes one PATH, got {0}: {1}', positionals.length, positionals.join(' ')));
  }
  const format = parseFormat(values.format);
  const failOn: AppliedState[] = [];
  for (const word of (values['fail-on'] ?? []).flatMap((v) => v.split(','))) {
    const state = word.trim();
    if (state === '') continue;
    if (!(APPLIED_STATES as readonly string[]).includes(state)) {
      throw new UsageError(t("--fail-on takes applied, not-applied, conflict or unknown, not '{0}'", state));
    }
    if (!failOn.includes(state as AppliedState)) failOn.push(state as AppliedState);
  }
  return {
    path: positionals[0] ?? '.',
    catalogs: values.catalog ?? [],
    bundled: !values['no-bundled'],
    format,
    failOn,
    locale: values.locale,
  };
}
