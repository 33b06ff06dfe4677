import { projectLabel } from '../labels';
import { t } from '../l10n';
import type { ActionContext, ActionResult } from './context';
import { checkStatus, prepare } from './qptChecks';

/** "Check applied patches": runs the status, stores it and sums it up. */
export async function checkAppliedCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const prepared = await prepare(ctx, arg, t('Check applied patches'));
  if (prepared.kind === 'done') return prepared.result;
  const { ready } = prepared;
  const states = await checkStatus(ctx, ready);
  if (states === undefined) return { outcome: 'failed', ids: [] };
  const count = (s: string) => [...states.values()].filter((x) => x.status === s).length;
  void ctx
    .prompts()
    .message(
      'info',
      t(
        '{0}: {1} patches applied, {2} not applied, {3} N/A (QPT status).',
        projectLabel(ready.entry),
        count('Applied'),
        count('Not applied'),
        count('N/A'),
      ),
      [],
    );
  return { outcome: 'succeeded', ids: [...states.keys()].filter((id) => states.get(id)?.status === 'Applied') };
}
