import type { QptInvocation } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import { qptRunMessage } from '../../core/qpt/runMessage';
import { parseQptRunOutput } from '../../core/qpt/runOutput';
import { projectLabel } from '../labels';
import { t } from '../l10n';
import { runQptTask, showTaskTerminal, type QptAction } from '../qpt/task';
import { refuse, type ActionContext, type ActionResult } from './context';
import { checkStatus, type Ready } from './qptChecks';

/**
 * Runs the task, says what QPT really did (from its exit code and what it printed), then reads the applied state
 * again (the code under vendor/ changed).
 */
export async function runQpt(
  ctx: ActionContext,
  ready: Ready,
  action: QptAction,
  ids: string[],
  inv: QptInvocation,
): Promise<ActionResult> {
  const { entry } = ready;
  ctx.output.appendLine(`> ${displayCommand(inv)}  (${inv.cwd})`);
  ctx.running.add(entry.lockFile);
  let outcome;
  try {
    outcome = await runQptTask(inv, action, ids, entry.folder);
  } finally {
    ctx.running.delete(entry.lockFile);
  }
  const { exitCode } = outcome;
  ctx.output.appendLine(t('{0} ended with exit code {1}.', outcome.name, exitCode ?? '?'));
  const report = parseQptRunOutput(outcome.output, entry.analysis.catalog.patches.keys());
  const message = qptRunMessage(action, ids, projectLabel(entry), exitCode, report);
  const showOutput = { [t('Show Output')]: () => showTaskTerminal(outcome) || ctx.output.show(true) };
  if (message.level === 'info') void ctx.prompts().message('info', message.text, []);
  else refuse(ctx, message.level, message.text, showOutput);
  // Whatever happened, the states read before may be stale now: the extension's own check and QPT's status.
  ctx.states.checked.recheck(entry.analysis);
  await ctx.states.applied.forget(entry.lockFile);
  await checkStatus(ctx, ready);
  return { outcome: message.failed ? 'failed' : 'succeeded', ids, exitCode };
}
