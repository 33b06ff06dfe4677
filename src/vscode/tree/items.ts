import * as vscode from 'vscode';
import * as path from 'node:path';
import { patchContextValue } from '../../core/state/contextValue';
import { checkedState, decisionOf, isRecommended, type ProjectPatchState } from '../../core/state/patchState';
import { patchDisplayTitle } from '../../core/text/displayTitle';
import { replacementText } from '../../core/text/replacementText';
import { stateLabel } from '../../core/text/stateText';
import { productLabel } from '../../core/text/describe';
import { COMMANDS } from '../ids';
import { folderLabel } from '../labels';
import type { CommerceEntry } from '../projects/entries';
import { displayLocale, formatCount, t } from '../l10n';
import { stateIcon, statusIcon } from '../markdown';
import { basename, isAbsolute, relative } from 'node:path';
import type {
  BrokenNode,
  CategoryNode,
  EvidenceNode,
  GroupNode,
  LocalGroupNode,
  LocalNode,
  MessageNode,
  PatchNode,
  ProjectNode,
  TreeNode,
} from './nodes';

/** What a row needs besides its node: whether a filter is on, and the state of the row's project. */
export interface ItemContext {
  filtered: boolean;
  stateOf(node: PatchNode): ProjectPatchState;
  /** Whether the applied check of a project is still running. */
  checking(entry: CommerceEntry): boolean;
}

/** The row VS Code shows for a node (tooltips come later, in `resolveTreeItem`). */
export function treeItem(node: TreeNode, ctx: ItemContext): vscode.TreeItem {
  const item = build(node, ctx);
  item.id = node.key;
  return item;
}

function build(node: TreeNode, ctx: ItemContext): vscode.TreeItem {
  switch (node.kind) {
    case 'project':
      return projectItem(node, ctx.checking(node.entry));
    case 'broken':
      return brokenItem(node);
    case 'group':
      return groupItem(node, ctx.filtered);
    case 'category':
      return categoryItem(node);
    case 'patch':
      return patchItem(node, ctx.stateOf(node));
    case 'evidence':
      return evidenceItem(node);
    case 'localGroup':
      return localGroupItem(node);
    case 'local':
      return localItem(node);
    case 'message':
      return messageItem(node);
  }
}

function projectItem(node: ProjectNode, checking: boolean): vscode.TreeItem {
  const state = node.inline ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded;
  if (node.entry.analysis.project.release !== undefined) {
    // A release browsed without a store: said plainly, so nobody takes it for the workspace's store.
    const item = new vscode.TreeItem(t('Release: {0}', productLabel(node.entry.analysis.project.product)), state);
    item.description = t("not this workspace's store");
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'release';
    return item;
  }
  const item = new vscode.TreeItem(productLabel(node.entry.analysis.project.product), state);
  // Until the applied check is done the rows stand where the triage put them; the project row says it is checking.
  item.description = checking
    ? `${folderLabel(node.entry)} · ${t('checking which patches are applied…')}`
    : folderLabel(node.entry);
  item.iconPath = new vscode.ThemeIcon(checking ? 'loading~spin' : 'package');
  item.contextValue = 'project';
  item.resourceUri = vscode.Uri.file(node.entry.lockFile);
  return item;
}

