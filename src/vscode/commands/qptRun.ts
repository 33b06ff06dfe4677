import type { QptInvocation } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import { projectLabel } from '../labels';
import { t } from '../l10n';
import { runQptTask, showTaskTerminal, type QptAction } from '../qpt/task';
import { refuse, type ActionContext, type ActionResult } from './context';
import { checkStatus, type Ready } from './qptChecks';

/** Runs the task, says how it went, then reads the applied state again (the code under vendor/ changed). */
export async function runQpt(ctx: ActionContext, ready: Ready, action: QptAction, ids: string[], inv: QptInvocation): Promise<ActionResult> {
  const { entry } = ready;
  const label = projectLabel(entry);
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
  const list = ids.join(', ');
  const showOutput = { [t('Show Output')]: () => showTaskTerminal(outcome) || ctx.output.show(true) };
  if (exitCode === 0) {
    void ctx.prompts().message('info', action === 'apply' ? t('Applied {0} to {1}.', list, label) : t('Reverted {0} in {1}.', list, label), []);
  } else if (exitCode === undefined) {
    refuse(ctx, 'error', t('The Quality Patches Tool did not run to its end for {0}: it could not start or was stopped.', list), showOutput);
  } else {
    const message =
      action === 'apply'
        ? t('Applying {0} failed: the Quality Patches Tool exited with code {1}.', list, exitCode)
        : t('Reverting {0} failed: the Quality Patches Tool exited with code {1}.', list, exitCode);
    refuse(ctx, 'error', message, showOutput);
  }
  // Whatever happened, the state read before may be stale now.
  await ctx.states.applied.forget(entry.lockFile);
  await checkStatus(ctx, ready);
  return { outcome: exitCode === 0 ? 'succeeded' : 'failed', ids, exitCode };
}
