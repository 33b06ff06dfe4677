import * as vscode from 'vscode';
import { PatchFilter } from '../../core/triage/filter';
import { settingId, SETTINGS } from '../ids';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import type { PatchStateSource } from '../state/patchStates';
import { treeItem } from './items';
import { TreeModel } from './model';
import type { PatchNode, TreeNode } from './nodes';
import type { RootSummary } from './summary';
import { TreeClock } from './timings';
import { localTooltip, patchTooltip, projectTooltip } from './tooltips';

/**
 * The Patches view's data: the model's rows as VS Code asks for them, refreshed when the store, the patch states
 * or the view's settings change.
 */
export class PatchTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly summaryChanged = new vscode.EventEmitter<RootSummary>();
  /** Fires each time the roots are computed. */
  readonly onDidSummarize = this.summaryChanged.event;
  private readonly childrenServed = new vscode.EventEmitter<TreeNode | undefined>();
  /** Fires each time children are handed out, with their parent (undefined: the roots). */
  readonly onDidServeChildren = this.childrenServed.event;
  private readonly clock = new TreeClock();
  readonly onDidServePatchRows = this.clock.onDidServePatchRows;
  readonly timings = this.clock.timings;
  private filterValue = new PatchFilter('');
  private readonly model: TreeModel;
  private readonly disposables: vscode.Disposable[];

  constructor(
    store: ProjectStore,
    private readonly states: PatchStateSource,
  ) {
    this.model = new TreeModel(
      store,
      states,
      () => this.filterValue,
      (s) => this.summaryChanged.fire(s),
    );
    this.disposables = [
      this.treeChanged,
      this.summaryChanged,
      this.childrenServed,
      this.clock,
      store.onDidChange(() => this.refresh()),
      states.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration(settingId(SETTINGS.groupBy)) ||
          e.affectsConfiguration(settingId(SETTINGS.statuses))
        ) {
          this.refresh();
        }
      }),
    ];
  }

  get filter(): PatchFilter {
    return this.filterValue;
  }

  /** The release shown instead of the workspace's projects, if any. */
  get browsed(): CommerceEntry | undefined {
    return this.model.browsed;
  }

  /** Shows a release browsed without a store (undefined: the workspace's projects again). */
  browse(entry: CommerceEntry | undefined): void {
    this.model.browsed = entry;
    this.refresh();
  }

  /** Narrows the view to patches matching `text` (empty shows all). */
  setFilter(text: string): void {
    this.filterValue = new PatchFilter(text);
    this.refresh();
  }

  /** The summary of the last computed roots (computing them when needed). */
  summary(): RootSummary {
    return this.model.summary();
  }

  refresh(): void {
    this.model.reset();
    this.clock.refreshed();
    this.treeChanged.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node === undefined) this.clock.rootsAsked();
    // The inline project's groups are already at the top level.
    const children = node?.kind === 'project' && node.inline ? [] : this.model.childrenOf(node);
    this.clock.served(children);
    this.childrenServed.fire(node);
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'project' || node.kind === 'broken') return undefined;
    const parent: TreeNode | undefined = node.parent;
    return parent?.kind === 'project' && parent.inline ? undefined : parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItem(node, {
      filtered: this.filterValue.active,
      stateOf: (n) => this.states.of(n.project),
      checking: (entry) => this.states.of(entry).checked?.pending === true,
    });
  }

  /** Tooltips are built only when the user hovers a row. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'patch') item.tooltip = patchTooltip(node, this.states.of(node.project));
    else if (node.kind === 'project') item.tooltip = projectTooltip(node.entry);
    else if (node.kind === 'local') item.tooltip = localTooltip(node.local);
    return item;
  }

  /** The row of patch `id` (in the project of `lockFile` when given, else the first project showing it). */
  findPatch(id: string, lockFile?: string): PatchNode | undefined {
    return this.model.findPatch(id, lockFile);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
