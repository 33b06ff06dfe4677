import * as vscode from 'vscode';
import { COMMANDS, OWN } from './ids';
import { folderLabel, projectLabel } from './labels';
import { formatCount, t } from './l10n';
import type { CommerceEntry } from './projects/entries';
import type { ProjectStore } from './projects/store';

/**
 * "Adobe Commerce 2.4.6-p3 · Cloud · 12 applicable" for the project of the active editor (or the workspace's
 * first Commerce project); hidden when there is none. A click shows the Patches view.
 */
export class PatchStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(OWN.statusBarItem, vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: ProjectStore) {
    this.item.name = t('Commerce Patches');
    this.item.command = COMMANDS.showView;
    this.disposables = [
      this.item,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
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
    const applicable = project.analysis.result.counts.applicable;
    const count = formatCount(applicable);
    const one = applicable === 1;
    this.item.text = `$(package) ${t('{0} · {1} applicable', label, count)}`;
    this.item.tooltip = one
      ? t('{0} patch applies to {1} ({2}). Click to show it.', count, label, folderLabel(project))
      : t('{0} patches apply to {1} ({2}). Click to show them.', count, label, folderLabel(project));
    this.item.accessibilityInformation = {
      label: one ? t('{0}: {1} applicable patch', label, count) : t('{0}: {1} applicable patches', label, count),
    };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
