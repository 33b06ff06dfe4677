import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  isQptInstalled,
  QPT_INSTALL_COMMAND,
  QPT_PACKAGE,
  qptApplyCommand,
  QptPrefixError,
  qptRevertCommand,
  qptStatusCommand,
  type QptInvocation,
} from '../../core/qpt/command';
import { PatchIdError } from '../../core/qpt/patchId';
import { withCatalogIds, type QptPatchState } from '../../core/qpt/status';
import { productLabel, reasonText } from '../../core/text/describe';
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
import { folderLabel } from '../tree/patchTreeProvider';
import { applyPickItems, revertPickItems, withRequirements } from './patchPicks';
import { isPatchItem } from './prompts';
import { configuredQptPrefix, openQptSetting } from './qptSettings';
import { QptStatusError, runQptStatus } from './qptStatusRun';
import { displayCommand } from './displayCommand';
import { runQptTask, showTaskTerminal, type QptAction } from './qptTask';
import { checkTrusted, untrustedReason } from './trust';

/** Projects whose QPT task or status check is running: one at a time per project. */
const busy = new Set<string>();

function label(entry: CommerceEntry): string {
  return productLabel(entry.analysis.project.product, t);
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(t('Copied {0}', text), 5000);
}

/** A PatchIdError in the user's language. */
export function patchIdMessage(e: PatchIdError, entry: CommerceEntry): string {
  switch (e.reason) {
    case 'empty':
      return t('No patch chosen.');
    case 'malformed':
      return badArgMessage(e.id);
    case 'unknown':
      return t('{0} is not in the patch catalogs of {1}: nothing was run.', e.id, label(entry));
  }
}

interface Ready {
  entry: CommerceEntry;
  prefix: string[] | undefined;
}

/**
 * The checks every QPT command makes before anything runs: a trusted workspace, a usable argument, a project,
 * QPT installed in it, a usable command setting, and no other QPT run in the project.
 */
async function prepare(ctx: PatchActionContext, arg: unknown, title: string): Promise<{ ready?: Ready; result?: ActionResult; id?: string }> {
  if (!checkTrusted(ctx.prompts())) return { result: { outcome: 'refused', why: untrustedReason() } };
  const parsed = actionArg(arg);
  if ('bad' in parsed) return { result: refuse(ctx, 'error', badArgMessage(parsed.bad)) };
  const { entry, none } = await chooseProject(ctx, parsed.lockFile, title);
  if (entry === undefined) {
    return { result: none ? refuse(ctx, 'info', t('No Adobe Commerce or Magento project in this workspace.')) : cancelled };
  }
  const project = entry.analysis.project;
  if (!isQptInstalled(project)) {
    const button = t('Copy Command');
    return {
      result: refuse(
        ctx,
        'warning',
        t('The Quality Patches Tool is not installed in {0} ({1}). Install it with: {2}', label(entry), folderLabel(entry), QPT_INSTALL_COMMAND),
        { [button]: () => copy(QPT_INSTALL_COMMAND) },
      ),
    };
  }
  let prefix: string[] | undefined;
  try {
    prefix = configuredQptPrefix(entry.folder);
  } catch (e) {
    if (!(e instanceof QptPrefixError)) throw e;
    return {
      result: refuse(ctx, 'error', t('The setting commercePatches.qptCommand cannot be used: {0}', e.message), {
        [t('Open Settings')]: openQptSetting,
      }),
    };
  }
  if (busy.has(entry.lockFile)) {
    return { result: refuse(ctx, 'info', t('The Quality Patches Tool is already running in {0}.', folderLabel(entry))) };
  }
  return { ready: { entry, prefix }, id: parsed.ref?.id };
}

/**
 * Runs `magento-patches status --format=json` for the project and stores the result; on failure says why (with
 * the details in the output channel) and returns undefined.
 */
