import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENV_YAML_FILE, readQualityPatches, type QualityPatchesList } from '../../core/cloud/envYaml';
import { InputError } from '../../core/problem';

/** A Cloud project's `.magento.env.yaml`: where it is and what `stage.build.QUALITY_PATCHES` lists. */
export interface EnvYamlState {
  file: string;
  exists: boolean;
  /** The list as read from disk; empty when the file or the key is missing, or the file is not valid YAML. */
  list: QualityPatchesList;
  /** IDs listed (each once). */
  ids: ReadonlySet<string>;
}

/** `.magento.env.yaml` beside the project's composer.lock, where ece-tools reads it. */
export function envYamlPath(projectRoot: string): string {
  return path.join(projectRoot, ENV_YAML_FILE);
}

/** Reads the file from disk; unreadable or invalid files give an empty list with the problem. */
function readEnvYamlState(file: string): EnvYamlState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { file, exists: false, list: { entries: [], problems: [] }, ids: new Set() };
  }
  let list: QualityPatchesList;
  try {
    list = readQualityPatches(text, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    list = { entries: [], problems: [e.problem] };
  }
  return { file, exists: true, list, ids: new Set(list.entries.map((e) => e.id)) };
}

/**
 * The patches each Cloud project schedules for its next build (`stage.build.QUALITY_PATCHES`), read from disk on
 * first use and again whenever the file is created, saved or deleted.
 */
export class ScheduledPatches implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires (debounced) with the file that changed. */
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, EnvYamlState>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${ENV_YAML_FILE}`);
  private readonly disposables: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    const drop = (uri: vscode.Uri) => this.drop(uri.fsPath);
    this.disposables = [
      this.watcher,
      this.changed,
      this.watcher.onDidChange(drop),
      this.watcher.onDidCreate(drop),
      this.watcher.onDidDelete(drop),
      // Saving from the editor: the watcher may be slower, or miss it on some file systems.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (path.basename(doc.uri.fsPath) === ENV_YAML_FILE) this.drop(doc.uri.fsPath);
      }),
    ];
  }

  /** The state of the `.magento.env.yaml` of the project rooted at `projectRoot`. */
  of(projectRoot: string): EnvYamlState {
    const file = envYamlPath(projectRoot);
    let state = this.cache.get(file);
    if (state === undefined) {
      state = readEnvYamlState(file);
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
