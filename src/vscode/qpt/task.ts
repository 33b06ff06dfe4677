import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import type { QptInvocation } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import { TASK_TYPE } from '../ids';
import { t } from '../l10n';

export type QptAction = 'apply' | 'revert';

/** How a QPT task ended: its exit code, or undefined when the process did not start or was stopped. */
export interface QptTaskOutcome {
  exitCode: number | undefined;
  /** The task's name, which is also the title of its terminal. */
  name: string;
  /** What the process printed, stdout and stderr in order (QPT prints everything, errors included, on stdout). */
  output: string;
}

/** Numbers each run: VS Code refuses to start a task that equals one still running. */
let runs = 0;

/**
 * The task's terminal: starts the process with its argument list (no shell), in the project's folder, shows what it
 * prints and keeps it, so the message after the run can say what QPT really did. Closing the terminal stops it.
 */
class QptTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly inv: QptInvocation,
    private readonly done: (exitCode: number | undefined, output: string) => void,
  ) {}

  open(): void {
    this.write(`> ${displayCommand(this.inv)}\n\n`);
    const child = spawn(this.inv.command, this.inv.args, {
      cwd: this.inv.cwd,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output += text;
      this.write(text);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', (e) => this.end(undefined, e.message));
    child.on('close', (code) => this.end(code ?? undefined));
  }

  close(): void {
    this.child?.kill();
  }

  private end(exitCode: number | undefined, error?: string): void {
    if (this.child === undefined) return;
    this.child = undefined;
    if (error !== undefined) this.write(`${error}\n`);
    this.done(exitCode, this.output);
    this.closed.fire(exitCode ?? 1);
  }

  private write(text: string): void {
    this.written.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}

/**
 * Runs QPT as a VS Code task: the executable and its arguments go to the process as a list, with no shell in
 * between, in the project's folder. Resolves when the process ends, with what it printed.
 */
export async function runQptTask(
  inv: QptInvocation,
  action: QptAction,
  ids: readonly string[],
  folder: vscode.WorkspaceFolder,
): Promise<QptTaskOutcome> {
  const name = action === 'apply' ? t('Apply {0}', ids.join(' ')) : t('Revert {0}', ids.join(' '));
  const definition = { type: TASK_TYPE, action, patches: [...ids], run: ++runs };
  let result: { exitCode: number | undefined; output: string } | undefined;
  const execution = new vscode.CustomExecution(() =>
    Promise.resolve(new QptTerminal(inv, (exitCode, output) => (result = { exitCode, output }))),
  );
  const task = new vscode.Task(definition, folder, name, t('Commerce Patches'), execution, []);
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
  let done: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (done = resolve));
  // Comes after the terminal closed, and also when the task could not start at all.
  const sub = vscode.tasks.onDidEndTask((e) => {
    if (same(e)) done();
  });
  try {
    await vscode.tasks.executeTask(task);
    await ended;
    return { exitCode: result?.exitCode, output: result?.output ?? '', name };
  } finally {
    sub.dispose();
  }
}

/** Shows the terminal of a finished QPT task; false when VS Code no longer has it. */
export function showTaskTerminal(outcome: QptTaskOutcome): boolean {
  const terminal = vscode.window.terminals.find(
    (term) => term.name === outcome.name || term.name.endsWith(outcome.name),
  );
  terminal?.show(false);
  return terminal !== undefined;
}
