import * as vscode from 'vscode';
import { appliedPatchIds } from '../../core/state/patchState';
import { COMMANDS, WORKBENCH } from '../ids';
import { folderLabel, projectLabel } from '../labels';
import { displayLocale, t } from '../l10n';
import { actionArg, argTarget, badArgMessage } from './args';
import { cancelled, chooseProject, refuse, type ActionContext, type ActionResult } from './context';
import { planEngine } from './planEngine';

/**
 * "Plan Upgrade…": picks a newer release of the project's line and opens what happens to the patches it uses as a
 * Markdown report (an untitled document, so it can be saved or copied) in the preview.
 */
export async function planUpgradeCommand(ctx: ActionContext, arg: unknown): Promise<ActionResult> {
  const parsed = actionArg(arg);
  if (parsed.kind === 'bad') return refuse(ctx, 'error', badArgMessage(parsed.shown));
  const choice = await chooseProject(ctx, argTarget(parsed).lockFile, t('Plan Upgrade'));
  if (choice.kind === 'dismissed') return cancelled;
  if (choice.kind === 'none') return refuse(ctx, 'info', t('No Commerce project in this workspace.'));
  const entry = choice.entry;
  const { project, catalog, result } = entry.analysis;
  const { laterReleases, planMarkdown, planProject, readProjectPatches, releaseTableFor } = planEngine();
  const table = releaseTableFor(project);
  const later = laterReleases(table, project.product.version).reverse();
  if (later.length === 0) {
    return refuse(ctx, 'info', t('The release list knows no release after {0} on its line.', project.product.version));
  }
  const items = later.map((r) => ({ label: r, value: r }));
  const title = t('Plan Upgrade of {0} ({1})', projectLabel(entry), folderLabel(entry));
  const release = await ctx.prompts().pickOne(items, title, t('Which release to upgrade to?'));
  if (release === undefined) return cancelled;
  // The applied set the Patches view shows (the extension's own check, QPT's last status where it cannot tell),
  // and the store's evidence, read once for every catalog patch, to put what it calls for first.
  await ctx.states.pending(entry);
  const applied = appliedPatchIds(ctx.states.of(entry), result);
  const evidence = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: t("Reading the store's logs and settings…") },
    // Evidence only orders the list: a scan that fails leaves the plan without it.
    () => ctx.states.planEvidence(entry).catch(() => undefined),
  );
  const patches = readProjectPatches(project);
  const [plan] = planProject(project, catalog, table, [release], {
    applied,
    current: result,
    patches,
    ...(evidence !== undefined ? { evidence } : {}),
  });
  const content = planMarkdown(plan, folderLabel(entry), displayLocale());
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand(WORKBENCH.markdownPreview, document.uri);
  const blockers = plan.patches.filter((p) => p.blocksUpgrade).map((p) => p.id);
  if (blockers.length > 0) {
    // The most common Cloud build failure after an upgrade: say so first, and offer the fix.
    const remove = t('Remove from .magento.env.yaml');
    const message = t(
      '{0} in .magento.env.yaml would stop the Cloud build on {1} with "Next patches weren\'t found".',
      blockers.join(', '),
      release,
    );
    void ctx
      .prompts()
      .message('warning', message, [remove])
      .then(async (choice) => {
        if (choice !== remove) return;
        for (const id of blockers)
          await vscode.commands.executeCommand(COMMANDS.removeFromEnvYaml, { id, lockFile: entry.lockFile });
      });
  }
  return { outcome: 'succeeded', ids: plan.patches.map((p) => p.id) };
}
