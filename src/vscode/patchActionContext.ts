import type * as vscode from 'vscode';
import { isSafePatchId } from '../core/qpt/patchId';
import type { PatchRef } from './commandLinks';
import { toRef } from './commands';
import { t } from './l10n';
import type { ScheduledPatches } from './cloud/scheduledPatches';
import type { CommerceEntry, ProjectStore } from './projectStore';
import type { AppliedStates } from './qpt/appliedState';
import type { Prompts } from './qpt/prompts';

/** What the apply, revert, check and `.magento.env.yaml` commands work with. */
export interface PatchActionContext {
  store: ProjectStore;
  applied: AppliedStates;
  scheduled: ScheduledPatches;
  output: vscode.OutputChannel;
  /** Read at each use: tests swap the prompts while the extension runs. */
  prompts(): Prompts;
}

/** How a command ended; commands return it (the integration tests read it through `executeCommand`). */
export type ActionResult =
  | { outcome: 'cancelled' }
  /** Nothing ran: `why` is the message the user saw. */
  | { outcome: 'refused'; why: string }
  | { outcome: 'succeeded' | 'failed'; ids: string[]; exitCode?: number };

export const cancelled: ActionResult = { outcome: 'cancelled' };

/** Shows `message` (without waiting for it to close) and returns the matching result. */
export function refuse(ctx: PatchActionContext, kind: 'info' | 'warning' | 'error', message: string, buttons: Record<string, () => unknown> = {}): ActionResult {
  void ctx.prompts().message(kind, message, Object.keys(buttons)).then((choice) => {
    if (choice !== undefined) void buttons[choice]?.();
  });
  return { outcome: 'refused', why: message };
}

/** A command's argument: a patch (tree row, hover link, ID), a project (its tree row), nothing, or something unusable. */
export type ActionArg = { ref?: PatchRef; lockFile?: string } | { bad: string };

export function actionArg(arg: unknown): ActionArg {
  if (arg === undefined || arg === null) return {};
  if (typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'project') {
    const entry = (arg as { entry?: { lockFile?: unknown } }).entry;
    return typeof entry?.lockFile === 'string' ? { lockFile: entry.lockFile } : {};
  }
  const ref = toRef(arg);
  // The alphabet of patch IDs is what makes them safe to pass on: anything else stops here.
  if (ref !== undefined && isSafePatchId(ref.id)) return { ref, lockFile: ref.lockFile };
  const shown = ref !== undefined ? ref.id : typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg));
  return { bad: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown };
}

/**
 * The project a command is about: the one of `lockFile`, the only candidate, or the user's pick among the
 * candidates. Undefined when there is none (`none` is then true) or the pick was dismissed.
 */
export async function chooseProject(
  ctx: PatchActionContext,
  lockFile: string | undefined,
  title: string,
  only: (entry: CommerceEntry) => boolean = () => true,
): Promise<{ entry?: CommerceEntry; none: boolean }> {
  const candidates = ctx.store.commerce().filter(only);
  const exact = candidates.find((e) => e.lockFile === lockFile);
  if (exact !== undefined) return { entry: exact, none: false };
  if (candidates.length <= 1) return { entry: candidates[0], none: candidates.length === 0 };
  return { entry: await ctx.prompts().pickProject(candidates, title), none: false };
}

/** The message for a command argument that is not a patch ID. */
export function badArgMessage(bad: string): string {
  return t('Refusing {0}: a patch ID is letters and digits joined by "-", "_" or "/" (like ACSD-61103).', bad);
}
