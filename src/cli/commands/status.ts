import { writeOut } from '../output';
import { existsSync } from 'node:fs';
import { analyzeLock } from '../../core/analyze';
import { CatalogCache } from '../../core/catalog/catalogCache';
import { FileCatalogStore } from '../catalogStore';
import { appliedStatus, type StatusOfProject } from '../../core/applied/appliedStatus';
import type { Locale } from '../../core/locale';
import { formatProblem, InputError } from '../../core/problem';
import { statusFindings } from '../../core/report/statusFindings';
import { type CliCommand, Unusable, warn } from '../command';
import { findingsOutput, projectRecords } from '../findingsOutput';
import { lockFilesFor } from '../lockFiles';
import { setUpMessages, t } from '../messages';
import { statusJson } from '../statusJson';
import { statusTable } from '../statusTable';
import { parseStatusArgs, type StatusArgs, statusUsage } from './statusArgs';
import type { Format } from './triageArgs';

/** `commerce-patches status`: which of the project's patches are applied, checked in memory as QPT decides. */
export const status: CliCommand = {
  usage: statusUsage,
  run: (argv) => runStatus(parseStatusArgs(argv)),
};

function runStatus(args: StatusArgs): number {
  const locale = setUpMessages(args.locale, warn);
  for (const file of args.catalogs) {
    if (!existsSync(file)) throw new Unusable(t('{0}: catalog file not found', file));
  }
  const projects: StatusOfProject[] = [];
  const failures: string[] = [];
  // Each catalog file is read, and each set of catalogs merged, once for all the locks of the run.
  const cache = new CatalogCache(new FileCatalogStore());
  for (const lockFile of lockFilesFor(args.path)) {
    try {
      const analysis = analyzeLock(lockFile, { bundled: args.bundled, extraCatalogs: args.catalogs, cache });
      projects.push({ analysis, applied: analysis.project.product === null ? null : appliedStatus(analysis) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  if (projects.length === 0) throw new Unusable(failures[0]);
  for (const failure of failures) warn(failure);
  const seen = new Set<string>();
  for (const p of projects.flatMap((x) => x.analysis.problems)) {
    const line = formatProblem(p);
    if (!seen.has(line)) warn(line);
    seen.add(line);
  }
  writeOut(statusOutput(projects, args.format, locale));
  const hit = projects.some(({ applied }) => {
    if (applied === null) return false;
    return [...applied.patches.values(), ...applied.local].some((s) => args.failOn.includes(s.state));
  });
  return hit ? 1 : 0;
}

function statusOutput(projects: StatusOfProject[], format: Format, locale: Locale): string {
  switch (format) {
    case 'json':
      return statusJson(projects);
    case 'sarif':
    case 'markdown': {
      const contexts = projects.map((status) => ({ status, ...projectRecords(status.analysis.project) }));
      return findingsOutput(format, contexts, (c) => c.status.analysis.project, statusFindings, locale);
    }
    default:
      return statusTable(projects, locale, t, process.cwd());
  }
}
