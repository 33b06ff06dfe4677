import * as vscode from 'vscode';
import { COMMANDS, OWN, WORKBENCH } from '../ids';
import type { ProjectStore } from '../projects/store';
import { setGroupBy } from '../settings';
import type { PatchView } from '../tree/view';
import type { CatalogUpdates } from '../catalog/updates';
import { applyCommand } from './apply';
import { updateCatalogCommand } from './catalog';
import { browseReleaseCommand, stopBrowsingCommand } from './browse';
import { checkAppliedCommand } from './checkApplied';
import type { ActionContext } from './context';
import { clearDecisionCommand, decideCommand } from './decisions';
import { copyIdCommand, openDocsCommand, type UrlOpener } from './docs';
import { addToEnvYaml, addToEnvYamlCommand, removeFromEnvYamlCommand } from './envYaml';
import { type LogExcerpts, openEvidenceCommand } from './evidence';
import { planUpgradeCommand } from './planUpgrade';
import { revertCommand } from './revert';
import { PatchPreviews, showChangesCommand } from './showChanges';
import { filterCommand, openLockProblemCommand, revealCommand } from './view';

export interface CommandDeps {
  store: ProjectStore;
  view: PatchView;
  /** Read at each use: tests swap how URLs are opened. */
  opener: () => UrlOpener;
  /** What the QPT and `.magento.env.yaml` commands work with. */
  actions: ActionContext;
  /** Where excerpts of big logs are opened. */
  excerpts: LogExcerpts;
  /** The fetched copy of QPT's metadata. */
  catalog: CatalogUpdates;
}

/** Registers every command of the extension (package.json `contributes.commands`), one line each. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { store, view, actions } = deps;
  const register = (id: string, fn: (arg: unknown) => unknown) => vscode.commands.registerCommand(id, fn);
  const previews = new PatchPreviews();
  return [
    vscode.workspace.registerTextDocumentContentProvider(OWN.previewScheme, previews),
    register(COMMANDS.refresh, () => store.refresh()),
    register(COMMANDS.filter, () => filterCommand(view)),
    register(COMMANDS.clearFilter, () => view.provider.setFilter('')),
    register(COMMANDS.groupByCategory, () => setGroupBy('category')),
    register(COMMANDS.groupFlat, () => setGroupBy('flat')),
    register(COMMANDS.openDocs, (arg) => openDocsCommand(store, deps.opener(), arg)),
    register(COMMANDS.copyId, (arg) => copyIdCommand(arg)),
    register(COMMANDS.reveal, (arg) => revealCommand(view, arg)),
    register(COMMANDS.openLockProblem, (arg) => openLockProblemCommand(store, arg)),
    register(COMMANDS.showView, () => vscode.commands.executeCommand(WORKBENCH.showContainer)),
    register(COMMANDS.apply, (arg) => applyCommand(actions, arg, (entry, ids) => addToEnvYaml(actions, entry, ids))),
    register(COMMANDS.revert, (arg) => revertCommand(actions, arg)),
    register(COMMANDS.checkApplied, (arg) => checkAppliedCommand(actions, arg)),
    register(COMMANDS.addToEnvYaml, (arg) => addToEnvYamlCommand(actions, arg)),
    register(COMMANDS.removeFromEnvYaml, (arg) => removeFromEnvYamlCommand(actions, arg)),
    register(COMMANDS.openEvidence, (arg) => openEvidenceCommand(deps.excerpts, arg)),
    register(COMMANDS.updateCatalog, () => updateCatalogCommand(deps.catalog, actions)),
    register(COMMANDS.skipPatch, (arg) => decideCommand(actions, arg, 'skip')),
    register(COMMANDS.investigatePatch, (arg) => decideCommand(actions, arg, 'investigate')),
    register(COMMANDS.clearDecision, (arg) => clearDecisionCommand(actions, arg)),
    register(COMMANDS.planUpgrade, (arg) => planUpgradeCommand(actions, arg)),
    register(COMMANDS.browseRelease, () => browseReleaseCommand(actions, view)),
    register(COMMANDS.stopBrowsing, () => stopBrowsingCommand(view)),
    register(COMMANDS.showChanges, (arg) => showChangesCommand(actions, previews, arg)),
  ];
}
