import * as path from 'node:path';
import * as vscode from 'vscode';
import { localized } from '../../core/locale';
import type { Problem } from '../../core/problem';
import { productLabel } from '../../core/text/describe';
import type { TriagedPatch } from '../../core/triage/triaged';
import { displayLocale, formatCount, t } from '../l10n';
import { appendPatchHeader, appendTriageDetails, newMarkdown, statusIcon } from '../patchMarkdown';
import { appendPatchState } from '../patchStateText';
import { NO_PATCH_STATE, type PatchStateSource } from '../patchStates';
import type { CommerceEntry, ProjectStore } from '../projectStore';
import { groupBy, SECTION, shownStatuses } from '../settings';
import { CATEGORY_THRESHOLD, GROUPS } from './groups';
import type { CategoryNode, GroupNode, PatchNode, ProjectNode, TreeNode } from './nodes';
import { patchContextValue } from './patchContext';
import { PatchFilter } from './patchFilter';
import { projectTooltip } from './projectTooltip';

/** What the view shows as a whole; drives the welcome content, the badge and the view message. */
export type WorkspaceState = 'noFolder' | 'noComposer' | 'composerJsonOnly' | 'notCommerce' | 'lockError' | 'ready';

export interface RootSummary {
  state: WorkspaceState;
  /** Applicable patches over all Commerce projects (ignoring the filter). */
  applicable: number;
  /** The first unreadable composer.lock, when there is one. */
  problem: Problem | undefined;
  /** Patch rows that pass the filter, over all shown groups and projects; and the total without the filter. */
  shown: number;
  total: number;
}

/** Milliseconds (performance.now()) at which the tree first answered, for the speed figures. */
export interface TreeTimings {
  /** VS Code first asked for the roots (the view became visible). */
  firstRootsRequest?: number;
  firstRoots?: number;
  firstPatchRows?: number;
  /** Since the last refresh (store change, Refresh, setting). */
  lastRefresh?: number;
  lastPatchRows?: number;
}

/**
 * Projects → status groups (with counts) → categories (for large groups, when grouping by category) → patches.
 * Nodes are built when VS Code asks for them and kept until the next refresh, so `reveal` finds the same objects.
 */
