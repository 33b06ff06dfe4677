import { t } from '../text/translate';
import type { QptRunReport } from './runOutput';

export type QptRunAction = 'apply' | 'revert';

/** The message after an `apply` or `revert` run, and how loud it should be. */
export interface QptRunMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
  /** True when the run changed nothing it was asked to change, or failed. */
  failed: boolean;
}

/**
 * Says what really happened in a QPT run, from its exit code and (when it was captured) what it printed.
 * `ids` are the patches asked for, `where` names the store. QPT exits 1 when a patch cannot be applied (and then
 * reverts the ones it applied in the same run) or an ID is unknown to it, 0 for "already applied" and "is not
 * applied", which change nothing.
 */
export function qptRunMessage(
  action: QptRunAction,
  ids: readonly string[],
  where: string,
  exitCode: number | undefined,
  report?: QptRunReport,
): QptRunMessage {
  const list = (xs: readonly string[]) => xs.join(', ');
  if (exitCode === undefined) {
    return {
      level: 'error',
      failed: true,
      text: t('The Quality Patches Tool did not run to its end for {0}: it could not start or was stopped.', list(ids)),
    };
  }
  if (report !== undefined && report.notFound.length > 0) {
    return {
      level: 'error',
      failed: true,
      text: t(
        'The Quality Patches Tool does not offer {0} for {1}, so nothing was run: its catalog or its view of the installed versions differs from this one.',
        list(report.notFound),
        where,
      ),
    };
  }
  const failure = report?.failed[0];
  if (exitCode !== 0 && failure !== undefined) {
    const reason = failure.reason === '' ? '' : ` (${failure.reason.split('\n')[0]})`;
    const text =
      action === 'apply'
        ? t(
            '{0} cannot be applied to {1}: its changes do not fit the files under vendor/{2}.',
            failure.id,
            where,
            reason,
          )
        : t(
            '{0} cannot be reverted in {1}: its changes are not all in the files under vendor/{2}.',
            failure.id,
            where,
            reason,
          );
    const rolledBack =
      report !== undefined && report.rolledBack.length > 0
        ? ' ' +
          t(
            'The Quality Patches Tool reverted what it had applied in this run ({0}): nothing changed.',
            list(report.rolledBack),
          )
        : action === 'apply' && ids.length > 1
          ? ' ' + t('Nothing was applied.')
          : '';
    return { level: 'error', failed: true, text: text + rolledBack };
  }
  if (exitCode !== 0) {
    return {
      level: 'error',
      failed: true,
      text:
        action === 'apply'
          ? t('Applying {0} failed: the Quality Patches Tool exited with code {1}.', list(ids), exitCode)
          : t('Reverting {0} failed: the Quality Patches Tool exited with code {1}.', list(ids), exitCode),
    };
  }
  if (report === undefined) {
    const text =
      action === 'apply' ? t('Applied {0} to {1}.', list(ids), where) : t('Reverted {0} in {1}.', list(ids), where);
    return { level: 'info', failed: false, text };
  }
  return successMessage(action, where, report);
}

function successMessage(action: QptRunAction, where: string, report: QptRunReport): QptRunMessage {
  const list = (xs: readonly string[]) => xs.join(', ');
  const done = action === 'apply' ? report.applied : report.reverted;
  const unchanged = action === 'apply' ? report.alreadyApplied : report.notApplied;
  const parts: string[] = [];
  if (done.length > 0)
    parts.push(
      action === 'apply' ? t('Applied {0} to {1}.', list(done), where) : t('Reverted {0} in {1}.', list(done), where),
    );
  if (unchanged.length > 0) {
    parts.push(
      action === 'apply'
        ? t('{0} was already applied to {1}: nothing changed.', list(unchanged), where)
        : t('{0} was not applied to {1}: nothing to revert.', list(unchanged), where),
    );
  }
  if (parts.length === 0) {
    parts.push(
      action === 'apply'
        ? t('The Quality Patches Tool ended without applying anything.')
        : t('The Quality Patches Tool ended without reverting anything.'),
    );
  }
  if (action === 'apply' && report.minorLineWarning) {
    parts.push(
      t(
        'The Quality Patches Tool warns that 8 or more quality patches are now applied: plan an upgrade to the latest release line.',
      ),
    );
  }
  const warn = done.length === 0 || (action === 'apply' && report.minorLineWarning);
  return { level: warn ? 'warning' : 'info', failed: false, text: parts.join(' ') };
}
