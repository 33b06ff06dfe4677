import type * as vscode from 'vscode';
import { analyzeLock, type Analysis } from '../../core/analyze';
import type { FolderStatus } from '../../core/lock/describe';
import { InputError, type Problem } from '../../core/problem';
import { extraCatalogs } from '../settings';

/** A composer.lock that was analysed; `analysis.project.product` is null for a lock without Magento. */
interface ReadyEntry {
  kind: 'ready';
  lockFile: string;
  folder: vscode.WorkspaceFolder;
  analysis: Analysis;
  /** Milliseconds the analysis took. */
  millis: number;
}

/** A composer.lock that could not be used (unreadable, not JSON, not a lock). */
export interface BrokenEntry {
  kind: 'error';
  lockFile: string;
  folder: vscode.WorkspaceFolder;
  problem: Problem;
}

export type ProjectEntry = ReadyEntry | BrokenEntry;

/** A Commerce project: an analysed lock with a Magento product in it. */
export type CommerceEntry = ReadyEntry & {
  analysis: Analysis & { project: { product: NonNullable<Analysis['project']['product']> } };
};

export function isCommerce(entry: ProjectEntry): entry is CommerceEntry {
  return entry.kind === 'ready' && entry.analysis.project.product !== null;
}

/** What the workspace folders hold, as far as the extension cares. */
export interface FolderReport {
  folder: vscode.WorkspaceFolder;
  status: FolderStatus;
}

/**
 * Reads and analyses one composer.lock, with the fetched catalog kept in `cacheDir` (when there is one); an unusable
 * lock becomes a `BrokenEntry` with the problem.
 */
export function analyse(lockFile: string, folder: vscode.WorkspaceFolder, cacheDir?: string): ProjectEntry {
  const started = performance.now();
  try {
    const analysis = analyzeLock(lockFile, {
      extraCatalogs: extraCatalogs(folder),
      ...(cacheDir !== undefined ? { cacheDir } : {}),
    });
    return { kind: 'ready', lockFile, folder, analysis, millis: performance.now() - started };
  } catch (e) {
    const problem: Problem =
      e instanceof InputError
        ? e.problem
        : { severity: 'error', file: lockFile, message: e instanceof Error ? e.message : String(e) };
    return { kind: 'error', lockFile, folder, problem };
  }
}