async function checkStatus(ctx: PatchActionContext, { entry, prefix }: Ready): Promise<Map<string, QptPatchState> | undefined> {
  const project = entry.analysis.project;
  const inv = qptStatusCommand(project, prefix);
  ctx.output.appendLine(`> ${displayCommand(inv)}  (${inv.cwd})`);
  busy.add(entry.lockFile);
  try {
    const { states: printed, stderr } = await ctx.prompts().progress(t('Checking the applied patches of {0}…', label(entry)), (token) =>
      runQptStatus(inv, token),
    );
    const states = withCatalogIds(printed, entry.analysis.catalog.patches.keys());
    if (stderr.trim() !== '') ctx.output.appendLine(stderr.trimEnd());
    await ctx.applied.set(project, states);
    const applied = [...states.values()].filter((s) => s.status === 'Applied').length;
    ctx.output.appendLine(t('{0}: {1} of {2} patches applied (QPT status).', folderLabel(entry), applied, states.size));
    return states;
  } catch (e) {
    // Stopped by the user: nothing to report.
    if (e instanceof QptStatusError && e.cancelled) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    ctx.output.appendLine(t('QPT status failed in {0}: {1}', folderLabel(entry), message));
    const details = (e as { output?: unknown }).output;
    if (typeof details === 'string' && details !== '') ctx.output.appendLine(details);
    refuse(ctx, 'error', t('Could not read the applied patches of {0}: QPT status {1}.', label(entry), message), {
      [t('Show Output')]: () => ctx.output.show(true),
    });
    return undefined;
  } finally {
    busy.delete(entry.lockFile);
  }
}

/** "Check applied patches": runs the status, stores it and sums it up. */
export async function checkAppliedFlow(ctx: PatchActionContext, arg: unknown): Promise<ActionResult> {
  const { ready, result } = await prepare(ctx, arg, t('Check applied patches'));
  if (ready === undefined) return result ?? cancelled;
  const states = await checkStatus(ctx, ready);
  if (states === undefined) return { outcome: 'failed', ids: [] };
  const count = (s: string) => [...states.values()].filter((x) => x.status === s).length;
  void ctx.prompts().message(
    'info',
    t('{0}: {1} patches applied, {2} not applied, {3} N/A (QPT status).', label(ready.entry), count('Applied'), count('Not applied'), count('N/A')),
    [],
  );
  return { outcome: 'succeeded', ids: [...states.keys()].filter((id) => states.get(id)?.status === 'Applied') };
}

/** "Apply patch": pick, confirm, run `magento-patches apply -n ID...` as a task, report, check the status again. */
export async function applyFlow(
  ctx: PatchActionContext,
  arg: unknown,
  addToEnvYaml: (entry: CommerceEntry, ids: string[]) => Promise<ActionResult>,
): Promise<ActionResult> {
  const { ready, result, id } = await prepare(ctx, arg, t('Apply patch'));
  if (ready === undefined) return result ?? cancelled;
  const { entry } = ready;
  const { result: triage, catalog, project } = entry.analysis;
  const applied = ctx.applied.appliedIds(project);
  if (id !== undefined) {
    const triaged = triage.byId.get(id);
    if (triaged === undefined) return refuse(ctx, 'error', t('{0} is not in the patch catalogs of {1}: nothing was run.', id, label(entry)));
    if (applied.has(id)) return refuse(ctx, 'info', t('{0} is already applied to {1} (QPT status).', id, label(entry)));
    if (triaged.status === 'needs-qpt-update') {
      const update = `composer update ${QPT_PACKAGE}`;
      return refuse(
        ctx,
        'warning',
        t('{0} needs a newer Quality Patches Tool than the installed {1}. Update it with: {2}', id, project.qpt.installed ?? '?', update),
        { [t('Copy Command')]: () => copy(update) },
      );
    }
    if (triaged.status === 'not-applicable') {
      const why = triaged.reason !== undefined ? reasonText(triaged.reason, t) : '';
      return refuse(ctx, 'warning', t('{0} does not apply to {1}. {2}', id, label(entry), why).trim());
    }
  }
  const scheduled = project.product.cloud ? ctx.scheduled.of(project.root).ids : new Set<string>();
  const pick = applyPickItems(entry, applied, scheduled, id);
  if (!pick.items.some(isPatchItem)) return refuse(ctx, 'info', t('No patch left to apply to {0}.', label(entry)));
  const chosen = await ctx.prompts().pickPatches({
    title: t('Apply patches to {0} ({1})', label(entry), folderLabel(entry)),
    placeholder: pick.note ?? t('Choose the patches to apply; type to search by ID, title or category'),
    items: pick.items,
  });
  if (chosen === undefined || chosen.length === 0) return cancelled;
  const { ids, added } = withRequirements(entry, chosen, applied);
  let inv: QptInvocation;
  try {
    inv = qptApplyCommand(project, ids, { known: catalog.patches, prefix: ready.prefix });
  } catch (e) {
    if (e instanceof PatchIdError) return refuse(ctx, 'error', patchIdMessage(e, entry));
    throw e;
  }
  const vendor = path.relative(project.root, project.vendorDir) || project.vendorDir;
  const detail = [
    t('The Quality Patches Tool changes files under {0}/ (Revert Patch undoes it).', vendor),
    added.length > 0 ? t('Required patches added: {0}', added.join(', ')) : '',
    ...ids
      .map((x) => triage.byId.get(x))
      .filter((p) => p?.status === 'deprecated')
      .map((p) => (p?.replacedWith ? t('{0} is deprecated: use {1}.', p.patch.id, p.replacedWith) : t('{0} is deprecated.', p?.patch.id ?? ''))),
    project.product.cloud ? t('On Cloud, a patch applied this way is lost at the next deployment; .magento.env.yaml makes it last.') : '',
    t('Command: {0}', displayCommand(inv)),
    t('Folder: {0}', inv.cwd),
  ].filter((s) => s !== '');
  const apply = t('Apply');
  const addInstead = t('Add to .magento.env.yaml Instead');
  const buttons = project.product.cloud ? [apply, addInstead] : [apply];
  const message = ids.length === 1 ? t('Apply {0} to {1}?', ids[0], label(entry)) : t('Apply {0} patches to {1}?', ids.length, label(entry));
  const choice = await ctx.prompts().confirm(message, detail.join('\n'), buttons);
  if (choice === addInstead) return addToEnvYaml(entry, ids);
  if (choice !== apply) return cancelled;
  return run(ctx, ready, 'apply', ids, inv);
}

