import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QptPatchState, QptStatus } from '../../core/qpt/status';
import { appliedIds, type AppliedSnapshot } from '../../core/state/patchState';
import { OWN } from '../ids';

interface Stored {
  /** The composer.lock and vendor/composer/installed.json the status belongs to (modification time and size). */
  fingerprint: string;
  checkedAt: number;
  states: Array<[string, QptStatus]>;
}

/** What a project's applied state depends on: its composer.lock, and what Composer last installed into vendor/. */
export interface ProjectFiles {
  lockFile: string;
  vendorDir: string;
}

function watchedFiles(project: ProjectFiles): string[] {
  return [project.lockFile, path.join(project.vendorDir, 'composer', 'installed.json')];
}

function fingerprint(project: ProjectFiles): string {
  return watchedFiles(project)
    .map((file) => {
      const st = statSync(file, { throwIfNoEntry: false });
      return st === undefined ? '-' : `${st.mtimeMs}:${st.size}`;
    })
    .join('|');
}

function load(memento: vscode.Memento): Map<string, Stored> {
  const value = memento.get<unknown>(OWN.appliedStateMemento);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return new Map();
  return new Map(
    Object.entries(value as Record<string, Stored>).filter(
      ([, s]) => typeof s?.fingerprint === 'string' && typeof s.checkedAt === 'number' && Array.isArray(s.states),
    ),
  );
}

/**
 * The applied state of each project as QPT last reported it, kept (also across sessions, in the workspace state)
 * until the project's composer.lock or Composer's record of vendor/ changes. Checking again replaces it.
 */
export class AppliedStates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the lock file whose applied state was set or dropped. */
  readonly onDidChange = this.changed.event;
  private readonly watchers = new Map<string, vscode.Disposable[]>();
  private readonly stored: Map<string, Stored>;

  constructor(private readonly memento: vscode.Memento) {
    this.stored = load(memento);
  }

  /** The last status of the project, unless its files changed since. */
  get(project: ProjectFiles): AppliedSnapshot | undefined {
    const stored = this.stored.get(project.lockFile);
    if (stored === undefined) return undefined;
    if (stored.fingerprint !== fingerprint(project)) {
      // Readers call this while building the tree: tell them after they are done.
      setTimeout(() => void this.forget(project.lockFile), 0);
      this.stored.delete(project.lockFile);
      return undefined;
    }
    this.watch(project);
    return { states: new Map(stored.states), checkedAt: stored.checkedAt };
  }

  /** IDs QPT reports as applied (empty when the state is unknown). */
  appliedIds(project: ProjectFiles): Set<string> {
    return appliedIds(this.get(project));
  }

  async set(project: ProjectFiles, states: ReadonlyMap<string, QptPatchState>, checkedAt = Date.now()): Promise<void> {
    this.stored.set(project.lockFile, {
      fingerprint: fingerprint(project),
      checkedAt,
      states: [...states.values()].map((s) => [s.id, s.status]),
    });
    this.watch(project);
    this.changed.fire(project.lockFile);
    await this.save();
  }

  async forget(lockFile: string): Promise<void> {
    this.unwatch(lockFile);
    this.stored.delete(lockFile);
    this.changed.fire(lockFile);
    await this.save();
  }

  dispose(): void {
    for (const lockFile of [...this.watchers.keys()]) this.unwatch(lockFile);
    this.changed.dispose();
  }

  private async save(): Promise<void> {
    await this.memento.update(OWN.appliedStateMemento, Object.fromEntries(this.stored));
  }

  /**
   * Drops the state as soon as composer.lock or vendor/composer/installed.json changes. A file event can arrive well
   * after the change (a busy machine): one for a change made before the status was read, which the status already
   * saw, keeps it.
   */
  private watch(project: ProjectFiles): void {
    if (this.watchers.has(project.lockFile)) return;
    const drop = () => {
      if (this.stored.get(project.lockFile)?.fingerprint === fingerprint(project)) return;
      void this.forget(project.lockFile);
    };
    const list: vscode.Disposable[] = [];
    for (const file of watchedFiles(project)) {
      const w = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
      );
      list.push(w, w.onDidChange(drop), w.onDidCreate(drop), w.onDidDelete(drop));
    }
    this.watchers.set(project.lockFile, list);
  }

  private unwatch(lockFile: string): void {
    for (const d of this.watchers.get(lockFile) ?? []) d.dispose();
    this.watchers.delete(lockFile);
  }
}
