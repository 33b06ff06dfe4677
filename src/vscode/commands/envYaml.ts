import * as vscode from 'vscode';
import { withRequirements } from '../../core/apply/plan';
import { ENV_YAML_FILE } from '../../core/cloud/envYaml';
import { formatProblem, InputError } from '../../core/problem';
import { checkPatchIds, PatchIdError } from '../../core/qpt/patchId';
import { editQualityPatches, StaleDocumentError } from '../cloud/edit';
import { folderLabel, projectLabel } from '../labels';
import { t } from '../l10n';
import { problemPosition } from '../problems';
import type { CommerceEntry } from '../projects/entries';
import { envYamlPath } from '../state/scheduled';
import { actionArg, argTarget, badArgMessage } from './args';
import { cancelled, chooseProject, refuse, type ActionContext, type ActionResult } from './context';
import { scheduleAddItems, scheduleRemoveItems } from './picks';
import { isPatchItem } from './prompts';
import { patchIdMessage } from './qptChecks';

const isCloud = (entry: CommerceEntry) => entry.analysis.project.product.cloud;

/** The Cloud project a command is about (with the patch asked for, if any), or how the command ended already. */
type CloudTarget =
  { kind: 'project'; entry: CommerceEntry; id: string | undefined } | { kind: 'done'; result: ActionResult };

async function cloudProject(ctx: ActionContext, arg: unknown, title: string): Promise<CloudTarget> {
  const parsed = actionArg(arg);
  if (parsed.kind === 'bad') return { kind: 'done', result: refuse(ctx, 'error', badArgMessage(parsed.shown)) };
  const { lockFile, id } = argTarget(parsed);
  const choice = await chooseProject(ctx, lockFile, title, isCloud);
  if (choice.kind === 'chosen') return { kind: 'project', entry: choice.entry, id };
  if (choice.kind === 'dismissed') return { kind: 'done', result: cancelled };
  const none = t(
    'No Adobe Commerce on cloud infrastructure project in this workspace: only Cloud builds read {0}.',
    ENV_YAML_FILE,
  );
  return { kind: 'done', result: refuse(ctx, 'info', none) };
}

/** "Add to .magento.env.yaml": the patch (with what it requires) or the user's pick, checked against the catalog. */
export async function addToEnvYamlCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const target = await cloudProject(ctx, arg, t('Add to {0}', ENV_YAML_FILE));
  if (target.kind === 'done') return target.result;
  const { entry, id } = target;
  const scheduled = ctx.states.scheduled.of(entry.analysis.project.root).ids;
  let chosen: string[] | undefined;
  if (id !== undefined) {
    chosen = [id];
  } else {
    const items = scheduleAddItems(entry, scheduled);
    if (!items.some(isPatchItem))
      return refuse(ctx, 'info', t('Every applicable patch is already in {0}.', ENV_YAML_FILE));
    chosen = await ctx.prompts().pickPatches({
      title: t('Add to {0} of {1} ({2})', ENV_YAML_FILE, projectLabel(entry), folderLabel(entry)),
      placeholder: t('Choose the patches every Cloud build applies; type to search by ID, title or category'),
      items,
    });
    if (chosen === undefined || chosen.length === 0) return cancelled;
  }
  const { ids } = withRequirements(entry.analysis.result, entry.analysis.catalog.patches, chosen, scheduled);
  return addToEnvYaml(ctx, entry, ids);
}

/** Adds known IDs to the project's `.magento.env.yaml` (also the Apply confirmation's Cloud button). */
export async function addToEnvYaml(ctx: ActionContext, entry: CommerceEntry, ids: string[]): Promise<ActionResult> {
  try {
    checkPatchIds(ids, entry.analysis.catalog.patches);
  } catch (e) {
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    throw e;
  }
  const deprecated = ids.map((x) => entry.analysis.result.byId.get(x)).find((p) => p?.status === 'deprecated');
  if (deprecated?.replacedWith !== undefined) {
    const instead = t('Add {0}', deprecated.replacedWith);
    const anyway = t('Add {0} Anyway', deprecated.patch.id);
    const choice = await ctx
      .prompts()
      .confirm(
        t('{0} is deprecated: {1} replaces it.', deprecated.patch.id, deprecated.replacedWith),
        t('ece-tools applies every patch listed in {0} on each build.', ENV_YAML_FILE),
        [instead, anyway],
      );
    if (choice === undefined) return cancelled;
    if (choice === instead) ids = ids.map((x) => (x === deprecated.patch.id ? (deprecated.replacedWith as string) : x));
  }
  return edit(ctx, entry, ids, 'add');
}

/** "Remove from .magento.env.yaml". */
export async function removeFromEnvYamlCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const target = await cloudProject(ctx, arg, t('Remove from {0}', ENV_YAML_FILE));
  if (target.kind === 'done') return target.result;
  const { entry, id } = target;
  const scheduled = ctx.states.scheduled.of(entry.analysis.project.root).ids;
  let ids: string[] | undefined;
  if (id !== undefined) {
    if (!scheduled.has(id)) return refuse(ctx, 'info', t('{0} is not listed in {1}.', id, ENV_YAML_FILE));
    ids = [id];
  } else {
    const items = scheduleRemoveItems(entry, scheduled);
    if (!items.some(isPatchItem)) return refuse(ctx, 'info', t('{0} lists no patch.', ENV_YAML_FILE));
    ids = await ctx.prompts().pickPatches({
      title: t('Remove from {0} of {1} ({2})', ENV_YAML_FILE, projectLabel(entry), folderLabel(entry)),
      placeholder: t('Choose the patches to remove'),
      items,
    });
    if (ids === undefined || ids.length === 0) return cancelled;
  }
  return edit(ctx, entry, ids, 'remove');
}

async function edit(
  ctx: ActionContext,
  entry: CommerceEntry,
  ids: string[],
  op: 'add' | 'remove',
): Promise<ActionResult> {
  const file = envYamlPath(entry.analysis.project.root);
  let done;
  try {
    done = await editQualityPatches(file, ids, op);
  } catch (e) {
    if (e instanceof InputError) {
      const at = problemPosition(e.problem);
      return refuse(ctx, 'error', t('{0} cannot be edited: {1}', ENV_YAML_FILE, formatProblem(e.problem)), {
        [t('Open {0}', ENV_YAML_FILE)]: () =>
          vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, at) }),
      });
    }
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    if (e instanceof StaleDocumentError) {
      return refuse(
        ctx,
        'warning',
        t('{0} changed on disk and its editor has not caught up yet: nothing was changed, try again.', ENV_YAML_FILE),
      );
    }
    return refuse(
      ctx,
      'error',
      t('{0} cannot be edited: {1}', ENV_YAML_FILE, e instanceof Error ? e.message : String(e)),
    );
  }
  ctx.states.scheduled.drop(file);
  if (!done.changed) {
    return refuse(
      ctx,
      'info',
      op === 'add'
        ? t('{0} already lists {1}.', ENV_YAML_FILE, ids.join(', '))
        : t('{0} does not list {1}.', ENV_YAML_FILE, ids.join(', ')),
    );
  }
  if (done.document !== undefined) {
    await vscode.window.showTextDocument(done.document, { preview: false, selection: done.range, preserveFocus: true });
  }
  const message =
    op === 'add'
      ? t('Added {0} to {1}: the next Cloud build applies it.', ids.join(', '), ENV_YAML_FILE)
      : t('Removed {0} from {1}.', ids.join(', '), ENV_YAML_FILE);
  vscode.window.setStatusBarMessage(message, 8000);
  return { outcome: 'succeeded', ids };
}