/** "Revert patch": offered on applied patches (checking the status first when it is not known). */
export async function revertFlow(ctx: PatchActionContext, arg: unknown): Promise<ActionResult> {
  const { ready, result, id } = await prepare(ctx, arg, t('Revert patch'));
  if (ready === undefined) return result ?? cancelled;
  const { entry } = ready;
  const { catalog, project } = entry.analysis;
  if (ctx.applied.get(project) === undefined && (await checkStatus(ctx, ready)) === undefined) {
    return { outcome: 'failed', ids: [] };
  }
  const applied = ctx.applied.appliedIds(project);
  if (id !== undefined && !applied.has(id)) {
    return refuse(ctx, 'info', t('{0} is not applied to {1} (QPT status).', id, label(entry)));
  }
  const items = revertPickItems(entry, applied, id);
  if (!items.some(isPatchItem)) return refuse(ctx, 'info', t('QPT reports no applied patch in {0}.', label(entry)));
  const chosen = await ctx.prompts().pickPatches({
    title: t('Revert patches in {0} ({1})', label(entry), folderLabel(entry)),
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
  const message = chosen.length === 1 ? t('Revert {0} in {1}?', chosen[0], label(entry)) : t('Revert {0} patches in {1}?', chosen.length, label(entry));
  const detail = [t('Command: {0}', displayCommand(inv)), t('Folder: {0}', inv.cwd)].join('\n');
  if ((await ctx.prompts().confirm(message, detail, [revert])) !== revert) return cancelled;
  return run(ctx, ready, 'revert', chosen, inv);
}

/** Runs the task, says how it went, then reads the applied state again (the code under vendor/ changed). */
async function run(ctx: PatchActionContext, ready: Ready, action: QptAction, ids: string[], inv: QptInvocation): Promise<ActionResult> {
  const { entry } = ready;
  ctx.output.appendLine(`> ${displayCommand(inv)}  (${inv.cwd})`);
  busy.add(entry.lockFile);
  let outcome;
  try {
    outcome = await runQptTask(inv, action, ids, entry.folder);
  } finally {
    busy.delete(entry.lockFile);
  }
  const { exitCode } = outcome;
  ctx.output.appendLine(t('{0} ended with exit code {1}.', outcome.name, exitCode ?? '?'));
  const list = ids.join(', ');
  const showOutput = { [t('Show Output')]: () => showTaskTerminal(outcome) || ctx.output.show(true) };
  if (exitCode === 0) {
    void ctx.prompts().message('info', action === 'apply' ? t('Applied {0} to {1}.', list, label(entry)) : t('Reverted {0} in {1}.', list, label(entry)), []);
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
  await ctx.applied.forget(entry.lockFile);
  await checkStatus(ctx, ready);
  return { outcome: exitCode === 0 ? 'succeeded' : 'failed', ids, exitCode };
}
