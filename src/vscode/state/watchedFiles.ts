import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * A file of a fixed name beside each project's composer.lock, read on first use and again whenever it is created,
 * saved or deleted; listeners hear (debounced) which file changed.
 */
export class WatchedFiles<T> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires (debounced) with the file that changed. */
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, T>();
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly disposables: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly name: string,
    private readonly read: (file: string) => T,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${name}`);
    const drop = (uri: vscode.Uri) => this.drop(uri.fsPath);
    this.disposables = [
      this.watcher,
      this.changed,
      this.watcher.onDidChange(drop),
      this.watcher.onDidCreate(drop),
      this.watcher.onDidDelete(drop),
      // Saving from the editor: the watcher may be slower, or miss it on some file systems.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (path.basename(doc.uri.fsPath) === name) this.drop(doc.uri.fsPath);
      }),
    ];
  }

  /** The file of the project rooted at `projectRoot`. */
  fileOf(projectRoot: string): string {
    return path.join(projectRoot, this.name);
  }

  /** What the file of the project rooted at `projectRoot` holds. */
  of(projectRoot: string): T {
    const file = this.fileOf(projectRoot);
    let state = this.cache.get(file);
    if (state === undefined) {
      state = this.read(file);
      this.cache.set(file, state);
    }
    return state;
  }

  /** Forgets the file now and tells listeners shortly (several events come for one save). */
  drop(file: string): void {
    this.cache.delete(file);
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.cache.delete(file);
        this.changed.fire(file);
      }, 100),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
