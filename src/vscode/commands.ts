import * as vscode from 'vscode';
import type { Patch } from '../core/catalog/patch';
import { isWellFormedPatchId, normalizePatchId } from '../core/catalog/patchId';
import { docsLink, type DocsLink } from '../core/docs/docsUrl';
import { COMMANDS, CONTAINER_ID, type PatchRef } from './commandLinks';
import { displayLocale, t } from './l10n';
import type { ProjectStore } from './projectStore';
import type { PatchView } from './patchView';
import { setGroupBy } from './settings';
import type { TreeNode } from './tree/nodes';

/** Opens a URL outside VS Code; tests swap it to see where a command would go. */
export type UrlOpener = (url: string) => Thenable<boolean>;

export const defaultOpener: UrlOpener = (url) => vscode.env.openExternal(vscode.Uri.parse(url, true));

export interface CommandContext {
  store: ProjectStore;
  view: PatchView;
  opener: () => UrlOpener;
}

/** Registers every command of the extension. Commands validate their arguments: other extensions can call them too. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { store, view } = ctx;
  const provider = view.provider;
  const register = (id: string, fn: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, fn);
  return [
    register(COMMANDS.refresh, () => store.refresh()),
    register(COMMANDS.filter, async () => {
      const text = await vscode.window.showInputBox({
        title: t('Filter patches'),
        prompt: t('Words to find in the patch ID, title or category; leave empty to show all.'),
        placeHolder: t('e.g. checkout, ACSD-61103, Performance'),
        value: provider.filter.text,
      });
      if (text !== undefined) provider.setFilter(text);
    }),
    register(COMMANDS.clearFilter, () => provider.setFilter('')),
    register(COMMANDS.groupByCategory, () => setGroupBy('category')),
    register(COMMANDS.groupFlat, () => setGroupBy('flat')),
    register(COMMANDS.openDocs, async (arg) => {
      // From the palette (no argument) ask for an ID; an argument that is not a patch is ignored.
      const ref = arg === undefined ? await askForId() : toRef(arg);
      if (ref === undefined) return;
      const link = docsLinkFor(store, ref);
      if (link.kind === 'search') {
        // The search page cannot be given a search term: put the ID where a paste finds it. Not awaited: in a
        // browser-hosted VS Code the clipboard may wait for a permission, which must not hold up the page.
        void copy(ref.id, t('{0} copied: paste it into the search box of the page.', ref.id), 10_000);
      }
      await ctx.opener()(link.url);
    }),
    register(COMMANDS.copyId, async (arg) => {
      const ref = toRef(arg);
      if (ref === undefined) return;
      await copy(ref.id, t('Copied {0}', ref.id), 5_000);
    }),
    register(COMMANDS.reveal, async (arg) => {
      const ref = toRef(arg);
      if (ref !== undefined) await reveal(view, ref);
    }),
    register(COMMANDS.openLockProblem, async (arg) => {
      const problem =
        typeof arg === 'string' ? store.all().find((e) => e.kind === 'error' && e.lockFile === arg) : undefined;
      const p = problem?.kind === 'error' ? problem.problem : provider.summary().problem;
      if (p === undefined) return;
      const position = new vscode.Position(Math.max(0, (p.line ?? 1) - 1), Math.max(0, (p.column ?? 1) - 1));
      await vscode.window.showTextDocument(vscode.Uri.file(p.file), { selection: new vscode.Range(position, position) });
    }),
    register(COMMANDS.showView, () => vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER_ID}`)),
  ];
}

async function copy(text: string, message: string, ms: number): Promise<void> {
  try {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(message, ms);
  } catch (e) {
    void vscode.window.showWarningMessage(t('Could not copy {0}: {1}', text, e instanceof Error ? e.message : String(e)));
  }
}

/** The patch a command is about: a tree row, a `{id, lockFile}` from a hover link, or an ID. */
export function toRef(arg: unknown): PatchRef | undefined {
  if (typeof arg === 'string') return isWellFormedPatchId(arg.trim()) ? { id: normalizePatchId(arg) } : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as Partial<TreeNode>;
  if (node.kind === 'patch' && 'triaged' in node && node.triaged !== undefined) {
    return { id: node.triaged.patch.id, lockFile: node.project?.lockFile };
  }
  const ref = arg as { id?: unknown; lockFile?: unknown };
  if (typeof ref.id !== 'string' || ref.id.length === 0 || ref.id.length > 100) return undefined;
  return { id: ref.id, lockFile: typeof ref.lockFile === 'string' ? ref.lockFile : undefined };
}

/** The catalog entry for `ref` (from its project when given, else the first project that knows it). */
export function findPatch(store: ProjectStore, ref: PatchRef): Patch | undefined {
  const projects = store.commerce();
  projects.sort((a, b) => Number(b.lockFile === ref.lockFile) - Number(a.lockFile === ref.lockFile));
  for (const project of projects) {
    const patch = project.analysis.catalog.patches.get(ref.id);
    if (patch !== undefined) return patch;
  }
  return undefined;
}

/** Where "Open documentation" goes for `ref` in the display language. */
export function docsLinkFor(store: ProjectStore, ref: PatchRef): DocsLink {
  return docsLink(findPatch(store, ref) ?? { id: ref.id }, displayLocale());
}

async function askForId(): Promise<PatchRef | undefined> {
  const id = await vscode.window.showInputBox({
    title: t('Open patch documentation'),
    prompt: t('Patch ID'),
    placeHolder: 'ACSD-61103',
    validateInput: (value) =>
      value.trim() === '' || isWellFormedPatchId(value.trim()) ? undefined : t('Not a patch ID (like ACSD-61103 or MDVA-39305-V3).'),
  });
  return id === undefined || id.trim() === '' ? undefined : { id: normalizePatchId(id) };
}

async function reveal(view: PatchView, ref: PatchRef): Promise<void> {
  const provider = view.provider;
  let node = provider.findPatch(ref.id, ref.lockFile);
  if (node === undefined && provider.filter.active) {
    provider.setFilter('');
    node = provider.findPatch(ref.id, ref.lockFile);
  }
  if (node === undefined) {
    void vscode.window.showInformationMessage(
      t('{0} is not in the Patches view: its status is not among those shown (setting commercePatches.statuses).', ref.id),
    );
    return;
  }
  await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER_ID}`);
  await view.view.reveal(node, { select: true, focus: true, expand: true });
}
