import type * as vscode from 'vscode';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import type { PatchStates } from '../state/patchStates';
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
