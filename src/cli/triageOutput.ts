import type { Analysis } from '../core/analyze';
import { undecidedPatches } from '../core/decisions/projectDecisions';
import type { Locale } from '../core/locale';
import { type TriageContext, triageFindings } from '../core/report/triageFindings';
import { currentFolder, warn } from './command';
import type { TriageArgs } from './commands/triageArgs';
import { findingsOutput, projectRecords } from './findingsOutput';
import { jsonReport } from './jsonReport';
import { t } from './messages';
import { tableReport } from './tableReport';

/** Each analysis with its decisions and its scheduled patches; problems in those files are warned about. */
export function triageContexts(analyses: Analysis[], applied: ReadonlySet<string>): TriageContext[] {
  return analyses.map((analysis) => ({ analysis, applied, ...projectRecords(analysis.project) }));
}

export function triageOutput(contexts: TriageContext[], args: TriageArgs, locale: Locale): string {
  const cwd = currentFolder();
  const analyses = contexts.map((c) => c.analysis);
  const decisionsOf = (a: Analysis) => contexts.find((c) => c.analysis === a)?.decisions ?? new Map();
  switch (args.format) {
    case 'json':
      return jsonReport(analyses, args.all, locale, decisionsOf);
    case 'sarif':
    case 'markdown':
      return findingsOutput(args.format, contexts, (c) => c.analysis.project, triageFindings, locale);
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
