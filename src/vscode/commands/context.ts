import type * as vscode from 'vscode';
import { localized } from '../../core/locale';
import { folderLabel, projectLabel } from '../labels';
import { displayLocale, t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import type { PatchStates } from '../state/patchStates';
import { actionArg, argTarget, badArgMessage } from './args';
import type { MessageKind, Prompts } from './prompts';

/** What the apply, revert, check and `.magento.env.yaml` commands work with. */
export interface ActionContext {
  store: ProjectStore;
  states: PatchStates;
  output: vscode.OutputChannel;
  /** Read at each use: tests swap the prompts while the extension runs. */
  prompts(): Prompts;
  /** Lock files of the projects where a QPT task or status check is running: one at a time per project. */
  running: Set<string>;
}

/** How a command ended; commands return it (the integration tests read it through `executeCommand`). */
export type ActionResult =
  | { outcome: 'cancelled' }
  /** Nothing ran: `why` is the message the user saw. */
  | { outcome: 'refused'; why: string }
  | { outcome: 'succeeded' | 'failed'; ids: string[]; exitCode?: number };

export const cancelled: ActionResult = { outcome: 'cancelled' };

/** Shows `message` (without waiting for it to close) and returns the matching result. */
export function refuse(
  ctx: ActionContext,
  kind: MessageKind,
  message: string,
  buttons: Record<string, () => unknown> = {},
): ActionResult {
  void ctx
    .prompts()
    .message(kind, message, Object.keys(buttons))
    .then((choice) => {
      if (choice !== undefined) void buttons[choice]?.();
    });
  return { outcome: 'refused', why: message };
}

/** The project a command is about, or why there is none. */
export type ProjectChoice = { kind: 'chosen'; entry: CommerceEntry } | { kind: 'none' } | { kind: 'dismissed' };

/** The project of `lockFile`, the only candidate, or the user's pick among the candidates. */
export async function chooseProject(
  ctx: ActionContext,
  lockFile: string | undefined,
  title: string,
  only: (entry: CommerceEntry) => boolean = () => true,
): Promise<ProjectChoice> {
  const candidates = ctx.store.commerce().filter(only);
  const exact = candidates.find((e) => e.lockFile === lockFile);
  if (exact !== undefined) return { kind: 'chosen', entry: exact };
  const [first] = candidates;
  if (candidates.length === 0 || first === undefined) return { kind: 'none' };
  if (candidates.length === 1) return { kind: 'chosen', entry: first };
  const picked = await ctx.prompts().pickProject(candidates, title);
  return picked === undefined ? { kind: 'dismissed' } : { kind: 'chosen', entry: picked };
}

/** The patch a command is about, or how the command ended without one. */
type PatchChoice = { kind: 'patch'; entry: CommerceEntry; id: string } | { kind: 'done'; result: ActionResult };

/** The project and patch a command is about: from the row or hover link, else picked among `candidates`. */
export async function choosePatch(
  ctx: ActionContext,
  arg: unknown,
  title: string,
  candidates: (entry: CommerceEntry) => string[] | Promise<string[]>,
): Promise<PatchChoice> {
  const parsed = actionArg(arg);
  if (parsed.kind === 'bad') return { kind: 'done', result: refuse(ctx, 'error', badArgMessage(parsed.shown)) };
  const { lockFile, id } = argTarget(parsed);
  const choice = await chooseProject(ctx, lockFile, title);
  if (choice.kind === 'dismissed') return { kind: 'done', result: cancelled };
  if (choice.kind === 'none')
    return { kind: 'done', result: refuse(ctx, 'info', t('No Commerce project in this workspace.')) };
  const entry = choice.entry;
  if (id !== undefined) return { kind: 'patch', entry, id };
  const ids = await candidates(entry);
  if (ids.length === 0) return { kind: 'done', result: refuse(ctx, 'info', t('No patch to choose from.')) };
  const locale = displayLocale();
  const items = ids.map((x) => {
    const patch = entry.analysis.catalog.patches.get(x);
    return { label: x, description: patch !== undefined ? localized(patch.title, locale) : undefined, value: x };
  });
  const picked = await ctx
    .prompts()
    .pickOne(items, `${title} · ${projectLabel(entry)} (${folderLabel(entry)})`, t('Which patch?'));
  return picked === undefined ? { kind: 'done', result: cancelled } : { kind: 'patch', entry, id: picked };
}
