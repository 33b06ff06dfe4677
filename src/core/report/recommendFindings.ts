import { isAbsolute } from 'node:path';
import type { Analysis } from '../analyze';
import type { QualityPatchEntry } from '../cloud/envYaml';
import type { RecordedDecision } from '../decisions/decision';
import { docsLink } from '../docs/docsUrl';
import type { Evidence } from '../evidence/evidence';
import { evidenceSummary } from '../evidence/evidenceText';
import type { Recommendation } from '../evidence/recommend';
import { type Locale, localized } from '../locale';
import { t } from '../text/translate';
import type { Finding, FindingReport, RelatedPlace, ReportRule } from './finding';
import { baseLockLine, decidedFinding, qptUsageDocs } from './findingParts';

/** What `recommend` found for a project, with its decisions and scheduled patches. */
export interface RecommendContext {
  analysis: Analysis;
  recommendations: readonly Recommendation[];
  decisions: ReadonlyMap<string, RecordedDecision>;
  scheduled: readonly QualityPatchEntry[];
  /** The `.magento.env.yaml` the scheduled entries come from. */
  envFile?: string;
}

function recommendRules(locale: Locale): ReportRule[] {
  const helpUri = qptUsageDocs(locale);
  return [
    {
      id: 'recommended-patch',
      name: 'RecommendedPatch',
      level: 'warning',
      helpUri,
      short: t("The store's own logs or settings show the problem a patch fixes, and the patch is not applied."),
      help: t(
        'Apply it with QPT (or list it in .magento.env.yaml on Cloud); the related locations are the log lines and settings that matched.',
      ),
    },
    {
      id: 'evidence-after-fix',
      name: 'EvidenceAfterFix',
      level: 'note',
      helpUri,
      short: t("A patch is applied or scheduled, but the store's logs or settings still show the problem it fixes."),
      help: t(
        'Old log lines often outlive the fix: check their time stamps; new ones mean the patch does not cover this case.',
      ),
    },
  ];
}

/** A piece of evidence as a related place: the log line, or the config file (database values have no file). */
function relatedPlace(e: Evidence): RelatedPlace | undefined {
  if (e.type === 'log') {
    const stamp = e.timestamp !== undefined ? `[${e.timestamp}] ` : '';
    const text = e.timestamp !== undefined ? e.text.replace(`[${e.timestamp}]`, '').trim() : e.text;
    return { file: e.file, line: e.line, message: `${stamp}${text}`.replace(/\s+/g, ' ') };
  }
  if (!isAbsolute(e.source)) return undefined;
  return { file: e.source, message: `${e.path} = ${JSON.stringify(e.value)}` };
}

/**
 * One finding per recommended patch (at the composer.lock line of magento/magento2-base), with its evidence as
 * related places: the log lines (file and line) and the config files; and a note for an applied or scheduled patch
 * whose evidence is still there (at its `.magento.env.yaml` line when scheduled).
 */
export function recommendFindings(contexts: readonly RecommendContext[], locale: Locale): FindingReport {
  const findings: Finding[] = [];
  for (const ctx of contexts) {
    const { project } = ctx.analysis;
    if (project.product === null) continue;
    const lockLine = baseLockLine(project);
    const scheduled = new Map(ctx.scheduled.map((e) => [e.id, e]));
    for (const rec of ctx.recommendations) {
      const id = rec.entry.patch.id;
      const title = localized(rec.entry.patch.title, locale);
      const summary = evidenceSummary(rec, project.root);
      const others = rec.via.filter((v) => v !== id);
      const via = others.length > 0 ? ` ${t('(replaces {0}, whose signature matched)', others.join(', '))}` : '';
      const entry = ctx.envFile !== undefined ? scheduled.get(id) : undefined;
      const where =
        entry !== undefined && ctx.envFile !== undefined
          ? { file: ctx.envFile, line: entry.line, column: entry.column }
          : { file: project.lockFile, line: lockLine };
      findings.push({
        ...decidedFinding(ctx.decisions, id),
        docsUrl: docsLink(rec.entry.patch, locale).url,
        ...where,
        ruleId: rec.recommended ? 'recommended-patch' : 'evidence-after-fix',
        message: rec.recommended
          ? t('{0} is recommended: this store shows what it fixes ({1}){2}: {3}', id, summary, via, title)
          : t('{0} is applied or scheduled, but this store still shows what it fixes ({1}): {2}', id, summary, title),
        related: rec.evidence.flatMap((e) => {
          const place = relatedPlace(e);
          return place !== undefined ? [place] : [];
        }),
      });
    }
  }
  return { rules: recommendRules(locale), findings };
}
