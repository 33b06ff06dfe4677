import type { Analysis } from '../analyze';
import type { QualityPatchEntry } from '../cloud/envYaml';
import type { RecordedDecision } from '../decisions/decision';
import { docsLink, SEARCH_PAGE } from '../docs/docsUrl';
import { type Locale, localized } from '../locale';
import { t } from '../text/translate';
import type { Finding, FindingReport, ReportRule } from './finding';
import { baseLockLine, decidedFinding, qptUsageDocs } from './findingParts';

/** What triage knows about a project besides the analysis: decisions, applied and scheduled patches. */
export interface TriageContext {
  analysis: Analysis;
  decisions: ReadonlyMap<string, RecordedDecision>;
  applied: ReadonlySet<string>;
  scheduled: readonly QualityPatchEntry[];
  /** The `.magento.env.yaml` the scheduled entries come from. */
  envFile?: string;
}

/** The rules of triage's report, one per status that needs attention. */
function triageRules(locale: Locale): ReportRule[] {
  const helpUri = qptUsageDocs(locale);
  return [
    {
      id: 'applicable-patch',
      name: 'ApplicablePatch',
      level: 'warning',
      helpUri,
      short: t('A quality patch applies to the installed version and is not applied.'),
      help: t(
        'Apply it with QPT (or list it in .magento.env.yaml on Cloud), or record a decision in .commerce-patches.yaml.',
      ),
    },
    {
      id: 'needs-qpt-update',
      name: 'NeedsQptUpdate',
      level: 'note',
      helpUri,
      short: t('A quality patch applies, but only a newer Quality Patches Tool has it.'),
      help: t('Update magento/quality-patches to get it, or record a decision in .commerce-patches.yaml.'),
    },
    {
      id: 'deprecated-patch-in-use',
      name: 'DeprecatedPatchInUse',
      level: 'warning',
      helpUri,
      short: t('A patch in use is deprecated.'),
      help: t('Use its replacement instead.'),
    },
    {
      id: 'scheduled-patch-not-applicable',
      name: 'ScheduledPatchNotApplicable',
      level: 'error',
      helpUri: SEARCH_PAGE,
      short: t('A patch in .magento.env.yaml does not apply to the installed version.'),
      help: t('The Cloud build fails on it: remove it from stage.build.QUALITY_PATCHES.'),
    },
  ];
}

/**
 * One finding per patch that needs attention: applicable and not applied (at the composer.lock line of
 * magento/magento2-base), and for the patches scheduled in .magento.env.yaml (at their line) those that do not
 * apply or are deprecated. A decision to skip suppresses a finding, with the note as justification.
 */
export function triageFindings(contexts: readonly TriageContext[], locale: Locale): FindingReport {
  const findings: Finding[] = [];
  for (const ctx of contexts) {
    const { project, result } = ctx.analysis;
    if (project.product === null) continue;
    const lockLine = baseLockLine(project);
    const scheduled = new Map(ctx.scheduled.map((e) => [e.id, e]));
    const base = (id: string) => decidedFinding(ctx.decisions, id);
    for (const e of result.patches) {
      const id = e.patch.id;
      const docsUrl = docsLink(e.patch, locale).url;
      const title = localized(e.patch.title, locale);
      // A deprecated patch still in use: where it is scheduled, or at the lock line when it is applied.
      const deprecated = (file: string, line: number, column?: number): Finding => ({
        ...base(id),
        ruleId: 'deprecated-patch-in-use',
        file,
        line,
        ...(column !== undefined ? { column } : {}),
        docsUrl,
        message:
          e.replacedWith !== undefined
            ? t('{0} is deprecated; use {1}: {2}', id, e.replacedWith, title)
            : t('{0} is deprecated: {1}', id, title),
      });
      const entry = scheduled.get(id);
      if (entry !== undefined && ctx.envFile !== undefined) {
        if (e.status === 'not-applicable') {
          findings.push({
            ...base(id),
            ruleId: 'scheduled-patch-not-applicable',
            file: ctx.envFile,
            line: entry.line,
            column: entry.column,
            docsUrl,
            message: t(
              '{0} is listed in .magento.env.yaml but does not apply to {1}: {2}',
              id,
              project.product.version,
              title,
            ),
          });
        } else if (e.status === 'deprecated') {
          findings.push(deprecated(ctx.envFile, entry.line, entry.column));
        }
        continue;
      }
      if (ctx.applied.has(id)) {
        if (e.status === 'deprecated') findings.push(deprecated(project.lockFile, lockLine));
        continue;
      }
      if (e.status === 'applicable') {
        findings.push({
          ...base(id),
          ruleId: 'applicable-patch',
          file: project.lockFile,
          line: lockLine,
          docsUrl,
          message: t('{0} applies to {1} and is not applied: {2}', id, project.product.version, title),
        });
      } else if (e.status === 'needs-qpt-update') {
        findings.push({
          ...base(id),
          ruleId: 'needs-qpt-update',
          file: project.lockFile,
          line: lockLine,
          docsUrl,
          message: t('{0} applies to {1} but needs a newer QPT: {2}', id, project.product.version, title),
        });
      }
    }
    if (ctx.envFile !== undefined) {
      for (const entry of ctx.scheduled) {
        if (result.byId.has(entry.id)) continue;
        findings.push({
          ...base(entry.id),
          ruleId: 'scheduled-patch-not-applicable',
          file: ctx.envFile,
          line: entry.line,
          column: entry.column,
          message: t('{0} is listed in .magento.env.yaml but no catalog knows it', entry.id),
        });
      }
    }
  }
  return { rules: triageRules(locale), findings };
}
