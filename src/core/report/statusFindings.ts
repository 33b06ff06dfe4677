import { resolve } from 'node:path';
import { type StatusOfProject, statusPatches } from '../applied/appliedStatus';
import type { StateReason } from '../applied/appliedState';
import type { QualityPatchEntry } from '../cloud/envYaml';
import type { RecordedDecision } from '../decisions/decision';
import { docsLink } from '../docs/docsUrl';
import { type Locale, localized } from '../locale';
import { stateReasonText } from '../text/stateText';
import { t } from '../text/translate';
import type { Finding, FindingReport, RelatedPlace, ReportRule } from './finding';
import { baseLockLine, decidedFinding, qptUsageDocs } from './findingParts';

/** What `status` knows about a project for its report: the applied state, decisions and scheduled patches. */
export interface StatusContext {
  status: StatusOfProject;
  decisions: ReadonlyMap<string, RecordedDecision>;
  scheduled: readonly QualityPatchEntry[];
  /** The `.magento.env.yaml` the scheduled entries come from. */
  envFile?: string;
}

/** The rules of `status`'s report, one per applied state that needs attention. */
function statusRules(locale: Locale): ReportRule[] {
  const helpUri = qptUsageDocs(locale);
  const rule = (id: string, name: string, level: ReportRule['level'], short: string, help: string): ReportRule => ({
    id,
    name,
    level,
    helpUri,
    short,
    help,
  });
  return [
    rule(
      'scheduled-patch-conflict',
      'ScheduledPatchConflict',
      'error',
      t('A patch in .magento.env.yaml matches the vendor files neither applied nor unapplied.'),
      t('The Cloud build cannot apply it: find what changed the file, or remove the patch from QUALITY_PATCHES.'),
    ),
    rule(
      'patch-conflict',
      'PatchConflict',
      'warning',
      t('A patch that applies to the installed version matches the vendor files neither applied nor unapplied.'),
      t('QPT cannot apply or revert it: see which file or hunk differs, and what else changed that file.'),
    ),
    rule(
      'local-patch-conflict',
      'LocalPatchConflict',
      'warning',
      t("A project's own patch matches the vendor files neither applied nor unapplied."),
      t('It no longer applies: update the patch for the installed version, or drop it.'),
    ),
    rule(
      'deprecated-patch-in-use',
      'DeprecatedPatchInUse',
      'warning',
      t('A patch in use is deprecated.'),
      t('Use its replacement instead.'),
    ),
    rule(
      'patch-not-applied',
      'PatchNotApplied',
      'note',
      t('A quality patch applies to the installed version and is not applied.'),
      t(
        'Apply it with QPT (or list it in .magento.env.yaml on Cloud), or record a decision in .commerce-patches.yaml.',
      ),
    ),
    rule(
      'patch-state-unknown',
      'PatchStateUnknown',
      'note',
      t('Whether an applicable patch is applied could not be checked.'),
      t('The reason says what stopped the check; run magento-patches status to compare.'),
    ),
  ];
}

/**
 * One finding per patch whose applied state needs attention: a conflict (at the `.magento.env.yaml` line for a
 * scheduled patch, else at the composer.lock line of magento/magento2-base, with the vendor file that differs as a
 * related place), an applicable patch not applied (scheduled ones are applied by the Cloud build), a deprecated
 * patch that is applied, a state that could not be checked though QPT has the patch, and a local patch in conflict.
 */
export function statusFindings(contexts: readonly StatusContext[], locale: Locale): FindingReport {
  const findings: Finding[] = [];
  for (const ctx of contexts) {
    const { analysis, applied } = ctx.status;
    const { project } = analysis;
    if (project.product === null || applied === null) continue;
    const lockLine = baseLockLine(project);
    const scheduled = new Map(ctx.scheduled.map((e) => [e.id, e]));
    const related = (reason: StateReason | undefined): RelatedPlace[] => {
      // The vendor file the check compared (never a path the check refused as leaving the project).
      if (reason === undefined || !('path' in reason) || reason.kind === 'unsafe-path' || reason.kind === 'binary')
        return [];
      const line = reason.kind === 'hunk-mismatch' ? reason.line : undefined;
      const file = applied.files.fileFor(reason.path);
      return [{ file, ...(line !== undefined ? { line } : {}), message: stateReasonText(reason) }];
    };
    for (const e of statusPatches(ctx.status)) {
      const id = e.patch.id;
      const s = applied.patches.get(id);
      const state = s?.state ?? 'unknown';
      const title = localized(e.patch.title, locale);
      const reason = s?.reason !== undefined ? stateReasonText(s.reason) : '';
      const at = { ...decidedFinding(ctx.decisions, id), docsUrl: docsLink(e.patch, locale).url };
      const inLock = { file: project.lockFile, line: lockLine };
      const entry = ctx.envFile !== undefined ? scheduled.get(id) : undefined;
      if (state === 'conflict') {
        findings.push({
          ...at,
          ...(entry !== undefined
            ? { ruleId: 'scheduled-patch-conflict', file: ctx.envFile ?? '', line: entry.line, column: entry.column }
            : { ruleId: 'patch-conflict', ...inLock }),
          message: t('{0} conflicts with the vendor files ({1}): {2}', id, reason, title),
          related: related(s?.reason),
        });
      } else if (entry !== undefined) {
        continue; // the Cloud build applies it
      } else if (state === 'applied' && e.status === 'deprecated') {
        const message =
          e.replacedWith !== undefined
            ? t('{0} is deprecated; use {1}: {2}', id, e.replacedWith, title)
            : t('{0} is deprecated: {1}', id, title);
        findings.push({ ...at, ruleId: 'deprecated-patch-in-use', ...inLock, message });
      } else if (state === 'not-applied' && e.status === 'applicable') {
        findings.push({
          ...at,
          ruleId: 'patch-not-applied',
          ...inLock,
          message: t('{0} applies to {1} and is not applied: {2}', id, project.product.version, title),
        });
      } else if (state === 'unknown' && e.status === 'applicable' && checkMattered(s?.reason)) {
        findings.push({
          ...at,
          ruleId: 'patch-state-unknown',
          ...inLock,
          message: t('{0} could not be checked ({1}): {2}', id, reason, title),
        });
      }
    }
    for (const l of applied.local) {
      if (l.state !== 'conflict') continue;
      findings.push({
        patchId: l.file,
        ruleId: 'local-patch-conflict',
        file: resolve(project.root, l.file),
        line: 1,
        message: t(
          '{0} conflicts with the vendor files ({1})',
          l.file,
          l.reason !== undefined ? stateReasonText(l.reason) : '',
        ),
        related: related(l.reason),
      });
    }
  }
  return { rules: statusRules(locale), findings };
}

/**
 * Whether an unknown state is worth a finding: not when QPT is not installed or has no file for the installed
 * versions (nothing to check, as QPT itself would say), but when its file is there and could not be read or checked.
 */
function checkMattered(reason: StateReason | undefined): boolean {
  return reason !== undefined && reason.kind !== 'qpt-missing' && reason.kind !== 'no-patch-file';
}
