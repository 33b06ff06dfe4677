import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StateReason } from '../../core/applied/appliedState';
import { type Preview, previewLocal, previewPatch } from '../../core/applied/preview';
import { stateReasonText } from '../../core/text/stateText';
import { OWN, WORKBENCH } from '../ids';
import { t } from '../l10n';
import { isCommerce } from '../projects/entries';
import { badArgMessage, type LocalRef, toLocalRef, toRef } from './args';
import { type ActionContext, choosePatch } from './context';

/** Read-only documents with the text of a file as a patch would leave it, for the diff editor. */
export class PatchPreviews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  /** A document URI for `text`, named after `file` (so the editor picks its language). */
  add(file: string, text: string): vscode.Uri {
    const key = String(++this.next);
    this.texts.set(key, text);
    if (this.texts.size > 200) this.texts.delete(this.texts.keys().next().value as string);
    return vscode.Uri.from({
      scheme: OWN.previewScheme,
      path: '/' + file.replace(/\\/g, '/').replace(/^\/+/, ''),
      query: key,
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.query) ?? '';
  }
}

/** What Show Patch Changes did (the integration tests read it). */
export type ShowChangesResult =
  | { outcome: 'diff'; direction: 'forward' | 'reverse'; files: string[] }
  | { outcome: 'conflict'; file: string; line: number }
  | { outcome: 'none'; why: string };

/**
 * Show Patch Changes: VS Code's diff editor for each file of the patch, the vendor file as it is now against the file
 * as the patch would make it (as reverting would make it, for an applied patch); for a conflict, the file at the hunk
 * that does not match. A catalog patch (row, hover link, ID) or a row of the Local patches group. Runs nothing and
 * writes nothing: works in untrusted workspaces.
 */
export async function showChangesCommand(
  ctx: ActionContext,
  previews: PatchPreviews,
  arg: unknown,
): Promise<ShowChangesResult> {
  const local = toLocalRef(arg);
  if (local !== undefined) return showLocalChanges(ctx, previews, local);
  let target = arg;
  if (target === undefined || target === null) {
    // From the palette: a pick among the patches the check could read.
    const found = await choosePatch(ctx, undefined, t('Show patch changes'), async (e) =>
      [...(await ctx.states.checked.status(e.analysis)).patches.values()]
        .filter((s) => s.state !== 'unknown')
        .map((s) => s.id),
    );
    if (found.kind === 'done')
      return { outcome: 'none', why: found.result.outcome === 'refused' ? found.result.why : '' };
    target = { id: found.id, lockFile: found.entry.lockFile };
  }
  const ref = toRef(target);
  if (ref === undefined) return none(badArgMessage(String(arg)));
  const entries = ctx.store.all().filter(isCommerce);
  const entry =
    entries.find((e) => e.lockFile === ref.lockFile && e.analysis.result.byId.has(ref.id)) ??
    entries.find(
      (e) => e.analysis.result.byId.get(ref.id)?.status !== 'not-applicable' && e.analysis.result.byId.has(ref.id),
    );
  if (entry === undefined) return none(t('{0} does not apply to any project in the workspace.', ref.id));
  const status = await ctx.states.checked.status(entry.analysis);
  const preview = previewPatch(entry.analysis.project, status, ref.id);
  return show(previews, ref.id, preview, status.patches.get(ref.id)?.reason);
}

/** Show Patch Changes for a local patch: the same diff editors, the patch checked alone as the project lists it. */
async function showLocalChanges(
  ctx: ActionContext,
  previews: PatchPreviews,
  ref: LocalRef,
): Promise<ShowChangesResult> {
  const entry = ctx.store.all().find((e) => e.lockFile === ref.lockFile);
  if (entry === undefined || !isCommerce(entry))
    return none(t('No changes to show for {0}: {1}', ref.file, t('it was not checked')));
  const status = await ctx.states.checked.status(entry.analysis);
  const local = status.local.find((l) => l.file === ref.file && l.package === ref.package);
  if (local === undefined) return none(t('No changes to show for {0}: {1}', ref.file, t('it was not checked')));
  return show(previews, path.basename(ref.file), previewLocal(entry.analysis.project, status, local), local.reason);
}

/** Opens what a preview holds: a diff editor per file, the file at the conflict, or a message saying why not. */
async function show(
  previews: PatchPreviews,
  name: string,
  preview: Preview,
  reason: StateReason | undefined,
): Promise<ShowChangesResult> {
  if (preview.kind === 'none') {
    return none(
      t(
        'No changes to show for {0}: {1}',
        name,
        reason !== undefined ? stateReasonText(reason) : t('it was not checked'),
      ),
    );
  }
  if (preview.kind === 'conflict') {
    const line = Math.max(0, preview.line - 1);
    await vscode.window.showTextDocument(vscode.Uri.file(preview.file), {
      selection: new vscode.Range(line, 0, line, 0),
    });
    void vscode.window.showWarningMessage(
      t('{0} does not apply: {1}', name, reason !== undefined ? stateReasonText(reason) : preview.path),
    );
    return { outcome: 'conflict', file: preview.file, line: preview.line };
  }
  for (const change of preview.files) {
    const file = path.basename(change.file);
    const left = change.before !== null ? vscode.Uri.file(change.file) : previews.add(change.file, '');
    const right = previews.add(change.file, change.after ?? '');
    const title =
      preview.direction === 'forward'
        ? t('{0}: {1} (now ↔ with the patch)', name, file)
        : t('{0}: {1} (now ↔ reverted)', name, file);
    await vscode.commands.executeCommand(WORKBENCH.diff, left, right, title, { preview: preview.files.length === 1 });
  }
  return { outcome: 'diff', direction: preview.direction, files: preview.files.map((f) => f.file) };
}

function none(why: string): ShowChangesResult {
  void vscode.window.showInformationMessage(why);
  return { outcome: 'none', why };
}
