import * as vscode from 'vscode';
import { isQptInstalled, QPT_INSTALL_COMMAND, QptPrefixError, qptStatusCommand } from '../../core/qpt/command';
import { displayCommand } from '../../core/qpt/displayCommand';
import type { PatchIdError } from '../../core/qpt/patchId';
import { withCatalogIds, type QptPatchState } from '../../core/qpt/status';
import { qptVendorDirProblem } from '../../core/qpt/vendorDir';
import { copyToClipboard } from '../clipboard';
import { SETTINGS, WORKBENCH } from '../ids';
import { folderLabel, projectLabel } from '../labels';
import { t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import { QptStatusError, runQptStatus } from '../qpt/statusRun';
import { untrustedReason } from '../qpt/trust';
import { configuredQptPrefix, openSetting } from '../settings';
import { actionArg, argTarget, badArgMessage } from './args';
import { cancelled, chooseProject, refuse, type ActionContext, type ActionResult } from './context';

/** A project where QPT can run now, with the command prefix to run it with. */
export interface Ready {
  entry: CommerceEntry;
  prefix: string[] | undefined;
}

/** Where the checks before a QPT command ended: ready to go (with the patch asked for, if any), or done already. */
export type Prepared = { kind: 'ready'; ready: Ready; id: string | undefined } | { kind: 'done'; result: ActionResult };

/**
 * The checks every QPT command makes before anything runs: a trusted workspace, a usable argument, a project,
 * QPT installed in it, a vendor-dir QPT can work with, a usable command setting, and no other QPT run in the project.
 */
export async function prepare(ctx: ActionContext, arg: unknown, title: string): Promise<Prepared> {
  const done = (result: ActionResult): Prepared => ({ kind: 'done', result });
  if (!vscode.workspace.isTrusted) {
    const manage = t('Manage Workspace Trust');
    return done(
      refuse(ctx, 'warning', untrustedReason(), {
        [manage]: () => vscode.commands.executeCommand(WORKBENCH.manageTrust),
      }),
    );
  }
  const parsed = actionArg(arg);
  if (parsed.kind === 'bad') return done(refuse(ctx, 'error', badArgMessage(parsed.shown)));
  const { lockFile, id } = argTarget(parsed);
  const choice = await chooseProject(ctx, lockFile, title);
  if (choice.kind === 'dismissed') return done(cancelled);
  if (choice.kind === 'none')
    return done(refuse(ctx, 'info', t('No Adobe Commerce or Magento project in this workspace.')));
  const { entry } = choice;
  if (!isQptInstalled(entry.analysis.project)) {
    return done(
      refuse(
        ctx,
        'warning',
        t(
          'The Quality Patches Tool is not installed in {0} ({1}). Install it with: {2}',
          projectLabel(entry),
          folderLabel(entry),
          QPT_INSTALL_COMMAND,
        ),
        { [t('Copy Command')]: () => copyToClipboard(QPT_INSTALL_COMMAND) },
      ),
    );
  }
  // QPT cannot work with a vendor-dir other than `vendor`: say why instead of passing its errors or N/A on.
  const vendorDirProblem = qptVendorDirProblem(entry.analysis.project);
  if (vendorDirProblem !== undefined) return done(refuse(ctx, 'warning', vendorDirProblem.message));
  let prefix: string[] | undefined;
  try {
    prefix = configuredQptPrefix(entry.folder);
  } catch (e) {
    if (!(e instanceof QptPrefixError)) throw e;
    return done(
      refuse(ctx, 'error', t('The setting commercePatches.qptCommand cannot be used: {0}', e.message), {
        [t('Open Settings')]: () => openSetting(SETTINGS.qptCommand),
      }),
    );
  }
  if (ctx.running.has(entry.lockFile)) {
    return done(refuse(ctx, 'info', t('The Quality Patches Tool is already running in {0}.', folderLabel(entry))));
  }
  return { kind: 'ready', ready: { entry, prefix }, id };
}

/** A PatchIdError in the user's language. */
export function patchIdMessage(e: PatchIdError, entry: CommerceEntry): string {
  switch (e.reason) {
    case 'empty':
      return t('No patch chosen.');
    case 'malformed':
      return badArgMessage(e.id);
    case 'unknown':
      return t('{0} is not in the patch catalogs of {1}: nothing was run.', e.id, projectLabel(entry));
  }
}

/**
 * Runs `magento-patches status --format=json` for the project and stores the result; on failure says why (with
 * the details in the output channel) and returns undefined.
 */
export async function checkStatus(
  ctx: ActionContext,
  { entry, prefix }: Ready,
): Promise<Map<string, QptPatchState> | undefined> {
  const project = entry.analysis.project;
  const inv = qptStatusCommand(project, prefix);
  ctx.output.appendLine(`> ${displayCommand(inv)}  (${inv.cwd})`);
  ctx.running.add(entry.lockFile);
  try {
    const { states: printed, stderr } = await ctx
      .prompts()
      .progress(t('Checking the applied patches of {0}…', projectLabel(entry)), (token) => runQptStatus(inv, token));
    // QPT prints IDs upper-cased: the state is kept under the catalog's spelling.
    const states = withCatalogIds(printed, entry.analysis.catalog.patches.keys());
    if (stderr.trim() !== '') ctx.output.appendLine(stderr.trimEnd());
    await ctx.states.applied.set(project, states);
    const applied = [...states.values()].filter((s) => s.status === 'Applied').length;
    ctx.output.appendLine(t('{0}: {1} of {2} patches applied (QPT status).', folderLabel(entry), applied, states.size));
    return states;
  } catch (e) {
    // Stopped by the user: nothing to report.
    if (e instanceof QptStatusError && e.cancelled) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    ctx.output.appendLine(t('QPT status failed in {0}: {1}', folderLabel(entry), message));
    const details = e instanceof QptStatusError ? e.output : '';
    if (details !== '') ctx.output.appendLine(details);
    refuse(
      ctx,
      'error',
      t('Could not read the applied patches of {0}: QPT status {1}.', projectLabel(entry), message),
      {
        [t('Show Output')]: () => ctx.output.show(true),
      },
    );
    return undefined;
  } finally {
    ctx.running.delete(entry.lockFile);
  }
}
