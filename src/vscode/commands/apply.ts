import * as path from 'node:path';
import { applyRefusal, deprecatedAmong, withRequirements } from '../../core/apply/plan';
import { QPT_PACKAGE, qptApplyCommand, type QptInvocation } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import { PatchIdError } from '../../core/qpt/patchId';
import { reasonText } from '../../core/text/describe';
import { copyToClipboard } from '../clipboard';
import { folderLabel, projectLabel } from '../labels';
import { t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import { cancelled, refuse, type ActionContext, type ActionResult } from './context';
import { applyPickItems } from './picks';
import { isPatchItem } from './prompts';
import { patchIdMessage, prepare, type Ready } from './qptChecks';
import { runQpt } from './qptRun';

/** Why `id` cannot be applied, as the message the user sees (with its buttons); undefined when it can be offered. */
function refusal(
  ctx: ActionContext,
  entry: CommerceEntry,
  id: string,
  applied: ReadonlySet<string>,
): ActionResult | undefined {
  const refused = applyRefusal(entry.analysis.result, id, applied);
  const label = projectLabel(entry);
  switch (refused?.kind) {
    case undefined:
      return undefined;
    case 'unknown':
      return refuse(ctx, 'error', t('{0} is not in the patch catalogs of {1}: nothing was run.', id, label));
    case 'applied':
      return refuse(ctx, 'info', t('{0} is already applied to {1} (QPT status).', id, label));
    case 'needs-qpt-update': {
      const update = `composer update ${QPT_PACKAGE}`;
      const installed = entry.analysis.project.qpt.installed ?? '?';
      return refuse(
        ctx,
        'warning',
        t('{0} needs a newer Quality Patches Tool than the installed {1}. Update it with: {2}', id, installed, update),
        {
          [t('Copy Command')]: () => copyToClipboard(update),
        },
      );
    }
    case 'not-applicable': {
      const why = refused.reason !== undefined ? reasonText(refused.reason) : '';
      return refuse(ctx, 'warning', t('{0} does not apply to {1}. {2}', id, label, why).trim());
    }
  }
}

/** The lines under the Apply confirmation: what changes, what was added, deprecations, Cloud, the command. */
function confirmDetail(ready: Ready, ids: readonly string[], added: readonly string[], inv: QptInvocation): string {
  const { result, project } = ready.entry.analysis;
  const vendor = path.relative(project.root, project.vendorDir) || project.vendorDir;
  return [
    t('The Quality Patches Tool changes files under {0}/ (Revert Patch undoes it).', vendor),
    added.length > 0 ? t('Required patches added: {0}', added.join(', ')) : '',
    ...deprecatedAmong(result, ids).map((p) =>
      p.replacedWith
        ? t('{0} is deprecated: use {1}.', p.patch.id, p.replacedWith)
        : t('{0} is deprecated.', p.patch.id),
    ),
    project.product.cloud
      ? t('On Cloud, a patch applied this way is lost at the next deployment; .magento.env.yaml makes it last.')
      : '',
    t('Command: {0}', displayCommand(inv)),
    t('Folder: {0}', inv.cwd),
  ]
    .filter((s) => s !== '')
    .join('\n');
}

/** "Apply patch": pick, confirm, run `magento-patches apply -n ID...` as a task, report, check the status again. */
export async function applyCommand(
  ctx: ActionContext,
  arg: unknown,
  addToEnvYaml: (entry: CommerceEntry, ids: string[]) => Promise<ActionResult>,
): Promise<ActionResult> {
  const prepared = await prepare(ctx, arg, t('Apply patch'));
  if (prepared.kind === 'done') return prepared.result;
  const { ready, id } = prepared;
  const { entry } = ready;
  const { catalog, project } = entry.analysis;
  const label = projectLabel(entry);
  const applied = ctx.states.applied.appliedIds(project);
  const refused = id === undefined ? undefined : refusal(ctx, entry, id, applied);
  if (refused !== undefined) return refused;
  const scheduled = project.product.cloud ? ctx.states.scheduled.of(project.root).ids : new Set<string>();
  const pick = applyPickItems(entry, applied, scheduled, id);
  if (!pick.items.some(isPatchItem)) return refuse(ctx, 'info', t('No patch left to apply to {0}.', label));
  const chosen = await ctx.prompts().pickPatches({
    title: t('Apply patches to {0} ({1})', label, folderLabel(entry)),
    placeholder: pick.note ?? t('Choose the patches to apply; type to search by ID, title or category'),
    items: pick.items,
  });
  if (chosen === undefined || chosen.length === 0) return cancelled;
  const { ids, added } = withRequirements(entry.analysis.result, catalog.patches, chosen, applied);
  let inv: QptInvocation;
  try {
    inv = qptApplyCommand(project, ids, { known: catalog.patches, prefix: ready.prefix });
  } catch (e) {
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    throw e;
  }
  const apply = t('Apply');
  const addInstead = t('Add to .magento.env.yaml Instead');
  const buttons = project.product.cloud ? [apply, addInstead] : [apply];
  const message =
    ids.length === 1 ? t('Apply {0} to {1}?', ids[0], label) : t('Apply {0} patches to {1}?', ids.length, label);
  const choice = await ctx.prompts().confirm(message, confirmDetail(ready, ids, added, inv), buttons);
  if (choice === addInstead) return addToEnvYaml(entry, ids);
  if (choice !== apply) return cancelled;
  return runQpt(ctx, ready, 'apply', ids, inv);
}
