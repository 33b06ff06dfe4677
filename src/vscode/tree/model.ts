import type { PatchFilter } from '../../core/triage/filter';
import type { TriagedPatch } from '../../core/triage/triaged';
import { displayLocale, t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import { groupBy, shownStatuses } from '../settings';
import type { PatchStateSource } from '../state/patchStates';
import { applicableShown, CATEGORY_THRESHOLD, GROUPS, LOCAL_GROUP_ID } from './groups';
import type { CategoryNode, GroupNode, LocalNode, PatchNode, ProjectNode, TreeNode } from './nodes';
import { workspaceState, type RootSummary } from './summary';

/**
 * Projects → status groups (with counts) → categories (for large groups, when grouping by category) → patches.
 * Nodes are built when asked for and kept until `reset`, so `reveal` finds the same objects VS Code has.
 */
export class TreeModel {
  private roots: TreeNode[] | undefined;
  private summaryValue: RootSummary | undefined;
  /** A release browsed without a store: shown instead of the workspace's projects while set. */
  browsed: CommerceEntry | undefined;

  constructor(
    private readonly store: ProjectStore,
    private readonly states: PatchStateSource,
    private readonly filter: () => PatchFilter,
    /** Hears each new summary (when the roots are computed). */
    private readonly onSummary: (summary: RootSummary) => void,
  ) {}

  reset(): void {
    this.roots = undefined;
    this.summaryValue = undefined;
  }

  /** The summary of the current roots (computing them when needed). */
  summary(): RootSummary {
    if (this.summaryValue === undefined) this.rootNodes();
    return this.summaryValue as RootSummary;
  }

  childrenOf(node: TreeNode | undefined): TreeNode[] {
    if (node === undefined) return this.rootNodes();
    switch (node.kind) {
      case 'project':
        return (node.children ??= this.groupsOf(node));
      case 'group':
        return (node.children ??= this.groupChildren(node));
      case 'category':
        return (node.children ??= node.patches.map((p) => patchNode(node, node.parent.parent.entry, p)));
      case 'patch':
        return (node.children ??= this.evidenceOf(node));
      case 'localGroup':
        return (node.children ??= node.patches.map((local, i): LocalNode => ({
          kind: 'local',
          key: `${node.key}|${i}`,
          parent: node,
          local,
        })));
      default:
        return [];
    }
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

  /** A patch's evidence rows: its log lines (most recent first per file) and settings. */
  private evidenceOf(node: PatchNode): TreeNode[] {
    const found = this.states.of(node.project).evidence?.get(node.triaged.patch.id)?.evidence ?? [];
    return found.map((evidence, i) => ({ kind: 'evidence', key: `${node.key}|e${i}`, parent: node, evidence }));
  }

  private rootNodes(): TreeNode[] {
    if (this.roots !== undefined) return this.roots;
    const roots: TreeNode[] = [];
    const statuses = shownStatuses();
    let applicable = 0;
    const browsed = this.browsed;
    if (browsed !== undefined) {
      roots.push({ kind: 'project', key: `release:${browsed.analysis.project.release ?? ''}`, entry: browsed });
      applicable = browsed.analysis.result.counts.applicable;
    }
    for (const entry of browsed !== undefined ? [] : this.store.all()) {
      if (entry.kind === 'error') {
        roots.push({ kind: 'broken', key: `broken:${entry.lockFile}`, entry });
      } else if (entry.analysis.project.product !== null) {
        roots.push({ kind: 'project', key: `project:${entry.lockFile}`, entry: entry as CommerceEntry });
        applicable += applicableShown(entry.analysis.result.patches, this.states.of(entry as CommerceEntry), statuses);
      }
    }
    let shown = 0;
    let total = 0;
    let recommended = 0;
    for (const root of roots) {
      if (root.kind !== 'project') continue;
      for (const group of this.childrenOf(root)) {
        if (group.kind !== 'group') continue;
        if (group.spec.id === 'recommended') {
          recommended += group.total;
          continue; // its patches are counted in their status groups too
        }
        shown += group.patches.length;
        total += group.total;
      }
    }
    const state = workspaceState(roots, this.store.folders());
    // Without any Commerce project the welcome content explains the state (the Problems panel has a broken
    // lock's error); unreadable locks get rows only beside working projects.
    this.roots = state === 'ready' ? roots : [];
    const [only] = this.roots;
    if (this.roots.length === 1 && only?.kind === 'project') {
      // A single project: its row becomes a header and its groups move up a level (one expansion less).
      only.inline = true;
      this.roots = [only, ...this.childrenOf(only)];
    }
    const problem = roots.find((r) => r.kind === 'broken')?.entry.problem;
    this.summaryValue = { state, applicable, recommended, problem, shown, total };
    this.onSummary(this.summaryValue);
    return this.roots;
  }

  private groupsOf(project: ProjectNode): TreeNode[] {
    const statuses = shownStatuses();
    const locale = displayLocale();
    const filter = this.filter();
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
      const all = patchesOf.filter(
        (p) => spec.includes(p, state) && !(spec.status !== undefined && taken.has(p.patch.id)),
      );
      const patches = all.filter((p) => filter.matches(p.patch, locale));
      if (patches.length === 0) continue;
      groups.push({
        kind: 'group',
        key: `${project.key}|${spec.id}`,
        parent: project,
        spec,
        patches,
        total: all.length,
      });
    }
    const local = state.checked?.local ?? [];
    if (statuses.has(LOCAL_GROUP_ID) && local.length > 0 && !filter.active) {
      groups.push({ kind: 'localGroup', key: `${project.key}|${LOCAL_GROUP_ID}`, parent: project, patches: local });
    }
    if (groups.length === 0) {
      const text = filter.active ? t('No patch matches “{0}”.', filter.text) : t('No patch in the statuses shown.');
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
    return names.map((name): CategoryNode => ({
      kind: 'category',
      key: `${group.key}|c:${name ?? ''}`,
      parent: group,
      name,
      patches: byCategory.get(name) ?? [],
    }));
  }
}

function patchNode(parent: GroupNode | CategoryNode, project: CommerceEntry, triaged: TriagedPatch): PatchNode {
  return { kind: 'patch', key: `${parent.key}|${triaged.patch.id}`, parent, project, triaged };
}
