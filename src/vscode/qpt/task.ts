import * as vscode from 'vscode';
import type { QptInvocation } from '../../core/qpt/command';
import { TASK_TYPE } from '../ids';
import { t } from '../l10n';

export type QptAction = 'apply' | 'revert';

/** How a QPT task ended: its exit code, or undefined when the process did not start or was stopped. */
export interface QptTaskOutcome {
  exitCode: number | undefined;
  /** The task's name, which is also the title of its terminal. */
  name: string;
}

/** Numbers each run: VS Code refuses to start a task that equals one still running. */
let runs = 0;

/**
 * Runs QPT as a VS Code task with a `ProcessExecution`: the executable and its arguments go to the process as a
 * list, with no shell in between, in the project's folder. Resolves when the process ends.
 */
export async function runQptTask(
  inv: QptInvocation,
  action: QptAction,
  ids: readonly string[],
  folder: vscode.WorkspaceFolder,
): Promise<QptTaskOutcome> {
  const name = action === 'apply' ? t('Apply {0}', ids.join(' ')) : t('Revert {0}', ids.join(' '));
  const definition = { type: TASK_TYPE, action, patches: [...ids], run: ++runs };
  const task = new vscode.Task(
    definition,
    folder,
    name,
    t('Commerce Patches'),
    new vscode.ProcessExecution(inv.command, inv.args, { cwd: inv.cwd }),
    [],
  );
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    panel: vscode.TaskPanelKind.Dedicated,
    clear: true,
    echo: true,
    focus: false,
    showReuseMessage: false,
  };
  const same = (e: { execution: vscode.TaskExecution }) =>
    e.execution.task.definition.type === TASK_TYPE && e.execution.task.definition.run === definition.run;
  let exitCode: number | undefined;
  let done: (code: number | undefined) => void = () => undefined;
  const ended = new Promise<number | undefined>((resolve) => (done = resolve));
  const subs = [
    vscode.tasks.onDidEndTaskProcess((e) => {
      if (same(e)) exitCode = e.exitCode;
    }),
    // Comes after the process end, and also when the process could not start at all.
    vscode.tasks.onDidEndTask((e) => {
      if (same(e)) done(exitCode);
    }),
  ];
  try {
    await vscode.tasks.executeTask(task);
    return { exitCode: await ended, name };
  } finally {
    for (const s of subs) s.dispose();
  }
}

/** Shows the terminal of a finished QPT task; false when VS Code no longer has it. */
export function showTaskTerminal(outcome: QptTaskOutcome): boolean {
  const terminal = vscode.window.terminals.find((term) => term.name === outcome.name || term.name.endsWith(outcome.name));
  terminal?.show(false);
  return terminal !== undefined;
}