export class PatchTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly summaryChanged = new vscode.EventEmitter<RootSummary>();
  /** Fires each time the roots are computed. */
  readonly onDidSummarize = this.summaryChanged.event;
  private readonly patchRowsServed = new vscode.EventEmitter<number>();
  /** Fires the first time patch rows are handed to VS Code after a refresh, with performance.now(). */
  readonly onDidServePatchRows = this.patchRowsServed.event;

  private roots: TreeNode[] | undefined;
  private filterValue = new PatchFilter('');
  private summaryValue: RootSummary | undefined;
  private pendingPatchRowsTiming = true;
  readonly timings: TreeTimings = {};
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: ProjectStore,
    private readonly states: PatchStateSource = NO_PATCH_STATE,
  ) {
    this.disposables = [
      this.treeChanged,
      this.summaryChanged,
      this.patchRowsServed,
      store.onDidChange(() => this.refresh()),
      states.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.groupBy`) || e.affectsConfiguration(`${SECTION}.statuses`)) this.refresh();
      }),
    ];
  }

  get filter(): PatchFilter {
    return this.filterValue;
  }

  /** Narrows the view to patches matching `text` (empty shows all). */
  setFilter(text: string): void {
    this.filterValue = new PatchFilter(text);
    this.refresh();
  }

  /** The summary of the last computed roots (computing them when needed). */
  summary(): RootSummary {
    if (this.summaryValue === undefined) this.rootNodes();
    return this.summaryValue as RootSummary;
  }

  refresh(): void {
    this.roots = undefined;
    this.summaryValue = undefined;
    this.timings.lastRefresh = performance.now();
    this.pendingPatchRowsTiming = true;
    this.treeChanged.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node === undefined) this.timings.firstRootsRequest ??= performance.now();
    // The inline project's groups are already at the top level.
    const children = node?.kind === 'project' && node.inline ? [] : this.childrenOf(node);
    if (this.pendingPatchRowsTiming && children.some((c) => c.kind === 'patch' || c.kind === 'category')) {
      const now = performance.now();
      this.timings.firstPatchRows ??= now;
      this.timings.lastPatchRows = now;
      this.pendingPatchRowsTiming = false;
      this.patchRowsServed.fire(now);
    }
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'project' || node.kind === 'broken') return undefined;
    const parent = node.parent;
    return parent?.kind === 'project' && parent.inline ? undefined : parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': {
        const state = node.inline ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem(productLabel(node.entry.analysis.project.product, t), state);
        item.description = folderLabel(node.entry);
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'project';
        item.resourceUri = vscode.Uri.file(node.entry.lockFile);
        return withId(item, node.key);
      }
      case 'broken': {
        const p = node.entry.problem;
        const item = new vscode.TreeItem(t('composer.lock cannot be read'), vscode.TreeItemCollapsibleState.None);
        item.description = p.line !== undefined ? `${folderLabel(node.entry)} · ${t('line {0}: {1}', p.line, p.message)}` : `${folderLabel(node.entry)} · ${p.message}`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.tooltip = `${node.entry.lockFile}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''}\n${p.message}`;
        item.contextValue = 'brokenLock';
        item.command = { command: 'commercePatches.openLockProblem', title: t('Open composer.lock'), arguments: [node.entry.lockFile] };
        return withId(item, node.key);
      }
      case 'group': {
        const state = node.spec.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(node.spec.label(t), state);
        item.description = this.filterValue.active
          ? t('{0} of {1}', formatCount(node.patches.length), formatCount(node.total))
          : formatCount(node.total);
        item.iconPath = node.spec.icon();
        item.contextValue = `group.${node.spec.id}`;
        return withId(item, node.key);
      }
      case 'category': {
        const item = new vscode.TreeItem(node.name ?? t('Uncategorized'), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = formatCount(node.patches.length);
        item.iconPath = new vscode.ThemeIcon('symbol-folder');
        item.contextValue = 'category';
        return withId(item, node.key);
      }
      case 'patch': {
        const { patch, status } = node.triaged;
        const item = new vscode.TreeItem(patch.id, vscode.TreeItemCollapsibleState.None);
        item.description = localized(patch.title, displayLocale());
        const spec = node.parent.kind === 'group' ? node.parent.spec : node.parent.parent.spec;
        // In the Applied and Scheduled groups a patch that is not (or no longer) applicable keeps its warning icon.
        item.iconPath = spec.status === undefined && status !== 'applicable' ? statusIcon(status) : spec.icon();
        item.contextValue = patchContextValue(node.triaged, this.states.of(node.project), node.project.analysis.project.product.cloud);
        return withId(item, node.key);
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.contextValue = 'message';
        return withId(item, node.key);
      }
    }
  }

  /** Tooltips are built only when the user hovers a row. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'patch') {
      const md = newMarkdown();
      appendPatchHeader(md, node.triaged.patch, displayLocale(), t);
      appendTriageDetails(md, node.triaged, node.project.analysis.project.qpt.installed, t);
      appendPatchState(md, node.triaged.patch.id, this.states.of(node.project), t);
      item.tooltip = md;
    } else if (node.kind === 'project') {
      item.tooltip = projectTooltip(node.entry);
    }
    return item;
  }

  /** The row of patch `id` (in the project of `lockFile` when given, else the first project showing it). */
  findPatch(id: string, lockFile?: string): PatchNode | undefined {
    const projects = this.rootNodes().filter((n): n is ProjectNode => n.kind === 'project');
    projects.sort((a, b) => Number(b.entry.lockFile === lockFile) - Number(a.entry.lockFile === lockFile));
    for (const project of projects) {
      for (const group of this.childrenOf(project)) {
        if (group.kind !== 'group' || !group.patches.some((p) => p.patch.id === id)) continue;
        for (const child of this.childrenOf(group)) {
          if (child.kind === 'patch' && child.triaged.patch.id === id) return child;
          if (child.kind === 'category') {
            const row = this.childrenOf(child).find((c) => c.kind === 'patch' && c.triaged.patch.id === id);
            if (row !== undefined) return row as PatchNode;
          }
        }
      }
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private childrenOf(node: TreeNode | undefined): TreeNode[] {
    if (node === undefined) return this.rootNodes();
    switch (node.kind) {
      case 'project':
        return (node.children ??= this.groupsOf(node));
      case 'group':
        return (node.children ??= this.groupChildren(node));
      case 'category':
        return (node.children ??= node.patches.map((p) => patchNode(node, node.parent.parent.entry, p)));
      default:
        return [];
    }
  }

  private rootNodes(): TreeNode[] {
    if (this.roots !== undefined) return this.roots;
    this.timings.firstRoots ??= performance.now();
    const roots: TreeNode[] = [];
    let applicable = 0;
    for (const entry of this.store.all()) {
      if (entry.kind === 'error') {
        roots.push({ kind: 'broken', key: `broken:${entry.lockFile}`, entry });
      } else if (entry.analysis.project.product !== null) {
        roots.push({ kind: 'project', key: `project:${entry.lockFile}`, entry: entry as CommerceEntry });
        applicable += entry.analysis.result.counts.applicable;
      }
    }
    let shown = 0;
    let total = 0;
    for (const root of roots) {
      if (root.kind !== 'project') continue;
      for (const group of this.childrenOf(root)) {
        if (group.kind !== 'group') continue;
        shown += group.patches.length;
        total += group.total;
      }
    }
    const state = this.workspaceState(roots);
    // Without any Commerce project the welcome content explains the state (the Problems panel has a broken
    // lock's error); unreadable locks get rows only beside working projects.
    this.roots = state === 'ready' ? roots : [];
    const [only] = this.roots;
    if (this.roots.length === 1 && only?.kind === 'project') {
      // A single project: its row becomes a header and its groups move up a level (one expansion less).
      only.inline = true;
      this.roots = [only, ...this.childrenOf(only)];
    }
    this.summaryValue = {
      state,
      applicable,
      problem: roots.find((r) => r.kind === 'broken')?.entry.problem as Problem | undefined,
      shown,
      total,
    };
    this.summaryChanged.fire(this.summaryValue);
    return this.roots;
  }

  private workspaceState(roots: TreeNode[]): WorkspaceState {
    if (roots.some((r) => r.kind === 'project')) return 'ready';
    if (roots.some((r) => r.kind === 'broken')) return 'lockError';
    const folders = this.store.folders();
    if (folders.length === 0) return 'noFolder';
    if (folders.some((f) => f.status.kind === 'locks')) return 'notCommerce';
    if (folders.some((f) => f.status.kind === 'composer-json-only')) return 'composerJsonOnly';
    return 'noComposer';
  }

  private groupsOf(project: ProjectNode): TreeNode[] {
    const statuses = shownStatuses();
    const locale = displayLocale();
    const groups: TreeNode[] = [];
    const state = this.states.of(project.entry);
    const specs = GROUPS.filter((spec) => statuses.has(spec.id));
    const patchesOf = project.entry.analysis.result.patches;
    // Patches a shown group takes (applied ones) leave the status groups; hidden, they stay where the triage put them.
    const taken = new Set<string>();
    for (const spec of specs) {
      if (spec.takes) for (const p of patchesOf) if (spec.includes(p, state)) taken.add(p.patch.id);
    }
    for (const spec of specs) {
      const all = patchesOf.filter((p) => spec.includes(p, state) && !(spec.status !== undefined && taken.has(p.patch.id)));
      const patches = all.filter((p) => this.filterValue.matches(p.patch, locale));
      if (patches.length === 0) continue;
      groups.push({ kind: 'group', key: `${project.key}|${spec.id}`, parent: project, spec, patches, total: all.length });
    }
    if (groups.length === 0) {
      const text = this.filterValue.active
        ? t('No patch matches “{0}”.', this.filterValue.text)
        : t('No patch in the statuses shown.');
      groups.push({ kind: 'message', key: `${project.key}|message`, parent: project, text });
    }
    return groups;
  }

  private groupChildren(group: GroupNode): TreeNode[] {
    const entry = group.parent.entry;
    if (groupBy() === 'flat' || group.patches.length <= CATEGORY_THRESHOLD) {
      return group.patches.map((p) => patchNode(group, entry, p));
    }
    const byCategory = new Map<string | undefined, TriagedPatch[]>();
    for (const p of group.patches) {
      const names = p.patch.categories.length > 0 ? p.patch.categories : [undefined];
      for (const name of names) {
        const list = byCategory.get(name) ?? [];
        list.push(p);
        byCategory.set(name, list);
      }
    }
    const names = [...byCategory.keys()].sort((a, b) =>
      a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' }),
    );
    return names.map(
      (name): CategoryNode => ({
        kind: 'category',
        key: `${group.key}|c:${name ?? ''}`,
        parent: group,
        name,
        patches: byCategory.get(name) ?? [],
      }),
    );
  }
}

function patchNode(parent: GroupNode | CategoryNode, project: CommerceEntry, triaged: TriagedPatch): PatchNode {
  return { kind: 'patch', key: `${parent.key}|${triaged.patch.id}`, parent, project, triaged };
}

function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}

/** "store-a" for a lock at a folder's root in a multi-root workspace, "monorepo/stores/b" below it. */
export function folderLabel(entry: { lockFile: string; folder: vscode.WorkspaceFolder }): string {
  const rel = path.relative(entry.folder.uri.fsPath, path.dirname(entry.lockFile));
  return rel === '' ? entry.folder.name : `${entry.folder.name}/${rel.split(path.sep).join('/')}`;
}
