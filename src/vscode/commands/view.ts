import * as vscode from 'vscode';
import { WORKBENCH } from '../ids';
import { t } from '../l10n';
import { openProblem } from '../problems';
import type { ProjectStore } from '../projects/store';
import type { TreeNode } from '../tree/nodes';
import type { PatchView } from '../tree/view';
import { toRef } from './args';

/** "Filter": asks for words and narrows the Patches view to the patches that have them all. */
export async function filterCommand(view: PatchView): Promise<void> {
  const text = await vscode.window.showInputBox({
    title: t('Filter patches'),
    prompt: t('Words to find in the patch ID, title or category; leave empty to show all.'),
    placeHolder: t('e.g. checkout, ACSD-61103, Performance'),
    value: view.provider.filter.text,
  });
  if (text !== undefined) view.provider.setFilter(text);
}

/** "Reveal in sidebar": shows the patch's row (clearing a filter that hides it). */
export async function revealCommand(view: PatchView, arg: unknown): Promise<void> {
  const ref = toRef(arg);
  if (ref === undefined) return;
  const provider = view.provider;
  if (provider.findPatch(ref.id, ref.lockFile) === undefined && provider.filter.active) provider.setFilter('');
  if (provider.findPatch(ref.id, ref.lockFile) === undefined) {
    void vscode.window.showInformationMessage(
      t(
        '{0} is not in the Patches view: its status is not among those shown (setting commercePatches.statuses).',
        ref.id,
      ),
    );
    return;
  }
  await vscode.commands.executeCommand(WORKBENCH.showContainer);
  // A refresh of the view (a store's state arriving) while the rows are being revealed makes VS Code drop the rows it
  // was given: the row is looked up again and revealed anew, a few times at most.
  for (let attempt = 1; ; attempt++) {
    const node = provider.findPatch(ref.id, ref.lockFile);
    if (node === undefined) return;
    try {
      await revealWithAncestors(view, node);
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Reveals the ancestors first, outermost first, each expanded (its children fetched), then the row, selected. */
async function revealWithAncestors(view: PatchView, node: TreeNode): Promise<void> {
  const ancestors: TreeNode[] = [];
  for (let up = view.provider.getParent(node); up !== undefined; up = view.provider.getParent(up))
    ancestors.unshift(up);
  for (const ancestor of ancestors) await view.view.reveal(ancestor, { select: false, focus: false, expand: true });
  await view.view.reveal(node, { select: true, focus: true, expand: true });
}

/** Opens an unreadable composer.lock at its error: the one named, else the first. */
export async function openLockProblemCommand(store: ProjectStore, arg: unknown): Promise<void> {
  const broken = store.all().flatMap((e) => (e.kind === 'error' ? [e] : []));
  const entry = broken.find((e) => e.lockFile === arg) ?? broken[0];
  if (entry !== undefined) await openProblem(entry.problem);
}
