import { existsSync } from 'node:fs';
import { type Analysis, analyzeLock } from '../../core/analyze';
import { readProject } from '../../core/lock/read';
import { formatProblem, InputError, type Problem } from '../../core/problem';
import { analyzeRelease } from '../../core/releases/analyzeRelease';
import { type CliCommand, Unusable, warn } from '../command';
import { appliedIds } from '../appliedIds';
import { lockFilesFor } from '../lockFiles';
import { setUpMessages, t } from '../messages';
import { reportUndecided, triageContexts, triageOutput } from '../triageOutput';
import { parseTriageArgs, type TriageArgs, usage } from './triageArgs';

/** `commerce-patches triage`: the patches that apply to each project's installed versions. */
export const triage: CliCommand = {
  usage,
  run: (argv) => runTriage(parseTriageArgs(argv)),
};

function runTriage(args: TriageArgs): number {
  const locale = setUpMessages(args.locale, warn);
  for (const file of args.catalogs) {
    if (!existsSync(file)) throw new Unusable(t('{0}: catalog file not found', file));
  }
  const analyses: Analysis[] = [];
  const failures: string[] = [];
  if (args.release !== undefined) {
    const store = args.pathGiven ? readProject(lockFilesFor(args.path)[0]) : undefined;
    const options = { bundled: args.bundled, extraCatalogs: args.catalogs, edition: args.edition, cloud: args.cloud, store };
    analyses.push(analyzeRelease(args.release, options));
  }
  for (const lockFile of args.release !== undefined ? [] : lockFilesFor(args.path)) {
    try {
      analyses.push(analyzeLock(lockFile, { bundled: args.bundled, extraCatalogs: args.catalogs }));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  if (analyses.length === 0) throw new Unusable(failures[0]);
  for (const failure of failures) warn(failure);
  const seen = new Set<string>();
  const problems: Problem[] = analyses.flatMap((a) => a.problems);
  for (const p of problems) {
    const line = formatProblem(p);
    if (!seen.has(line)) warn(line);
    seen.add(line);
  }
  const contexts = triageContexts(analyses, appliedIds(args.applied, args.qptStatus));
  process.stdout.write(triageOutput(contexts, args, locale));
  return args.failOnUndecided && reportUndecided(contexts) ? 1 : 0;
}
