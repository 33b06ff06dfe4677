import * as vscode from 'vscode';
import { FACTS_PATH, useBundledFactsFile } from './core/catalog/bundledFacts';
import { formatProblem } from './core/problem';
import { useTranslate } from './core/text/translate';
import { CatalogUpdates } from './vscode/catalog/updates';
import { CloudFeatures } from './vscode/cloud';
import { registerCommands } from './vscode/commands';
import type { ActionContext } from './vscode/commands/context';
import { defaultOpener, docsLinkFor, type UrlOpener } from './vscode/commands/docs';
import { windowPrompts, type Prompts } from './vscode/commands/prompts';
import { PatchHoverProvider } from './vscode/hover/provider';
import { formatCount, t } from './vscode/l10n';
import { LockProblems } from './vscode/problems';
import type { CommerceEntry, ProjectEntry } from './vscode/projects/entries';
import { ProjectStore } from './vscode/projects/store';
import { LogExcerpts } from './vscode/commands/evidence';
import { EvidenceStates } from './vscode/state/evidence';
import { shownStatuses } from './vscode/settings';
import { PatchStates } from './vscode/state/patchStates';
import { applicableShown } from './vscode/tree/groups';
import { PatchStatusBar } from './vscode/statusBar';
import { PatchView } from './vscode/tree/view';

/** The QPT and Cloud side, for the integration tests: the patch states, diagnostics and swappable prompts. */
export interface ActionsApi {
  readonly applied: PatchStates['applied'];
  readonly scheduled: PatchStates['scheduled'];
  readonly states: PatchStates;
  readonly diagnostics: CloudFeatures['diagnostics'];
  readonly context: ActionContext;
  /**
   * Replaces how the commands, the catalog updates and the new-evidence notification ask and tell the user (tests);
   * returns the previous prompts.
   */
  setPrompts(prompts: Prompts): Prompts;
}

/** What `activate` returns: used by the integration tests, not a stable API for other extensions. */
export interface ExtensionApi {
  store: ProjectStore;
  view: PatchView;
  hover: PatchHoverProvider;
  statusBar: PatchStatusBar;
  /** The fetched copy of QPT's metadata (Update Patch Catalog, the daily update). */
  catalog: CatalogUpdates;
  /** Apply / revert / check through QPT and the Cloud `.magento.env.yaml` features. */
  actions: ActionsApi;
  /** The evidence of each project (its logs and settings against the patches' signatures). */
  evidence: EvidenceStates;
  docsLinkFor: typeof docsLinkFor;
  /** Replaces how URLs are opened (tests record them instead); returns the previous opener. */
  setOpener(opener: UrlOpener): UrlOpener;
  timings: { activateStart: number; activateEnd: number };
}

/** The output channel's lines about a fresh analysis: the counts, then any catalog problem. */
function logAnalysis(output: vscode.OutputChannel, entry: ProjectEntry): void {
  if (entry.kind === 'ready') {
    const { catalog, result } = entry.analysis;
    output.appendLine(
      t(
        '{0}: {1} catalog patches, {2} applicable, read in {3} ms',
        entry.lockFile,
        formatCount(catalog.patches.size),
        formatCount(result.counts.applicable),
        formatCount(entry.millis),
      ),
    );
  }
  const problems = entry.kind === 'error' ? [entry.problem] : entry.analysis.problems;
  for (const p of problems) output.appendLine(formatProblem(p));
}

/**
 * Activation registers contributions only; reading composer.lock files and the catalogs waits until the view, a
 * hover or the status bar needs them (the status bar asks right after activation, outside of it).
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  // Core's texts (why a lock cannot be used, labels, reasons) go through VS Code's lookup too.
  useTranslate(t);
  const output = vscode.window.createOutputChannel(t('Commerce Patches'));
  // The facts of every QPT patch, read on first use from the extension's folder (not part of this bundle).
  useBundledFactsFile(context.asAbsolutePath(FACTS_PATH));
  const store = new ProjectStore((entry) => logAnalysis(output, entry), context.globalStorageUri.fsPath);
  const states = new PatchStates(context.workspaceState);
  let prompts: Prompts = windowPrompts;
  const evidence = new EvidenceStates(
    store,
    (entry) => states.appliedLookup(entry),
    output,
    (message, buttons) => prompts.message('info', message, buttons),
  );
  states.useEvidence(evidence);
  const excerpts = new LogExcerpts();
  const cloud = new CloudFeatures(store);
  const lockProblems = new LockProblems(store);
  const view = new PatchView(store, states);
  const firstRows = view.provider.onDidServePatchRows((at) => {
    firstRows.dispose();
    const asked = view.provider.timings.firstRootsRequest ?? at;
    output.appendLine(
      t(
        'Patches view filled {0} ms after activation (VS Code asked for its rows after {1} ms)',
        formatCount(at - activateStart),
        formatCount(asked - activateStart),
      ),
    );
  });
  const hover = new PatchHoverProvider(store, states);
  // Counted as the view's Applicable group counts them (applied, conflicting and skipped patches leave it).
  const applicableOf = (entry: CommerceEntry) =>
    applicableShown(entry.analysis.result.patches, states.of(entry), shownStatuses());
  const statusBar = new PatchStatusBar(store, applicableOf, states.onDidChange);
  let opener: UrlOpener = defaultOpener;
  const actionContext: ActionContext = { store, states, output, prompts: () => prompts, running: new Set() };
  const catalog = new CatalogUpdates(
    store,
    context.globalStorageUri.fsPath,
    output,
    context.globalState,
    () => (message, buttons) => prompts.message('info', message, buttons),
  );
  context.subscriptions.push(
    firstRows,
    output,
    store,
    states,
    cloud,
    lockProblems,
    view,
    statusBar,
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], hover),
    evidence,
    excerpts,
    ...registerCommands({ store, view, opener: () => opener, actions: actionContext, excerpts, catalog }),
  );
  // After activation returns: read the locks for the status bar, the view badge and the Problems panel.
  const warmUp = setTimeout(() => {
    statusBar.update();
    view.warmUp();
    lockProblems.update();
    cloud.warmUp();
    void catalog.whenDue();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  const actions: ActionsApi = {
    applied: states.applied,
    scheduled: states.scheduled,
    states,
    diagnostics: cloud.diagnostics,
    context: actionContext,
    setPrompts(next) {
      const previous = prompts;
      prompts = next;
      return previous;
    },
  };
  return {
    store,
    view,
    hover,
    statusBar,
    catalog,
    actions,
    evidence,
    docsLinkFor,
    setOpener(next) {
      const previous = opener;
      opener = next;
      return previous;
    },
    timings: { activateStart, activateEnd: performance.now() },
  };
}

export function deactivate(): void {}
