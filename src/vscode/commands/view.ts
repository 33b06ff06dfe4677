import * as vscode from 'vscode';
import { t } from '../l10n';
import { openProblem } from '../problems';
import type { ProjectStore } from '../projects/store';
import { revealRow } from '../tree/reveal';
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
  await revealRow(view, () => provider.findPatch(ref.id, ref.lockFile));
}

/** Opens an unreadable composer.lock at its error: the one named, else the first. */
export async function openLockProblemCommand(store: ProjectStore, arg: unknown): Promise<void> {
  const broken = store.all().flatMap((e) => (e.kind === 'error' ? [e] : []));
  const entry = broken.find((e) => e.lockFile === arg) ?? broken[0];
  if (entry !== undefined) await openProblem(entry.problem);
}
