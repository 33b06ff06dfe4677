// Helpers for the integration tests of the Patches view, hover, docs links and status bar: they reach the
// extension through what `activate` returns and read the tree the way VS Code does (getChildren/getTreeItem).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { ExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/vscode/tree/nodes';

export const extensionId = `${manifest.publisher}.${manifest.name}`;

export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(ext, `extension ${extensionId} is not installed`);
  return ext.activate();
}

/** A tree row as VS Code would render it. */
export interface Row {
  node: TreeNode;
  label: string;
  description: string;
  item: vscode.TreeItem;
}

export function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/**
 * Waits until the applied check of every project is done: the view first shows the triage alone ("checking…"),
 * then the state groups; tests read the settled view.
 */
export async function checksSettled(api: ExtensionApi): Promise<void> {
  for (const entry of api.store.commerce()) await api.actions.states.pending(entry);
}

/** The rows below `parent` (the top level when undefined), read once the applied checks are done. */
export async function rows(api: ExtensionApi, parent?: TreeNode): Promise<Row[]> {
  await checksSettled(api);
  const provider: vscode.TreeDataProvider<TreeNode> = api.view.provider;
  const nodes = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await provider.getTreeItem(node);
      return { node, item, label: labelOf(item), description: String(item.description ?? '') };
    }),
  );
}

/**
 * The group rows of the `index`-th project: below its row, or, for a workspace with a single project (shown as
 * a header row), the rows beside it at the top level.
 */
export async function projectGroups(api: ExtensionApi, index = 0): Promise<Row[]> {
  const roots = await rows(api);
  const project = roots.filter((r) => r.node.kind === 'project')[index];
  assert.ok(project, `no project #${index} among ${roots.map((r) => r.label).join(', ')}`);
  if (project.node.kind === 'project' && project.node.inline) return roots.filter((r) => r.node !== project.node);
  return rows(api, project.node);
}

/** The group row labelled `label` of the `index`-th project. */
export async function groupRow(api: ExtensionApi, label: string, index = 0): Promise<Row> {
  const groups = await projectGroups(api, index);
  const found = groups.find((r) => r.label === label);
  assert.ok(found, `no group "${label}" among: ${groups.map((r) => `${r.label} (${r.description})`).join(', ')}`);
  return found;
}

/** The row whose label is `label` among the children of `parent`; fails listing what is there. */
export async function row(api: ExtensionApi, label: string, parent?: TreeNode): Promise<Row> {
  const all = await rows(api, parent);
  const found = all.find((r) => r.label === label);
  assert.ok(found, `no row "${label}" among: ${all.map((r) => `${r.label} (${r.description})`).join(', ')}`);
  return found;
}

/** Every patch row below `parent`, through category sub-groups. */
export async function patchRows(api: ExtensionApi, parent: TreeNode): Promise<Row[]> {
  const out: Row[] = [];
  for (const r of await rows(api, parent)) {
    if (r.node.kind === 'patch') out.push(r);
    else out.push(...(await patchRows(api, r.node)));
  }
  return out;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves on the store's next (debounced) change event. */
export function nextChange(api: ExtensionApi, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no refresh within ${ms} ms`));
    }, ms);
    const sub = api.store.onDidChange(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** Sets a user-level setting (never the fixture folder's .vscode/settings.json). */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('commercePatches').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The text of the hovers VS Code shows at `position` (every provider, as the editor would ask them), unescaped. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.map((h) => plain(h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')));
}

/** Records what the extension would open in the browser instead of opening it. */
export function recordOpenedUrls(api: ExtensionApi): { urls: string[]; restore(): void } {
  const urls: string[] = [];
  const previous = api.setOpener((url) => {
    urls.push(url);
    return Promise.resolve(true);
  });
  return { urls, restore: () => api.setOpener(previous) };
}

/** Prints a line in the test output (under code-server only marked lines reach the runner). */
export function report(line: string): void {
  console.log(`${process.env.INTEGRATION_CONSOLE_MARKER ?? ''}${line}`);
}

/** Markdown as a reader sees it: VS Code's escapes and non-breaking spaces from appendText undone. */
export function plain(markdown: string): string {
  // The extension escapes every ASCII punctuation character of data with a backslash (CommonMark allows it).
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * The clipboard's text, or undefined when this VS Code cannot read it within 3 s (a browser-hosted workbench
 * whose page was not granted clipboard permissions never answers).
 */
export async function clipboardText(): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), 3000)));
  try {
    return await Promise.race([Promise.resolve(vscode.env.clipboard.readText()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until an (async) probe holds; fails naming what it waited for. */
export async function until(what: string, probe: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
