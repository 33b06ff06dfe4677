import { statSync } from 'node:fs';
import { type Analysis, analyzeLock } from '../../core/analyze';
import { CatalogCache } from '../../core/catalog/catalogCache';
import { FILE_LIMITS, FileReadError } from '../../core/files/readTextFile';
import { readFailure } from '../../core/lock/read';
import { formatProblem, InputError, type Problem } from '../../core/problem';
import { type CliCommand, Unusable, warn } from '../command';
import { jsonReport } from '../jsonReport';
import { lockFilesFor } from '../lockFiles';
import { setUpMessages, t } from '../messages';
import { tableReport } from '../tableReport';
import { parseTriageArgs, type TriageArgs, usage } from './triageArgs';

/** `commerce-patches triage`: the patches that apply to each project's installed versions. */
export const triage: CliCommand = {
  usage,
  run: (argv) => runTriage(parseTriageArgs(argv)),
};

function runTriage(args: TriageArgs): number {
  const locale = setUpMessages(args.locale, warn);
  for (const file of args.catalogs) checkCatalog(file);
  const analyses: Analysis[] = [];
  const failures: string[] = [];
  // Each catalog file is read, and each set of catalogs merged, once for all the locks of the run.
  const cache = new CatalogCache();
  for (const lockFile of lockFilesFor(args.path, args.depth)) {
    try {
      analyses.push(analyzeLock(lockFile, { bundled: args.bundled, extraCatalogs: args.catalogs, cache }));
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
  const report =
    args.format === 'json'
      ? jsonReport(analyses, args.all, locale)
      : tableReport(analyses, args.all, locale, t, currentFolder());
  process.stdout.write(report);
  return 0;
}

/** A `--catalog` file must exist and be a regular file of a sane size: anything else ends the run (exit 2). */
function checkCatalog(file: string): void {
  let reason: string | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) reason = readFailure('EISDIR', undefined);
    else if (!st.isFile()) {
      const kind = st.isFIFO() ? 'fifo' : 'device';
      reason = readFailure('ENOTREG', new FileReadError('ENOTREG', '', undefined, kind));
    } else if (st.size > FILE_LIMITS.catalog) {
      reason = readFailure('EFBIG', new FileReadError('EFBIG', '', FILE_LIMITS.catalog));
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Unusable(t('{0}: catalog file not found', file));
    reason = readFailure(code, e);
  }
  if (reason !== undefined) throw new Unusable(t('{0}: {1}', file, reason));
}

/** The current folder, or undefined when it cannot be read (deleted, or a path longer than the system allows). */
function currentFolder(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}
