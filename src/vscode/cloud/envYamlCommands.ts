import * as vscode from 'vscode';
import { ENV_YAML_FILE } from '../../core/cloud/envYaml';
import { InputError } from '../../core/problem';
import { checkPatchIds, PatchIdError } from '../../core/qpt/patchId';
import { formatProblem } from '../../core/problem';
import { productLabel } from '../../core/text/describe';
import { t } from '../l10n';
import {
  actionArg,
  badArgMessage,
  cancelled,
  chooseProject,
  refuse,
  type ActionResult,
  type PatchActionContext,
} from '../patchActionContext';
import type { CommerceEntry } from '../projectStore';
import { scheduleAddItems, scheduleRemoveItems, withRequirements } from '../qpt/patchPicks';
import { isPatchItem } from '../qpt/prompts';
import { patchIdMessage } from '../qpt/qptFlow';
import { folderLabel } from '../tree/patchTreeProvider';
import { editQualityPatches, StaleDocumentError } from './envYamlEdit';
import { envYamlPath } from './scheduledPatches';

const isCloud = (entry: CommerceEntry) => entry.analysis.project.product.cloud;

async function cloudProject(ctx: PatchActionContext, arg: unknown, title: string) {
  const parsed = actionArg(arg);
  if ('bad' in parsed) return { result: refuse(ctx, 'error', badArgMessage(parsed.bad)) };
  const { entry, none } = await chooseProject(ctx, parsed.lockFile, title, isCloud);
  if (entry === undefined) {
    return {
      result: none
        ? refuse(ctx, 'info', t('No Adobe Commerce on cloud infrastructure project in this workspace: only Cloud builds read {0}.', ENV_YAML_FILE))
        : cancelled,
    };
  }
  return { entry, id: parsed.ref?.id };
}

/** "Add to .magento.env.yaml": the patch (with what it requires) or the user's pick, checked against the catalog. */
export async function addToEnvYamlFlow(ctx: PatchActionContext, arg: unknown): Promise<ActionResult> {
  const { entry, id, result } = await cloudProject(ctx, arg, t('Add to {0}', ENV_YAML_FILE));
  if (entry === undefined) return result ?? cancelled;
  const scheduled = ctx.scheduled.of(entry.analysis.project.root).ids;
  let chosen: string[] | undefined;
  if (id !== undefined) {
    chosen = [id];
  } else {
    const items = scheduleAddItems(entry, scheduled);
    if (!items.some(isPatchItem)) return refuse(ctx, 'info', t('Every applicable patch is already in {0}.', ENV_YAML_FILE));
    chosen = await ctx.prompts().pickPatches({
      title: t('Add to {0} of {1} ({2})', ENV_YAML_FILE, productLabel(entry.analysis.project.product, t), folderLabel(entry)),
      placeholder: t('Choose the patches every Cloud build applies; type to search by ID, title or category'),
      items,
    });
    if (chosen === undefined || chosen.length === 0) return cancelled;
  }
  const { ids } = withRequirements(entry, chosen, scheduled);
  return addToEnvYaml(ctx, entry, ids);
}

/** Adds known IDs to the project's `.magento.env.yaml` (also the Apply confirmation's Cloud button). */
export async function addToEnvYaml(ctx: PatchActionContext, entry: CommerceEntry, ids: string[]): Promise<ActionResult> {
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
    const choice = await ctx.prompts().confirm(
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
export async function removeFromEnvYamlFlow(ctx: PatchActionContext, arg: unknown): Promise<ActionResult> {
  const { entry, id, result } = await cloudProject(ctx, arg, t('Remove from {0}', ENV_YAML_FILE));
  if (entry === undefined) return result ?? cancelled;
  const scheduled = ctx.scheduled.of(entry.analysis.project.root).ids;
  let ids: string[] | undefined;
  if (id !== undefined) {
    if (!scheduled.has(id)) return refuse(ctx, 'info', t('{0} is not listed in {1}.', id, ENV_YAML_FILE));
    ids = [id];
  } else {
    const items = scheduleRemoveItems(entry, scheduled);
    if (!items.some(isPatchItem)) return refuse(ctx, 'info', t('{0} lists no patch.', ENV_YAML_FILE));
    ids = await ctx.prompts().pickPatches({
      title: t('Remove from {0} of {1} ({2})', ENV_YAML_FILE, productLabel(entry.analysis.project.product, t), folderLabel(entry)),
      placeholder: t('Choose the patches to remove'),
      items,
    });
    if (ids === undefined || ids.length === 0) return cancelled;
  }
  return edit(ctx, entry, ids, 'remove');
}

async function edit(ctx: PatchActionContext, entry: CommerceEntry, ids: string[], op: 'add' | 'remove'): Promise<ActionResult> {
  const file = envYamlPath(entry.analysis.project.root);
  let done;
  try {
    done = await editQualityPatches(file, ids, op);
  } catch (e) {
    if (e instanceof InputError) {
      const { line = 1, column = 1 } = e.problem;
      return refuse(ctx, 'error', t('{0} cannot be edited: {1}', ENV_YAML_FILE, formatProblem(e.problem)), {
        [t('Open {0}', ENV_YAML_FILE)]: () =>
          vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(line - 1, column - 1, line - 1, column - 1) }),
      });
    }
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    if (e instanceof StaleDocumentError) {
      return refuse(ctx, 'warning', t('{0} changed on disk and its editor has not caught up yet: nothing was changed, try again.', ENV_YAML_FILE));
    }
    return refuse(ctx, 'error', t('{0} cannot be edited: {1}', ENV_YAML_FILE, e instanceof Error ? e.message : String(e)));
  }
  ctx.scheduled.drop(file);
  if (!done.changed) {
    return refuse(
      ctx,
      'info',
      op === 'add' ? t('{0} already lists {1}.', ENV_YAML_FILE, ids.join(', ')) : t('{0} does not list {1}.', ENV_YAML_FILE, ids.join(', ')),
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
