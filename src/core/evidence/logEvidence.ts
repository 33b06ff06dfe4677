import { resolve } from 'node:path';
import type { LogRule, Signature } from '../catalog/signature';
import type { Problem } from '../problem';
import type { LogEvidence } from './evidence';
import { type FileScan, type FileScanState, scanLogFile } from './logFile';
import { LogRuleSet } from './logRules';
import { logFilesFor } from './logSources';

/** Scan positions by file, kept between scans so that a grown log is read only from where it stopped. */
export type LogScanCache = Map<string, FileScanState>;

export interface LogScanOptions {
  /** More folders to look for logs in (absolute, or relative to `base`). */
  extraFolders?: readonly string[];
  /** What relative extra folders are relative to (default: the store root). */
  base?: string;
  /** Positions of an earlier scan; updated in place. */
  cache?: LogScanCache;
  /** Lines over this many bytes are matched piece by piece (tests make it small). */
  lineLimit?: number;
}

/** The log side of the evidence: matching lines by rule, plus what could not be read. */
export interface LogFindings {
  /** The evidence for a log rule: its matching lines in every file it reads, the most recent first per file. */
  hits: (rule: LogRule) => LogEvidence[];
  /** The files that were read. */
  files: string[];
  bytesRead: number;
  problems: Problem[];
}

/** Every log rule of the given signatures, by log path and glob. */
export function logRulesOf(signatures: Iterable<Signature>): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  const walk = (s: Signature) => {
    if (s.type === 'and' || s.type === 'or') s.items.forEach(walk);
    else if (s.type === 'log') {
      let globs = byPath.get(s.path);
      if (globs === undefined) byPath.set(s.path, (globs = new Set()));
      globs.add(s.match);
    }
  };
  for (const s of signatures) walk(s);
  return byPath;
}

/**
 * Scans the logs the signatures name, each file once for all of its rules, and the same files in the extra folders.
 * A rule whose file is missing simply has no evidence.
 */
export async function scanLogs(
  root: string,
  signatures: Iterable<Signature>,
  options: LogScanOptions = {},
): Promise<LogFindings> {
  const byRule = new Map<string, LogEvidence[]>();
  const files: string[] = [];
  const problems: Problem[] = [];
  let bytesRead = 0;
  const extra = (options.extraFolders ?? []).map((d) => resolve(options.base ?? root, d));
  for (const [path, globSet] of logRulesOf(signatures)) {
    const globs = [...globSet].sort();
    const rules = new LogRuleSet(globs);
    for (const file of await logFilesFor(root, path, extra)) {
      const scan: FileScan = await scanLogFile(file, rules, options.cache?.get(file), options.lineLimit);
      files.push(file);
      bytesRead += scan.bytesRead;
      if (scan.state !== undefined) options.cache?.set(file, scan.state);
      if (scan.problem !== undefined) problems.push({ severity: 'warning', file, message: scan.problem });
      scan.hits.forEach((h, g) => {
        if (h === undefined) return;
        const key = ruleKey(path, globs[g]);
        let list = byRule.get(key);
        if (list === undefined) byRule.set(key, (list = []));
        for (let i = h.recent.length - 1; i >= 0; i--)
          list.push({ type: 'log', file, ...h.recent[i], match: globs[g], count: h.count });
      });
    }
  }
  return { hits: (rule) => byRule.get(ruleKey(rule.path, rule.match)) ?? [], files, bytesRead, problems };
}

const ruleKey = (path: string, glob: string) => `${path}\n${glob}`;
