import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { type AppliedStatus, appliedStatusInSlices } from '../../core/applied/appliedStatus';
import type { CheckedSnapshot } from '../../core/state/patchState';

const DEBOUNCE_MS = 300;

/**
 * The extension's own applied check of each analysed project (in memory, no process: it works in untrusted
 * workspaces too), made on first use in slices between the editor's other work (the view shows the triage first,
 * "checking…", then the states) and kept per analysis until a file it depends on changes:
 * `<vendor-dir>/composer/installed.json`, `m2-hotfixes/`, `composer.json`, or a vendor file the check read.
 */
export class CheckedStates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly results = new WeakMap<Analysis, AppliedStatus>();
  private readonly running = new WeakMap<Analysis, Promise<AppliedStatus>>();
  private readonly watched = new Map<string, vscode.Disposable[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** The full result (with its file cache) for an analysis, once checked; the check starts when not yet. */
  status(analysis: Analysis): Promise<AppliedStatus> {
    const done = this.results.get(analysis);
    if (done !== undefined) return Promise.resolve(done);
    let run = this.running.get(analysis);
    if (run === undefined) {
      const started = this.check(analysis);
      // A check that failed is not kept: the next reader starts it again.
      started.catch(() => this.running.get(analysis) === started && this.running.delete(analysis));
      this.running.set(analysis, started);
      run = started;
    }
    return run;
  }

  /** What is known now: the states once checked, else nothing yet with `pending` set (and the check started). */
  of(analysis: Analysis): CheckedSnapshot {
    const done = this.results.get(analysis);
    if (done === undefined) {
      this.status(analysis).catch(() => undefined);
      return { patches: new Map(), local: [], pending: true };
    }
    return { patches: done.patches, local: done.local };
  }

  /** The running check of `analysis` (started when not yet), or undefined once its states are known. */
  pending(analysis: Analysis): Promise<unknown> | undefined {
    return this.results.has(analysis) ? undefined : this.status(analysis);
  }

  /**
   * Checks the vendor files of `analysis` again now (after a QPT run changed them): the next read is fresh and the
   * listeners hear of it at once, without waiting for the file watchers.
   */
  recheck(analysis: Analysis): void {
    this.forget(analysis);
    this.changed.fire();
  }

  /** Checks in slices; a check overtaken by `recheck` or a changed file hands over to a fresh one. */
  private check(analysis: Analysis): Promise<AppliedStatus> {
    const run: Promise<AppliedStatus> = (async () => {
      const status = await appliedStatusInSlices(analysis, {
        cancelled: () => this.disposed || this.running.get(analysis) !== run,
      });
      if (this.disposed) throw new Error('the applied check was stopped');
      if (status === undefined) return this.status(analysis);
      this.running.delete(analysis);
      this.results.set(analysis, status);
      this.watch(analysis, status);
      // Heard before the promise settles: whoever awaits the check finds the listeners (the view) up to date.
      this.changed.fire();
      return status;
    })();
    return run;
  }

  private forget(analysis: Analysis): void {
    this.results.delete(analysis);
    this.running.delete(analysis);
    this.unwatch(analysis.project.lockFile);
  }

  dispose(): void {
    this.disposed = true;
    for (const lock of [...this.watched.keys()]) this.unwatch(lock);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.changed.dispose();
  }

  private watch(analysis: Analysis, status: AppliedStatus): void {
    const { project } = analysis;
    this.unwatch(project.lockFile);
    const read = new Set(status.files.paths().map((p) => status.files.fileFor(p)));
    const drop = () => {
      this.forget(analysis);
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
