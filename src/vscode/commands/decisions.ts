import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/cloud/textEdit';
import { type DecisionKind, DECISIONS_FILE } from '../../core/decisions/decision';
import { clearDecision, setDecision } from '../../core/decisions/decisionEdits';
import { formatProblem, InputError } from '../../core/problem';
import { decisionOf } from '../../core/state/patchState';
import { editFile, StaleDocumentError } from '../fileEdit';
import { t } from '../l10n';
import { problemPosition } from '../problems';
import { cancelled, choosePatch, refuse, type ActionContext, type ActionResult } from './context';

/** Who records a decision: the account name (the note says more). */
function whoAmI(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/** Today as `YYYY-MM-DD` (UTC), the date a decision is recorded with. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "Skip Patch…" / "Mark for Investigation…": records the decision with a note in `.commerce-patches.yaml`. */
export async function decideCommand(
  ctx: ActionContext,
  arg: unknown,
  kind: Extract<DecisionKind, 'skip' | 'investigate'>,
): Promise<ActionResult> {
  const title = kind === 'skip' ? t('Skip Patch') : t('Mark for Investigation');
  const found = await choosePatch(ctx, arg, title, (entry) =>
    entry.analysis.result.patches.filter((e) => e.status !== 'not-applicable').map((e) => e.patch.id),
  );
  if (found.kind === 'done') return found.result;
  const { entry, id } = found;
  const before = decisionOf(ctx.states.of(entry), id);
  const prompt =
    kind === 'skip'
      ? t('Why is {0} not needed? The note is kept in {1}.', id, DECISIONS_FILE)
      : t('What is to be found out about {0}? The note is kept in {1}.', id, DECISIONS_FILE);
  const note = await ctx.prompts().input(`${title}: ${id}`, prompt, before?.note ?? '');
  if (note === undefined) return cancelled;
  const decision = { id, decision: kind, note: note.trim() || undefined, by: whoAmI(), date: today() };
  const file = ctx.states.decisions.fileOf(entry.analysis.project.root);
  return edit(ctx, file, id, (text) => setDecision(text, decision, file), true);
}

/** "Clear Decision": removes the patch's entry from `.commerce-patches.yaml`. */
export async function clearDecisionCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const found = await choosePatch(ctx, arg, t('Clear Decision'), (entry) => [
    ...(ctx.states.of(entry).decisions?.keys() ?? []),
  ]);
  if (found.kind === 'done') return found.result;
  const { entry, id } = found;
  if (decisionOf(ctx.states.of(entry), id) === undefined)
    return refuse(ctx, 'info', t('{0} has no decision in {1}.', id, DECISIONS_FILE));
  const file = ctx.states.decisions.fileOf(entry.analysis.project.root);
  return edit(ctx, file, id, (text) => clearDecision(text, id, file), false);
}

async function edit(
  ctx: ActionContext,
  file: string,
  id: string,
  compute: (text: string) => TextEdit[],
  create: boolean,
): Promise<ActionResult> {
  try {
    const done = await editFile(file, compute, create);
    ctx.states.decisions.drop(file);
    if (!done.changed) return refuse(ctx, 'info', t('{0} already says so.', DECISIONS_FILE));
    // Shown (without taking the focus) so the change is visible and Undo is at hand.
    if (done.document !== undefined) {
      await vscode.window.showTextDocument(done.document, {
        preview: false,
        selection: done.range,
        preserveFocus: true,
      });
    }
  } catch (e) {
    if (e instanceof InputError) {
      const at = problemPosition(e.problem);
      return refuse(ctx, 'error', t('{0} cannot be edited: {1}', DECISIONS_FILE, formatProblem(e.problem)), {
        [t('Open {0}', DECISIONS_FILE)]: () =>
          vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, at) }),
      });
    }
    if (e instanceof StaleDocumentError) {
      return refuse(
        ctx,
        'warning',
        t('{0} changed on disk and its editor has not caught up yet: nothing was changed, try again.', DECISIONS_FILE),
      );
    }
    return refuse(
      ctx,
      'error',
      t('{0} cannot be edited: {1}', DECISIONS_FILE, e instanceof Error ? e.message : String(e)),
    );
  }
  vscode.window.setStatusBarMessage(t('{0}: decision saved in {1}.', id, DECISIONS_FILE), 8000);
  return { outcome: 'succeeded', ids: [id] };
}
