import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type Analysis, analyzeLock } from '../core/analyze';
import { findLockFiles } from '../core/lock/find';
import { formatProblem, InputError, type Problem } from '../core/problem';
import { parseCliArgs, type TriageArgs, usage, UsageError } from './args';
import { jsonReport } from './jsonReport';
import { setUpMessages, t } from './messages';
import { tableReport } from './tableReport';

declare const PACKAGE_VERSION: string;

const warn = (message: string) => process.stderr.write(`commerce-patches: ${t('warning: {0}', message)}\n`);

/** Unusable input: printed as one line, exit code 2. */
class Unusable extends Error {}

function main(argv: string[]): number {
  try {
    // The environment's language first, so that even a command line that cannot be parsed gets its language.
    setUpMessages(undefined, warn);
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (args.command === 'version') {
      process.stdout.write(PACKAGE_VERSION + '\n');
      return 0;
    }
    return runTriage(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`commerce-patches: ${e.message}\n${usage()}\n`);
      return 2;
    }
    if (e instanceof Unusable || e instanceof InputError) {
      process.stderr.write(`commerce-patches: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`commerce-patches: ${t('internal error: {0}', (e as Error).message)}\n`);
    return 1;
  }
}

function runTriage(args: TriageArgs): number {
  const locale = setUpMessages(args.locale, warn);
  for (const file of args.catalogs) {
    if (!existsSync(file)) throw new Unusable(t('{0}: catalog file not found', file));
  }
  const analyses: Analysis[] = [];
  const failures: string[] = [];
  for (const lockFile of lockFilesFor(args.path)) {
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
  const report =
    args.format === 'json'
      ? jsonReport(analyses, args.all, locale)
      : tableReport(analyses, args.all, locale, t, process.cwd());
  process.stdout.write(report);
  return 0;
}

/** PATH may be a composer.lock (or its composer.json) or a folder to search. */
function lockFilesFor(path: string): string[] {
  const target = resolve(path);
  if (!existsSync(target)) throw new Unusable(t('{0}: no such file or folder', path));
  if (statSync(target).isFile()) {
    if (basename(target) === 'composer.json') {
      const lock = target.replace(/composer\.json$/, 'composer.lock');
      if (!existsSync(lock)) throw new Unusable(t("{0}: no composer.lock beside it; run 'composer install' first", path));
      return [lock];
    }
    return [target];
  }
  const locks = findLockFiles(target);
  if (locks.length > 0) return locks;
  if (existsSync(resolve(target, 'composer.json'))) {
    throw new Unusable(t("{0}: composer.json but no composer.lock; run 'composer install' first", path));
  }
  throw new Unusable(t('{0}: no composer.lock found in this folder or below it', path));
}

process.exitCode = main(process.argv.slice(2));
