import * as vscode from 'vscode';
import { CONTEXT, settingId, SETTINGS, VIEWS, WORKBENCH } from '../ids';
import { formatCount, t } from '../l10n';
import type { ProjectStore } from '../projects/store';
import { groupBy } from '../settings';
import type { PatchStateSource } from '../state/patchStates';
import type { TreeNode } from './nodes';
import { PatchTreeProvider } from './provider';
import type { RootSummary } from './summary';

function setContext(key: string, value: unknown): void {
  void vscode.commands.executeCommand(WORKBENCH.setContext, key, value);
}

/** The Patches tree view: provider, badge (applicable count), message (filter), context keys. */
export class PatchView implements vscode.Disposable {
  readonly provider: PatchTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[];
  private lastState: string | undefined;
  private shown = false;

  constructor(store: ProjectStore, states: PatchStateSource) {
    this.provider = new PatchTreeProvider(store, states);
    this.view = vscode.window.createTreeView(VIEWS.patches, { treeDataProvider: this.provider, showCollapseAll: true });
    setContext(CONTEXT.groupBy, groupBy());
    setContext(CONTEXT.filtered, false);
    this.disposables = [
      this.provider,
      this.view,
      this.provider.onDidSummarize((s) => this.show(s)),
      this.view.onDidChangeVisibility((e) => (this.shown ||= e.visible)),
      // Badge, message and context keys follow every refresh, also while the view is hidden (VS Code then asks
      // for nothing); the roots are cheap once the store has the analyses, which the status bar needs anyway.
      this.provider.onDidChangeTreeData(() => this.provider.summary()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(SETTINGS.groupBy))) setContext(CONTEXT.groupBy, groupBy());
      }),
    ];
  }

  /** Whether VS Code has shown the view (and so loaded its rows) at least once. */
  get loaded(): boolean {
    return this.shown || this.view.visible;
  }

  /** Computes the summary now (reading the locks if needed) so the badge shows before the view is opened. */
  warmUp(): void {
    this.show(this.provider.summary());
  }

  private show(summary: RootSummary): void {
    if (summary.state !== this.lastState) {
      this.lastState = summary.state;
      setContext(CONTEXT.state, summary.state);
    }
    setContext(CONTEXT.filtered, this.provider.filter.active);
    this.view.badge =
      summary.applicable > 0 ? { value: summary.applicable, tooltip: badgeTooltip(summary) } : undefined;
    this.view.message = this.message(summary);
  }

  private message(summary: RootSummary): string | undefined {
    const filter = this.provider.filter;
    const release = this.provider.browsed?.analysis.project.release;
    if (release !== undefined) return t("Browsing release {0}, not this workspace's store.", release);
    if (filter.active) {
      return t(
        'Filter “{0}”: {1} of {2} patches shown.',
        filter.text,
        formatCount(summary.shown),
        formatCount(summary.total),
      );
    }
    // No message otherwise: VS Code shows the welcome content only while the view has none.
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** "12 applicable patches", and "3 recommended for this store" when the logs or settings call for some. */
function badgeTooltip(summary: RootSummary): string {
  const applicable = applicablePatches(summary.applicable);
  if (summary.recommended === 0) return applicable;
  return t('{0}, {1} recommended for this store', applicable, formatCount(summary.recommended));
}

/** "1 applicable patch", "12 applicable patches". */
function applicablePatches(count: number): string {
  return count === 1 ? t('{0} applicable patch', formatCount(count)) : t('{0} applicable patches', formatCount(count));
}
