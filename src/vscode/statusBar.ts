import * as vscode from 'vscode';
import { catalogVersions } from '../core/catalog/layers';
import { readCacheInfo } from '../core/catalog/update/cache';
import { COMMANDS, OWN } from './ids';
import { folderLabel, projectLabel } from './labels';
import { formatCount, formatTime, t } from './l10n';
import type { CommerceEntry } from './projects/entries';
import type { ProjectStore } from './projects/store';

/**
 * "Adobe Commerce 2.4.6-p3 · Cloud · 12 applicable" for the project of the active editor (or the workspace's
 * first Commerce project); hidden when there is none. A click shows the Patches view.
 */
export class PatchStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(OWN.statusBarItem, vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  /**
   * `applicableOf` counts a project's applicable patches as the view does (without the applied ones once QPT's
   * status is known); `stateChanged` fires when that count may have changed.
   */
  constructor(
    private readonly store: ProjectStore,
    private readonly applicableOf: (entry: CommerceEntry) => number = (entry) =>
      entry.analysis.result.counts.applicable,
    stateChanged?: vscode.Event<void>,
  ) {
    this.item.name = t('Commerce Patches');
    this.item.command = COMMANDS.showView;
    this.disposables = [
      this.item,
      store.onDidChange(() => this.update()),
      ...(stateChanged === undefined ? [] : [stateChanged(() => this.update())]),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
  }

  /** What the item shows now (read by the tests). */
  get text(): string {
    return this.item.text;
  }

  /** The project the item describes now, if any. */
  current(): CommerceEntry | undefined {
    const projects = this.store.commerce();
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri === undefined) return projects[0];
    const own = this.store.commerceFor(uri);
    if (own !== undefined) return own;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    // A file of another (non-Commerce) workspace folder: nothing to say about it.
    if (folder !== undefined) return projects.find((p) => p.folder.uri.toString() === folder.uri.toString());
    return projects[0];
  }

  update(): void {
    const project = this.current();
    if (project === undefined) {
      this.item.hide();
      return;
    }
    const label = projectLabel(project);
    const applicable = this.applicableOf(project);
    const count = formatCount(applicable);
    const one = applicable === 1;
    this.item.text = `$(package) ${t('{0} · {1} applicable', label, count)}`;
    const summary = one
      ? t('{0} patch applies to {1} ({2}). Click to show it.', count, label, folderLabel(project))
      : t('{0} patches apply to {1} ({2}). Click to show them.', count, label, folderLabel(project));
    this.item.tooltip = `${summary}\n${this.catalogLine(project)}`;
    this.item.accessibilityInformation = {
      label: one ? t('{0}: {1} applicable patch', label, count) : t('{0}: {1} applicable patches', label, count),
    };
    this.item.show();
  }

  /** Which QPT metadata the triage used (the freshest), its version and, for a fetched copy, its age. */
  catalogLine(project: CommerceEntry, now = Date.now()): string {
    const versions = catalogVersions(project.analysis.catalog);
    switch (versions.freshest) {
      case 'fetched': {
        const info = this.store.cacheDir === undefined ? undefined : readCacheInfo(this.store.cacheDir);
        const fetchedAt = info === undefined ? NaN : Date.parse(info.fetchedAt);
        if (Number.isNaN(fetchedAt)) return t('Patch catalog: QPT {0}, fetched', versions.fetched ?? '?');
        const days = Math.max(0, Math.floor((now - fetchedAt) / 86_400_000));
        return t(
          'Patch catalog: QPT {0}, fetched {1} ({2} days old)',
          versions.fetched ?? '?',
          formatTime(fetchedAt),
          formatCount(days),
        );
      }
      case 'installed':
        return t('Patch catalog: QPT {0}, installed in the project', versions.installed ?? '?');
      default:
        return t('Patch catalog: QPT {0}, bundled with the extension', versions.bundled ?? '?');
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
