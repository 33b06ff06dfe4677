import * as vscode from 'vscode';
import { WORKBENCH } from '../ids';
import type { TreeNode } from './nodes';
import type { PatchTreeProvider } from './provider';
import type { PatchView } from './view';

/** The longest wait for a first showing of the view to load its rows before revealing goes ahead anyway. */
const FIRST_LOAD_WAIT_MS = 5_000;
/** The first load is taken as done once VS Code has asked for no rows for this long. */
const FIRST_LOAD_QUIET_MS = 300;
/** Reveals tried at most, each after a fresh load of the view's rows. */
const ATTEMPTS = 3;

/**
 * Shows the Patches view and selects the row `find` gives (looked up again on each attempt), revealing its
 * ancestors first; nothing happens when there is no such row.
 *
 * VS Code's workbench tree batches the children it asks for, and a request made while a batch is being answered
 * can hand an expanded row no children at all (VS Code pull request 243911). That happens when a reveal reaches a
 * view whose first load is still running: VS Code then reloads the view from rows it has already fetched, and with
 * two stores the second store's rows vanish from the workbench while the extension host still knows them (reveal
 * then fails with "Data tree node not found"). So a view shown for the first time is left to finish its first load
 * before anything is revealed, and a reveal that fails reloads every row (a reload fetches them all anew, which the
 * race cannot touch, and VS Code runs the next reveal after it) and tries again.
 */
export async function revealRow(view: PatchView, find: () => TreeNode | undefined): Promise<void> {
  const firstLoad = view.loaded ? undefined : loadSettled(view.provider);
  await vscode.commands.executeCommand(WORKBENCH.showContainer);
  await firstLoad;
  for (let attempt = 1; ; attempt++) {
    const node = find();
    if (node === undefined) return;
    try {
      await revealWithAncestors(view, node);
      return;
    } catch (e) {
      if (attempt >= ATTEMPTS) throw e;
      view.provider.refresh();
    }
  }
}

/** Resolves once VS Code has asked for the roots and then for no rows during a short while (or after a limit). */
function loadSettled(provider: PatchTreeProvider): Promise<void> {
  return new Promise((resolve) => {
    let rootsAsked = false;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      sub.dispose();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const sub = provider.onDidServeChildren((parent) => {
      rootsAsked ||= parent === undefined;
      if (!rootsAsked) return;
      clearTimeout(quiet);
      quiet = setTimeout(done, FIRST_LOAD_QUIET_MS);
    });
    const limit = setTimeout(done, FIRST_LOAD_WAIT_MS);
  });
}

/** Reveals the ancestors first, outermost first, each expanded (its children fetched), then the row, selected. */
async function revealWithAncestors(view: PatchView, node: TreeNode): Promise<void> {
  const ancestors: TreeNode[] = [];
  for (let up = view.provider.getParent(node); up !== undefined; up = view.provider.getParent(up))
    ancestors.unshift(up);
  for (const ancestor of ancestors) await view.view.reveal(ancestor, { select: false, focus: false, expand: true });
  await view.view.reveal(node, { select: true, focus: true, expand: true });
}
