import { relative } from 'node:path';
import type { Analysis } from '../core/analyze';
import { readProjectDecisions, undecidedPatches } from '../core/decisions/projectDecisions';
import type { Locale } from '../core/locale';
import { readScheduled } from '../core/plan/projectPlan';
import { formatProblem } from '../core/problem';
import { findingsMarkdown } from '../core/report/findingsMarkdown';
import { sarifLog } from '../core/report/sarif';
import { type TriageContext, triageFindings } from '../core/report/triageFindings';
import { productLabel } from '../core/text/describe';
import { currentFolder, warn } from './command';
import type { TriageArgs } from './commands/triageArgs';
import { jsonReport } from './jsonReport';
import { t } from './messages';
import { tableReport } from './tableReport';

declare const PACKAGE_VERSION: string;

/** Where the project lives on the web: the SARIF tool's information URI. */
const HOMEPAGE = 'https://github.com/commerce-patch-triage/commerce-patch-triage#readme';

/** Each analysis with its decisions and its scheduled patches; problems in those files are warned about. */
export function triageContexts(analyses: Analysis[], applied: ReadonlySet<string>): TriageContext[] {
  return analyses.map((analysis) => {
    const decisions = readProjectDecisions(analysis.project);
    const scheduled = readScheduled(analysis.project);
    for (const p of [...decisions.problems, ...scheduled.problems]) warn(formatProblem(p));
    return {
      analysis,
      decisions: decisions.decisions,
      applied,
      scheduled: scheduled.scheduled,
      envFile: scheduled.envFile,
    };
  });
}

export function triageOutput(contexts: TriageContext[], args: TriageArgs, locale: Locale): string {
  const cwd = currentFolder();
  const analyses = contexts.map((c) => c.analysis);
  const decisionsOf = (a: Analysis) => contexts.find((c) => c.analysis === a)?.decisions ?? new Map();
  switch (args.format) {
    case 'json':
      return jsonReport(analyses, args.all, locale, decisionsOf);
    case 'sarif': {
      const tool = { name: 'commerce-patches', version: PACKAGE_VERSION, informationUri: HOMEPAGE };
      return JSON.stringify(sarifLog(triageFindings(contexts, locale), tool, cwd ?? '/'), null, 2) + '\n';
    }
    case 'markdown':
      return contexts
        .map((c) => {
          const { project } = c.analysis;
          const name = project.release ?? (relative(cwd ?? '/', project.lockFile) || project.lockFile);
          const heading = project.product === null ? name : `${productLabel(project.product)} · ${name}`;
          const where = (file: string, line: number) => `${relative(cwd ?? '/', file) || file}:${line}`;
          return findingsMarkdown(heading, triageFindings([c], locale), where);
        })
        .join('\n');
    default:
      return tableReport(analyses, args.all, locale, t, cwd, decisionsOf);
  }
}

/** Warns about the applicable patches nobody decided on; true when there are any. */
export function reportUndecided(contexts: TriageContext[]): boolean {
  let any = false;
  for (const c of contexts) {
    const scheduled = new Set(c.scheduled.map((e) => e.id));
    const open = undecidedPatches(c.analysis.result, c.decisions, c.applied, scheduled);
    if (open.length === 0) continue;
    any = true;
    const where = c.analysis.project.release ?? c.analysis.project.lockFile;
    warn(
      t(
        '{0}: {1} applicable patches are neither applied, scheduled nor decided: {2}',
        where,
        open.length,
        open.map((e) => e.patch.id).join(', '),
      ),
    );
  }
  return any;
}
