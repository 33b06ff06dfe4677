import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { type AppliedStatus, appliedStatus } from '../../core/applied/appliedStatus';
import type { CheckedSnapshot } from '../../core/state/patchState';

const DEBOUNCE_MS = 300;

/**
 * The extension's own applied check of each analysed project (in memory, no process: it works in untrusted
 * workspaces too), made on first use and kept per analysis until a file it depends on changes:
 * `<vendor-dir>/composer/installed.json`, `m2-hotfixes/`, `composer.json`, or a vendor file the check read.
 */
export class CheckedStates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly results = new WeakMap<Analysis, AppliedStatus>();
  private readonly watched = new Map<string, vscode.Disposable[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The full result (with its file cache) for an analysis; checked now when not yet. */
  status(analysis: Analysis): AppliedStatus {
    let status = this.results.get(analysis);
    if (status === undefined) {
      status = appliedStatus(analysis);
      this.results.set(analysis, status);
      this.watch(analysis, status);
    }
    return status;
  }

  of(analysis: Analysis): CheckedSnapshot {
    const { patches, local } = this.status(analysis);
    return { patches, local };
  }

  /**
   * Checks the vendor files of `analysis` again now (after a QPT run changed them): the next read is fresh and the
   * listeners hear of it at once, without waiting for the file watchers.
   */
  recheck(analysis: Analysis): void {
    this.results.delete(analysis);
    this.unwatch(analysis.project.lockFile);
    this.changed.fire();
  }

  dispose(): void {
    for (const lock of [...this.watched.keys()]) this.unwatch(lock);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.changed.dispose();
  }

  private watch(analysis: Analysis, status: AppliedStatus): void {
    const { project } = analysis;
    this.unwatch(project.lockFile);
    const read = new Set(status.files.paths().map((p) => status.files.fileFor(p)));
    const drop = () => {
      this.results.delete(analysis);
      this.unwatch(project.lockFile);
      this.schedule();
    };
    const disposables: vscode.Disposable[] = [];
    const on = (base: string, glob: string) => {
      const w = vscode.workspace.createFileSystemWatcher(pattern(base, glob));
      disposables.push(w, w.onDidChange(drop), w.onDidCreate(drop), w.onDidDelete(drop));
    };
    // The files the check read (and Composer's record of vendor/), named one by one: a recursive watch of a whole
    // vendor folder is what the workbench handles worst.
    const names = [...read]
      .map((f) => path.relative(project.vendorDir, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('..'));
    on(
      project.vendorDir,
      names.length > 0 && names.length <= 2000 ? `{composer/installed.json,${names.join(',')}}` : '**/*',
    );
    on(path.join(project.root, 'm2-hotfixes'), '*.patch');
    on(project.root, 'composer.json');
    this.watched.set(project.lockFile, disposables);
  }

  private unwatch(lockFile: string): void {
    for (const d of this.watched.get(lockFile) ?? []) d.dispose();
    this.watched.delete(lockFile);
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, DEBOUNCE_MS);
  }
}

/** A watcher pattern for `glob` below `base`: relative to the workspace folder that holds it when there is one. */
function pattern(base: string, glob: string): vscode.RelativePattern {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(base));
  if (folder === undefined) return new vscode.RelativePattern(vscode.Uri.file(base), glob);
  const rel = path.relative(folder.uri.fsPath, base).split(path.sep).join('/');
  return new vscode.RelativePattern(folder, rel === '' ? glob : `${rel}/${glob}`);
}
