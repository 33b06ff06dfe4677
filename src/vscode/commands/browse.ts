import * as vscode from 'vscode';
import { formatProblem } from '../../core/problem';
import type { ReleaseEdition } from '../../core/releases/releaseProject';
import { CONTEXT, WORKBENCH } from '../ids';
import { t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import type { PatchView } from '../tree/view';
import { cancelled, refuse, type ActionContext, type ActionResult } from './context';
import { planEngine } from './planEngine';

function setBrowsing(on: boolean): void {
  void vscode.commands.executeCommand(WORKBENCH.setContext, CONTEXT.browsing, on);
}

/**
 * "Browse Patches for a Release…": picks any release QPT knows and an edition, and fills the Patches view with the
 * patches for that release's own package versions (Adobe's patch search page, offline), labelled as not the
 * workspace's store. The catalogs and release list are the first project's installed QPT metadata, else the bundled ones.
 */
export async function browseReleaseCommand(ctx: ActionContext, view: PatchView): Promise<ActionResult> {
  const store = ctx.store.commerce()[0]?.analysis.project;
  // InputError of the plan's bundle: its errors are instances of its own copy.
  const { analyzeRelease, InputError, releaseTableFor, sortedReleases } = planEngine();
  const table = releaseTableFor(store);
  const releases = sortedReleases(table).reverse();
  const release = await ctx.prompts().pickOne(
    releases.map((r) => ({ label: r, value: r })),
    t('Browse Patches for a Release'),
    t('Which release?'),
  );
  if (release === undefined) return cancelled;
  const editions: Array<{ label: string; value: ReleaseEdition }> = [
    // Product names, as the view writes them.
    { label: 'Adobe Commerce', value: 'commerce' },
    { label: 'Adobe Commerce · B2B', value: 'b2b' },
    { label: 'Magento Open Source', value: 'open-source' },
  ];
  const edition = await ctx.prompts().pickOne(editions, t('Browse Patches for {0}', release), t('Which edition?'));
  if (edition === undefined) return cancelled;
  let analysis;
  try {
    analysis = analyzeRelease(release, { edition, store });
  } catch (e) {
    if (e instanceof InputError) return refuse(ctx, 'error', formatProblem(e.problem));
    throw e;
  }
  const folder = { uri: vscode.Uri.parse(`untitled:${release}`), name: release, index: -1 };
  const entry = { kind: 'ready', lockFile: '', folder, analysis, millis: 0 } as CommerceEntry;
  view.provider.browse(entry);
  setBrowsing(true);
  await vscode.commands.executeCommand(WORKBENCH.showContainer);
  return {
    outcome: 'succeeded',
    ids: analysis.result.patches.filter((e) => e.status !== 'not-applicable').map((e) => e.patch.id),
  };
}

/** "Back to the Workspace's Stores": the Patches view shows the workspace's projects again. */
export function stopBrowsingCommand(view: PatchView): void {
  view.provider.browse(undefined);
  setBrowsing(false);
}
