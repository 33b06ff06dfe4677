import { writeOut } from '../output';
import { type Analysis, analyzeLock } from '../../core/analyze';
import { CatalogCache } from '../../core/catalog/catalogCache';
import { FileCatalogStore } from '../catalogStore';
import { readProject } from '../../core/lock/read';
import { InputError } from '../../core/problem';
import { analyzeRelease } from '../../core/releases/analyzeRelease';
import { type CliCommand, reportInputs, requireCatalogFiles, warn } from '../command';
import { appliedIds } from '../appliedIds';
import { lockFilesFor } from '../lockFiles';
import { setUpMessages } from '../messages';
import { reportUndecided, triageContexts, triageOutput } from '../triageOutput';
import { parseTriageArgs, type TriageArgs, usage } from './triageArgs';

/** `commerce-patches triage`: the patches that apply to each project's installed versions. */
export const triage: CliCommand = {
  usage,
  run: (argv) => runTriage(parseTriageArgs(argv)),
};

function runTriage(args: TriageArgs): number {
  const locale = setUpMessages(args.locale, warn);
  requireCatalogFiles(args.catalogs);
  const analyses: Analysis[] = [];
  const failures: string[] = [];
  // Each catalog file is read, and each set of catalogs merged, once for all the locks of the run.
  const cache = new CatalogCache(new FileCatalogStore());
  if (args.release !== undefined) {
    const store = args.pathGiven ? readProject(lockFilesFor(args.path, args.depth)[0]) : undefined;
    const options = {
      bundled: args.bundled,
      extraCatalogs: args.catalogs,
      edition: args.edition,
      cloud: args.cloud,
      store,
    };
    analyses.push(analyzeRelease(args.release, options));
  }
  for (const lockFile of args.release !== undefined ? [] : lockFilesFor(args.path, args.depth)) {
    try {
      analyses.push(
        analyzeLock(lockFile, {
          bundled: args.bundled,
          extraCatalogs: args.catalogs,
          cache,
          // Why a patch does not apply is shown only where those patches are (`--all`).
          reasons: args.all,
          ...(args.cacheDir !== undefined ? { cacheDir: args.cacheDir } : {}),
        }),
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  reportInputs(
    analyses.length,
    failures,
    analyses.flatMap((a) => a.problems),
  );
  const contexts = triageContexts(analyses, appliedIds(args.applied, args.qptStatus));
  writeOut(triageOutput(contexts, args, locale));
  return args.failOnUndecided && reportUndecided(contexts) ? 1 : 0;
}