function brokenItem(node: BrokenNode): vscode.TreeItem {
  const p = node.entry.problem;
  const where = folderLabel(node.entry);
  const item = new vscode.TreeItem(t('composer.lock cannot be read'), vscode.TreeItemCollapsibleState.None);
  item.description =
    p.line !== undefined ? `${where} · ${t('line {0}: {1}', p.line, p.message)}` : `${where} · ${p.message}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.tooltip = `${node.entry.lockFile}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''}\n${p.message}`;
  item.contextValue = 'brokenLock';
  item.command = {
    command: COMMANDS.openLockProblem,
    title: t('Open composer.lock'),
    arguments: [node.entry.lockFile],
  };
  return item;
}

function groupItem(node: GroupNode, filtered: boolean): vscode.TreeItem {
  const state = node.spec.expanded
    ? vscode.TreeItemCollapsibleState.Expanded
    : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.spec.label(), state);
  item.description = filtered
    ? t('{0} of {1}', formatCount(node.patches.length), formatCount(node.total))
    : formatCount(node.total);
  item.iconPath = node.spec.icon();
  item.contextValue = `group.${node.spec.id}`;
  return item;
}

function categoryItem(node: CategoryNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name ?? t('Uncategorized'), vscode.TreeItemCollapsibleState.Collapsed);
  item.description = formatCount(node.patches.length);
  item.iconPath = new vscode.ThemeIcon('symbol-folder');
  item.contextValue = 'category';
  return item;
}

function patchItem(node: PatchNode, state: ProjectPatchState): vscode.TreeItem {
  const { patch, status } = node.triaged;
  // A patch with evidence (a log line, a setting) has it as children.
  const evidence = state.evidence?.get(patch.id)?.evidence.length ?? 0;
  const item = new vscode.TreeItem(
    patch.id,
    evidence > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const spec = node.parent.kind === 'group' ? node.parent.spec : node.parent.parent.spec;
  // In the Skipped group the row says why: the decision's note.
  const note = spec.id === 'skipped' ? decisionOf(state, patch.id)?.note : undefined;
  item.description = note ?? patchDisplayTitle(patch.title, displayLocale());
  // A deprecated patch whose own signature holds says where its evidence leads: its replacement.
  const replacement = state.evidence?.get(patch.id)?.replacement;
  if (replacement !== undefined)
    item.description = `${replacementText(replacement, isRecommended(state, replacement.patch.id))} · ${item.description}`;
  // The state the check found, else the group's icon; in the Applied and Scheduled groups a patch that is not (or
  // no longer) applicable keeps its warning icon.
  const checked = checkedState(state, patch.id);
  item.iconPath =
    checked === 'applied' || checked === 'conflict'
      ? stateIcon(checked)
      : spec.status === undefined && status !== 'applicable'
        ? statusIcon(status)
        : spec.icon();
  // Rows of a browsed release offer documentation only: there is no store to apply to or decide for.
  const release = node.project.analysis.project.release !== undefined;
  item.contextValue = release
    ? 'patch.release'
    : patchContextValue(node.triaged, state, node.project.analysis.project.product.cloud);
  return item;
}

/** `exception.log:1234` with the line, or `dev/js/minify_files = 1` with the file; a click opens the log at the line. */
function evidenceItem(node: EvidenceNode): vscode.TreeItem {
  const e = node.evidence;
  const root = node.parent.project.analysis.project.root;
  if (e.type === 'config') {
    const setting = `${e.path} = ${e.value}`;
    const item = new vscode.TreeItem(setting, vscode.TreeItemCollapsibleState.None);
    item.description = isAbsolute(e.source) ? relative(root, e.source) || e.source : e.source;
    item.iconPath = new vscode.ThemeIcon('settings-gear');
    item.contextValue = 'evidence.config';
    // A database value (bin/magento config:show) has no file to open.
    if (isAbsolute(e.source))
      item.command = { command: COMMANDS.openEvidence, title: t('Open'), arguments: [{ file: e.source }] };
    return item;
  }
  const place = `${basename(e.file)}:${e.line}`;
  const item = new vscode.TreeItem(place, vscode.TreeItemCollapsibleState.None);
  item.description = e.timestamp ? `${e.timestamp} · ${e.text.replace(`[${e.timestamp}]`, '').trim()}` : e.text;
  item.tooltip = `${relative(root, e.file) || e.file}:${e.line}\n${e.text}${e.count > 1 ? `\n${t('{0} matching lines in this file', formatCount(e.count))}` : ''}`;
  item.iconPath = new vscode.ThemeIcon('output');
  item.contextValue = 'evidence.log';
  item.command = {
    command: COMMANDS.openEvidence,
    title: t('Open log at line {0}', e.line),
    arguments: [{ file: e.file, line: e.line }],
  };
  return item;
}

function localGroupItem(node: LocalGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(t('Local patches'), vscode.TreeItemCollapsibleState.Collapsed);
  item.description = formatCount(node.patches.length);
  item.iconPath = new vscode.ThemeIcon('file-code');
  item.contextValue = 'group.local';
  return item;
}

function localItem(node: LocalNode): vscode.TreeItem {
  const { local } = node;
  const item = new vscode.TreeItem(local.file, vscode.TreeItemCollapsibleState.None);
  item.description = [stateLabel(local.state), local.package].filter(Boolean).join(' · ');
  item.iconPath = stateIcon(local.state);
  item.contextValue = `local.${local.state}`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(local.file))
    item.resourceUri = vscode.Uri.file(path.join(node.parent.parent.entry.analysis.project.root, local.file));
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('info');
  item.contextValue = 'message';
  return item;
}
