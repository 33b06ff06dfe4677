import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { StoreFacts } from '../../core/evidence/evaluate';
import type { LogScanCache } from '../../core/evidence/logEvidence';
import type { AppliedLookup, Recommendation } from '../../core/evidence/recommend';
import { formatProblem } from '../../core/problem';
import { COMMANDS, SETTINGS, settingId } from '../ids';
import { t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import { configShowCommand, extraLogFolders, notifyNewEvidence, turnOffEvidenceNotifications } from '../settings';
import { databaseConfig } from './configShow';
import { evidenceEngine } from './evidenceEngine';

/** One project's evidence: what the last scan found, and where each log was read up to. */
interface ProjectEvidence {
  analysis: Analysis;
  cache: LogScanCache;
  byId?: ReadonlyMap<string, Recommendation>;
  list: Recommendation[];
  running?: Promise<void>;
  /** Another scan was asked for while one ran. */
  again: boolean;
  /** Read for the signatures of every catalog patch too (once an upgrade plan asked), not only today's. */
  wide: boolean;
  /** What the last scan read, and whether it was a wide one. */
  facts?: StoreFacts;
  factsWide?: boolean;
  watchers: vscode.Disposable[];
}

/** Shows an information notification with buttons; resolves with the one clicked, undefined when dismissed. */
type Inform = (message: string, buttons: readonly string[]) => Thenable<string | undefined>;

/** Rescans start this long after the last change to a log (a burst of writes gives one scan). */
const SETTLE_MS = 50;

/**
 * The evidence of each project (its logs and settings against the signatures of its applicable patches), computed
 * in the background on first need and again, reading only what was added, when a watched log changes.
 */
export class EvidenceStates implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly byLock = new Map<string, ProjectEvidence>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: ProjectStore,
    private readonly appliedOf: (entry: CommerceEntry) => AppliedLookup,
    private readonly output?: vscode.OutputChannel,
    /** Shows a notification; resolves with the button clicked (the extension's prompts, which tests record). */
    private readonly inform: Inform = (message, buttons) => vscode.window.showInformationMessage(message, ...buttons),
  ) {
    this.disposables = [
      this.changed,
      store.onDidChange(() => this.rescanAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(SETTINGS.extraLogFolders))) this.reset();
        // Database values may now be known (or no longer): the same logs, other settings.
        else if (e.affectsConfiguration(settingId(SETTINGS.configShowCommand))) this.rescanAll();
      }),
    ];
  }

  /** The evidence by patch ID; undefined until the first scan of the project ended (it starts here). */
  of(entry: CommerceEntry): ReadonlyMap<string, Recommendation> | undefined {
    const p = this.project(entry);
    if (p.byId === undefined && p.running === undefined) void this.scan(entry);
    return p.byId;
  }

  /** Scans a project now (only what changed since the last scan) and resolves when its evidence is up to date. */
  async scan(entry: CommerceEntry, notify = false): Promise<void> {
    const p = this.project(entry);
    if (p.running !== undefined) {
      p.again = true;
      return p.running;
    }
    p.running = (async () => {
      do {
        p.again = false;
        const before = p.list;
        const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(entry.lockFile));
        const wide = p.wide;
        const engine = evidenceEngine();
        const found = await engine.storeEvidence(entry.analysis.result, {
          ...(wide ? { extraSignatures: engine.catalogSignatures(entry.analysis.catalog) } : {}),
          cache: p.cache,
          extraFolders: extraLogFolders(folder),
          applied: this.appliedOf(entry),
          databaseConfig: () => this.database(entry, folder),
        });
        for (const problem of found.problems) this.output?.appendLine(formatProblem(problem));
        p.list = found.recommendations;
        p.facts = found.facts;
        p.factsWide = wide;
        p.byId = new Map(found.recommendations.map((r) => [r.entry.patch.id, r]));
        if (notify && before.length + p.list.length > 0)
          this.notify(entry, evidenceEngine().newMatches(before, p.list));
        this.changed.fire();
      } while (p.again);
    })().finally(() => (p.running = undefined));
    return p.running;
  }

  /**
   * What the store's logs and settings show for the signatures of every catalog patch, for an upgrade plan (whose
   * target has other patches than today). The first call widens this project's scans for good (the logs are read
   * anew once, then only what is added, as before); undefined for a release that is not the workspace's store.
   */
  async planFacts(entry: CommerceEntry): Promise<StoreFacts | undefined> {
    const p = this.project(entry);
    p.wide = true;
    if (p.facts === undefined || p.factsWide !== true || p.running !== undefined) await this.scan(entry);
    return this.project(entry).facts;
  }

  /** The database values, from the configured `bin/magento config:show` command, in a trusted workspace only. */
  private database(
    entry: CommerceEntry,
    folder: vscode.WorkspaceFolder | undefined,
  ): Promise<ReadonlyMap<string, string> | undefined> {
    const command = configShowCommand(folder);
    if (command === undefined || !vscode.workspace.isTrusted) return Promise.resolve(undefined);
    return databaseConfig(command, entry.analysis.project.root, (message) => this.output?.appendLine(message));
  }

  /** Rescans every project (after applied or scheduled patches changed: the same logs, other recommendations). */
  rescanAll(): void {
    for (const entry of this.store.commerce()) if (this.byLock.has(entry.lockFile)) void this.scan(entry);
  }

  private project(entry: CommerceEntry): ProjectEvidence {
    let p = this.byLock.get(entry.lockFile);
    if (p !== undefined && p.analysis !== entry.analysis) {
      // A new analysis (other catalogs, a new lock): same logs, other signatures.
      p.analysis = entry.analysis;
      p.byId = undefined;
      p.facts = undefined;
    }
    if (p === undefined) {
      p = {
        analysis: entry.analysis,
        cache: new Map(),
        list: [],
        again: false,
        wide: false,
        watchers: this.watch(entry),
      };
      this.byLock.set(entry.lockFile, p);
    }
    return p;
  }

  /** Watches `var/log/` and the extra log folders of a project. */
  private watch(entry: CommerceEntry): vscode.Disposable[] {
    const root = entry.analysis.project.root;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(entry.lockFile));
    const places = [vscode.Uri.file(`${root}/var/log`), ...extraLogFolders(folder).map((d) => vscode.Uri.file(d))];
    return places.map((uri) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uri, '*'));
      const changed = () => this.soon(entry);
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete(changed);
      return watcher;
    });
  }

  private soon(entry: CommerceEntry): void {
    clearTimeout(this.timers.get(entry.lockFile));
    this.timers.set(
      entry.lockFile,
      setTimeout(() => {
        this.timers.delete(entry.lockFile);
        const current = this.store.commerce().find((e) => e.lockFile === entry.lockFile);
        if (current !== undefined) void this.scan(current, true);
      }, SETTLE_MS),
    );
  }

  private notify(entry: CommerceEntry, found: { id: string; file: string }[]): void {
    if (found.length === 0 || !notifyNewEvidence()) return;
    const first = found[0];
    const text =
      found.length === 1
        ? t('{0} matches a new error in {1}', first.id, basename(first.file))
        : t('{0} and {1} more patches match new errors in {2}', first.id, found.length - 1, basename(first.file));
    const show = t('Show');
    const off = t('Do not notify again');
    void this.inform(text, [show, off]).then((choice) => {
      if (choice === show)
        void vscode.commands.executeCommand(COMMANDS.reveal, { id: first.id, lockFile: entry.lockFile });
      else if (choice === off) void turnOffEvidenceNotifications();
    });
  }

  private reset(): void {
    for (const p of this.byLock.values()) for (const w of p.watchers) w.dispose();
    this.byLock.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.reset();
    for (const d of this.disposables) d.dispose();
  }
}
