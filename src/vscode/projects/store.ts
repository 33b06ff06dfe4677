import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeFolder } from '../../core/lock/describe';
import { settingId, SETTINGS } from '../ids';
import { extraCatalogs } from '../settings';
import { analyse, isCommerce, type CommerceEntry, type FolderReport, type ProjectEntry } from './entries';

const DEBOUNCE_MS = 300;

/**
 * The one place that reads composer.lock files: discovers them in every workspace folder, analyses each on first
 * use and caches the result, which the tree, the hover and the status bar share. File watchers (composer files,
 * the installed QPT metadata, configured catalogs) and setting changes drop the affected entries; listeners hear
 * about it once per burst of changes.
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) after cached results were dropped; readers fetch again lazily. */
  readonly onDidChange = this.changed.event;

  private folderReports: FolderReport[] | undefined;
  private readonly entries = new Map<string, ProjectEntry>();
  /** Watchers for the catalog files of each analysed lock, keyed by lock file. */
  private readonly entryWatchers = new Map<string, vscode.Disposable[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingLocks = new Set<string>();
  private pendingRescan = false;
  private pendingAll = false;

  /** `onAnalysed` hears about every fresh analysis (to log catalog problems). */
  constructor(private readonly onAnalysed: (entry: ProjectEntry) => void = () => undefined) {
    const composerFiles = vscode.workspace.createFileSystemWatcher('**/composer.{lock,json}');
    composerFiles.onDidChange((uri) => this.onComposerFile(uri, false), undefined, this.disposables);
    composerFiles.onDidCreate((uri) => this.onComposerFile(uri, true), undefined, this.disposables);
    composerFiles.onDidDelete((uri) => this.onComposerFile(uri, true), undefined, this.disposables);
    this.disposables.push(
      composerFiles,
      this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule({ rescan: true, all: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(SETTINGS.extraCatalogs))) this.schedule({ all: true });
      }),
    );
  }

  /** Every workspace folder with what it holds; scanned once, then cached until composer files come or go. */
  folders(): FolderReport[] {
    if (this.folderReports === undefined) {
      this.folderReports = (vscode.workspace.workspaceFolders ?? [])
        .filter((folder) => folder.uri.scheme === 'file')
        .map((folder) => ({ folder, status: describeFolder(folder.uri.fsPath) }));
    }
    return this.folderReports;
  }

  /** Every composer.lock in the workspace, analysed (from the cache when possible), in folder order. */
  all(): ProjectEntry[] {
    const out: ProjectEntry[] = [];
    const seen = new Set<string>();
    for (const { folder, status } of this.folders()) {
      if (status.kind !== 'locks') continue;
      for (const lockFile of status.lockFiles) {
        // Nested workspace folders list the same lock twice: keep the first.
        if (seen.has(lockFile)) continue;
        seen.add(lockFile);
        out.push(this.entry(lockFile, folder));
      }
    }
    return out;
  }

  /** The Commerce projects of the workspace. */
  commerce(): CommerceEntry[] {
    return this.all().filter(isCommerce);
  }

  /** The Commerce project whose folder holds `uri` (the innermost one), if any. */
  commerceFor(uri: vscode.Uri): CommerceEntry | undefined {
    if (uri.scheme !== 'file') return undefined;
    const file = uri.fsPath;
    let best: CommerceEntry | undefined;
    for (const entry of this.commerce()) {
      const root = entry.analysis.project.root;
      const inside = file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
      if (inside && (best === undefined || root.length > best.analysis.project.root.length)) best = entry;
    }
    return best;
  }

  /** Forgets everything and tells listeners now (the Refresh command). */
  refresh(): void {
    this.clearTimer();
    this.dropAll(true);
    this.changed.fire();
  }

  dispose(): void {
    this.clearTimer();
    for (const watchers of this.entryWatchers.values()) for (const w of watchers) w.dispose();
    this.entryWatchers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private entry(lockFile: string, folder: vscode.WorkspaceFolder): ProjectEntry {
    let entry = this.entries.get(lockFile);
    if (entry === undefined) {
      entry = analyse(lockFile, folder);
      this.entries.set(lockFile, entry);
      this.watchCatalogs(entry);
      this.onAnalysed(entry);
    }
    return entry;
  }

  /** Watches what the analysis read besides the lock: installed QPT metadata and configured catalogs. */
  private watchCatalogs(entry: ProjectEntry): void {
    const watchers: vscode.Disposable[] = [];
    const drop = () => this.schedule({ locks: [entry.lockFile] });
    const watch = (pattern: vscode.RelativePattern) => {
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      w.onDidChange(drop);
      w.onDidCreate(drop);
      w.onDidDelete(drop);
      watchers.push(w);
    };
    if (entry.kind === 'ready') {
      const vendor = vscode.Uri.file(entry.analysis.project.vendorDir);
      watch(new vscode.RelativePattern(vendor, 'magento/{quality-patches,magento-cloud-patches}/*.json'));
    }
    for (const file of extraCatalogs(entry.folder)) {
      watch(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    }
    this.disposeWatchers(entry.lockFile);
    this.entryWatchers.set(entry.lockFile, watchers);
  }

  private onComposerFile(uri: vscode.Uri, createdOrDeleted: boolean): void {
    const file = uri.fsPath;
    const lockFile = path.join(path.dirname(file), 'composer.lock');
    // A new or removed file changes what folders hold; an edited composer.json may move the vendor folder.
    this.schedule({ locks: [lockFile], rescan: createdOrDeleted });
  }

  private schedule(what: { locks?: string[]; rescan?: boolean; all?: boolean }): void {
    for (const l of what.locks ?? []) this.pendingLocks.add(l);
    this.pendingRescan ||= what.rescan === true;
    this.pendingAll ||= what.all === true;
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pendingAll) {
      this.dropAll(this.pendingRescan);
    } else {
      if (this.pendingRescan) this.folderReports = undefined;
      for (const lockFile of this.pendingLocks) this.drop(lockFile);
    }
    this.pendingLocks = new Set();
    this.pendingRescan = false;
    this.pendingAll = false;
    this.changed.fire();
  }

  private dropAll(rescan: boolean): void {
    if (rescan) this.folderReports = undefined;
    for (const lockFile of [...this.entries.keys()]) this.drop(lockFile);
  }

  private drop(lockFile: string): void {
    this.entries.delete(lockFile);
    this.disposeWatchers(lockFile);
  }

  private disposeWatchers(lockFile: string): void {
    for (const w of this.entryWatchers.get(lockFile) ?? []) w.dispose();
    this.entryWatchers.delete(lockFile);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
