import { relative } from 'node:path';
import type { Locale } from '../core/locale';
import type { QualityPatchEntry } from '../core/cloud/envYaml';
import type { RecordedDecision } from '../core/decisions/decision';
import { readProjectDecisions } from '../core/decisions/projectDecisions';
import type { Project } from '../core/lock/project';
import { readScheduled } from '../core/plan/projectPlan';
import { formatProblem } from '../core/problem';
import type { FindingReport } from '../core/report/finding';
import { findingsMarkdown } from '../core/report/findingsMarkdown';
import { sarifLog } from '../core/report/sarif';
import { productLabel } from '../core/text/describe';
import { currentFolder, warn } from './command';

declare const PACKAGE_VERSION: string;

/** Where the project lives on the web: the SARIF tool's information URI. */
const HOMEPAGE = 'https://github.com/commerce-patch-triage/commerce-patch-triage#readme';

/**
 * The findings of a command as SARIF 2.1.0 (one run for every project; paths relative to the current folder) or
 * as Markdown (one section per project, headed by its product and lock file). `findings` builds the report of
 * the given projects' contexts; `projectOf` names a context's project.
 */
export function findingsOutput<C>(
  format: 'sarif' | 'markdown',
  contexts: readonly C[],
  projectOf: (c: C) => Project,
  findings: (contexts: readonly C[], locale: Locale) => FindingReport,
  locale: Locale,
): string {
  const cwd = currentFolder() ?? '/';
  if (format === 'sarif') {
    const tool = { name: 'commerce-patches', version: PACKAGE_VERSION, informationUri: HOMEPAGE };
    return JSON.stringify(sarifLog(findings(contexts, locale), tool, cwd), null, 2) + '\n';
  }
  const where = (file: string, line?: number) =>
    `${relative(cwd, file) || file}${line !== undefined ? `:${line}` : ''}`;
  return contexts
    .map((c) => {
      const project = projectOf(c);
      const name = project.release ?? (relative(cwd, project.lockFile) || project.lockFile);
      const heading = project.product === null ? name : `${productLabel(project.product)} · ${name}`;
      return findingsMarkdown(heading, findings([c], locale), where);
    })
    .join('\n');
}

/** What a report reads besides the analysis: the decisions, and the patches scheduled in `.magento.env.yaml`. */
export interface ProjectRecords {
  decisions: ReadonlyMap<string, RecordedDecision>;
  scheduled: QualityPatchEntry[];
  envFile?: string;
}

/** A project's decisions and scheduled patches; problems in those files are warned about. */
export function projectRecords(project: Project): ProjectRecords {
  const decisions = readProjectDecisions(project);
  const scheduled = readScheduled(project);
  for (const p of [...decisions.problems, ...scheduled.problems]) warn(formatProblem(p));
  return {
    decisions: decisions.decisions,
    scheduled: scheduled.scheduled,
    ...(scheduled.envFile !== undefined ? { envFile: scheduled.envFile } : {}),
  };
}
