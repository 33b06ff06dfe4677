import { relative } from 'node:path';
import type { AppliedState } from '../core/applied/appliedState';
import type { Locale } from '../core/locale';
import { productLabel } from '../core/text/describe';
import type { Translate } from '../core/text/translate';
import { patchDisplayTitle } from '../core/text/displayTitle';
import { formatNumber } from '../core/text/numbers';
import { stateLabel, stateReasonText } from '../core/text/stateText';
import type { PatchStatus } from '../core/triage/triaged';
import { type StatusOfProject, statusPatches } from '../core/applied/appliedStatus';
import { fit, fitPath, joinLines, oneLine } from './tableReport';

const GROUPS: AppliedState[] = ['not-applied', 'applied', 'conflict', 'unknown'];
const STATUS_ORDER: PatchStatus[] = ['applicable', 'needs-qpt-update', 'deprecated', 'not-applicable'];

/** The status report for people: per project, the patches grouped by applied state (what is still to apply first). */
export function statusTable(projects: StatusOfProject[], locale: Locale, t: Translate, cwd: string): string {
  const num = (value: number) => formatNumber(value, locale);
  const out: string[] = [];
  for (const status of projects) {
    const { analysis, applied } = status;
    const { project } = analysis;
    const where = relative(cwd, project.lockFile) || project.lockFile;
    if (project.product === null || applied === null) {
      out.push(t('{0}: not a Commerce project (no magento/magento2-base in the lock file)', where), '');
      continue;
    }
    out.push(productLabel(project.product), fitPath(`  ${where}`));
    const qpt = project.qpt.installed === null ? t('QPT not installed') : t('QPT {0} installed', project.qpt.installed);
    const entries = statusPatches(status).sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    );
    out.push(fit(`  ${qpt} · ${t('{0} patches checked', num(entries.length))}`), '');
    for (const state of GROUPS) {
      const rows = entries.filter((e) => (applied.patches.get(e.patch.id)?.state ?? 'unknown') === state);
      if (rows.length === 0 && state === 'unknown') continue;
      out.push(t('{0} ({1})', groupLabel(state, t), num(rows.length)));
      for (const e of rows) {
        out.push(fit(`  ${e.patch.id.padEnd(16)} ${oneLine(patchDisplayTitle(e.patch.title, locale))}`));
        const reason = applied.patches.get(e.patch.id)?.reason;
        if (reason !== undefined) out.push(fit(`  ${' '.repeat(16)} ↳ ${oneLine(stateReasonText(reason))}`));
      }
      out.push('');
    }
    if (applied.local.length > 0) {
      out.push(t('{0} ({1})', t('Local patches'), num(applied.local.length)));
      for (const l of applied.local) {
        out.push(
          fit(`  ${stateLabel(l.state).padEnd(16)} ${l.file}${l.package !== undefined ? ` (${l.package})` : ''}`),
        );
        if (l.reason !== undefined) out.push(fit(`  ${' '.repeat(16)} ↳ ${oneLine(stateReasonText(l.reason))}`));
      }
      out.push('');
    }
  }
  return joinLines(out);
}

function groupLabel(state: AppliedState, t: Translate): string {
  switch (state) {
    case 'not-applied':
      return t('Not applied');
    case 'applied':
      return t('Applied');
    case 'conflict':
      return t('Conflicts');
    case 'unknown':
      return t('Unknown');
  }
}
