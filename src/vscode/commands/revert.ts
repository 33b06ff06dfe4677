import { qptRevertCommand, type QptInvocation } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import { PatchIdError } from '../../core/qpt/patchId';
import { folderLabel, projectLabel } from '../labels';
import { t } from '../l10n';
import { cancelled, refuse, type ActionContext, type ActionResult } from './context';
import { revertPickItems } from './picks';
import { isPatchItem } from './prompts';
import { checkStatus, patchIdMessage, prepare } from './qptChecks';
import { runQpt } from './qptRun';

/** "Revert patch": offered on applied patches (checking the status first when it is not known). */
export async function revertCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const prepared = await prepare(ctx, arg, t('Revert patch'));
  if (prepared.kind === 'done') return prepared.result;
  const { ready, id } = prepared;
  const { entry } = ready;
  const { catalog, project } = entry.analysis;
  const label = projectLabel(entry);
  if (ctx.states.applied.get(project) === undefined && (await checkStatus(ctx, ready)) === undefined) {
    return { outcome: 'failed', ids: [] };
  }
  const applied = ctx.states.applied.appliedIds(project);
  if (id !== undefined && !applied.has(id)) {
    return refuse(ctx, 'info', t('{0} is not applied to {1} (QPT status).', id, label));
  }
  const items = revertPickItems(entry, applied, id);
  if (!items.some(isPatchItem)) return refuse(ctx, 'info', t('QPT reports no applied patch in {0}.', label));
  const chosen = await ctx.prompts().pickPatches({
    title: t('Revert patches in {0} ({1})', label, folderLabel(entry)),
    placeholder: t('Choose the patches to revert; type to search by ID, title or category'),
    items,
  });
  if (chosen === undefined || chosen.length === 0) return cancelled;
  let inv: QptInvocation;
  try {
    inv = qptRevertCommand(project, chosen, { known: catalog.patches, prefix: ready.prefix });
  } catch (e) {
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    throw e;
  }
  const revert = t('Revert');
  const message =
    chosen.length === 1
      ? t('Revert {0} in {1}?', chosen[0], label)
      : t('Revert {0} patches in {1}?', chosen.length, label);
  const detail = [t('Command: {0}', displayCommand(inv)), t('Folder: {0}', inv.cwd)].join('\n');
  if ((await ctx.prompts().confirm(message, detail, [revert])) !== revert) return cancelled;
  return runQpt(ctx, ready, 'revert', chosen, inv);
}
