import { t } from '../text/translate';
import type { FindingReport } from './finding';
import { codeSpan, markdownCell, markdownTable } from './markdown';

/** How many related places a finding's cell names. */
const RELATED_SHOWN = 3;

/**
 * Findings as Markdown for a job summary or a pull-request comment: a heading, a count per rule, and a table of
 * the findings with where they are and the team's decision. Skipped (suppressed) findings come last.
 * `where` turns a finding's file and line into the text shown (a relative path). The places that explain a finding
 * (evidence, the vendor file of a conflict) follow its message, the first few of them.
 */
export function findingsMarkdown(
  heading: string,
  report: FindingReport,
  where: (file: string, line?: number) => string,
): string {
  const out = [`## ${markdownCell(heading)}`, ''];
  const open = report.findings.filter((f) => f.suppressed === undefined);
  const skipped = report.findings.filter((f) => f.suppressed !== undefined);
  if (report.findings.length === 0) {
    out.push(t('Nothing needs attention.'), '');
    return out.join('\n');
  }
  const counts = report.rules
    .map((r) => [r, open.filter((f) => f.ruleId === r.id).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `- ${markdownCell(r.short)} **${n}**`);
  if (counts.length > 0) out.push(...counts, '');
  if (skipped.length > 0) out.push(`- ${markdownCell(t('Skipped by a decision'))} **${skipped.length}**`, '');
  const rows = [...open, ...skipped].map((f) => [
    f.docsUrl !== undefined ? `[${f.patchId}](${f.docsUrl})` : codeSpan(f.patchId),
    [markdownCell(f.message), ...(f.related ?? []).slice(0, RELATED_SHOWN).map((r) => codeSpan(where(r.file, r.line)))]
      .concat((f.related?.length ?? 0) > RELATED_SHOWN ? [t('{0} more', (f.related?.length ?? 0) - RELATED_SHOWN)] : [])
      .join(' · '),
    codeSpan(where(f.file, f.line)),
    markdownCell(f.decision ?? ''),
  ]);
  out.push(...markdownTable([t('Patch'), t('Finding'), t('Where'), t('Decision')].map(markdownCell), rows), '');
  return out.join('\n');
}
