import * as vscode from 'vscode';
import { formatProblem } from './core/problem';
import { defaultOpener, docsLinkFor, registerCommands, type UrlOpener } from './vscode/commands';
import { PatchActions } from './vscode/patchActions';
import { PatchHoverProvider } from './vscode/patchHover';
import { PatchStatusBar } from './vscode/statusBar';
import { PatchView } from './vscode/patchView';
import { formatCount, t } from './vscode/l10n';
import { ProjectStore } from './vscode/projectStore';

/** What `activate` returns: used by the integration tests, not a stable API for other extensions. */
export interface ExtensionApi {
  store: ProjectStore;
  view: PatchView;
  hover: PatchHoverProvider;
  statusBar: PatchStatusBar;
  /** Apply / revert / check through QPT and the Cloud `.magento.env.yaml` features. */
  actions: PatchActions;
  docsLinkFor: typeof docsLinkFor;
  /** Replaces how URLs are opened (tests record them instead); returns the previous opener. */
  setOpener(opener: UrlOpener): UrlOpener;
  timings: { activateStart: number; activateEnd: number };
}

/**
 * Activation registers contributions only; reading composer.lock files and the catalogs waits until the view, a
 * hover or the status bar needs them (the status bar asks right after activation, outside of it).
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  const output = vscode.window.createOutputChannel(t('Commerce Patches'));
  const store = new ProjectStore((entry) => {
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
  });
  const actions = new PatchActions(store, context.workspaceState, output);
  const view = new PatchView(store, actions.states);
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
  const hover = new PatchHoverProvider(store, actions.states);
  const statusBar = new PatchStatusBar(store);
  let opener: UrlOpener = defaultOpener;
  context.subscriptions.push(
    firstRows,
    output,
    store,
    view,
    statusBar,
    actions,
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], hover),
    ...registerCommands({ store, view, opener: () => opener }),
  );
  // After activation returns: read the locks for the status bar and the view badge.
  const warmUp = setTimeout(() => {
    statusBar.update();
    view.warmUp();
    actions.warmUp(store);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  return {
    store,
    view,
    hover,
    statusBar,
    actions,
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
