// Every ID the extension shares with VS Code: commands, views, context keys, settings, and the few VS Code
// commands it calls. The manifest (package.json `contributes`) uses the same strings; test/unit/vscode/ids.test.ts
// checks both agree. No other file spells one of these strings.

/** The prefix of every command, setting and context key. */
const PREFIX = 'commercePatches';

/** Command IDs the extension contributes (`contributes.commands`). */
export const COMMANDS = {
  refresh: `${PREFIX}.refresh`,
  filter: `${PREFIX}.filter`,
  clearFilter: `${PREFIX}.clearFilter`,
  groupByCategory: `${PREFIX}.groupByCategory`,
  groupFlat: `${PREFIX}.groupFlat`,
  openDocs: `${PREFIX}.openDocs`,
  copyId: `${PREFIX}.copyId`,
  reveal: `${PREFIX}.reveal`,
  openLockProblem: `${PREFIX}.openLockProblem`,
  showView: `${PREFIX}.showView`,
  apply: `${PREFIX}.apply`,
  revert: `${PREFIX}.revert`,
  checkApplied: `${PREFIX}.checkApplied`,
  addToEnvYaml: `${PREFIX}.addToEnvYaml`,
  removeFromEnvYaml: `${PREFIX}.removeFromEnvYaml`,
  openEvidence: `${PREFIX}.openEvidence`,
  updateCatalog: `${PREFIX}.updateCatalog`,
  skipPatch: `${PREFIX}.skipPatch`,
  investigatePatch: `${PREFIX}.investigatePatch`,
  clearDecision: `${PREFIX}.clearDecision`,
  planUpgrade: `${PREFIX}.planUpgrade`,
  browseRelease: `${PREFIX}.browseRelease`,
  stopBrowsing: `${PREFIX}.stopBrowsing`,
  showChanges: `${PREFIX}.showChanges`,
} as const;

/** The activity-bar container and its Patches view (`contributes.viewsContainers`, `contributes.views`). */
export const VIEWS = {
  container: PREFIX,
  patches: `${PREFIX}.patches`,
} as const;

/** Context keys the manifest's `when` clauses use. */
export const CONTEXT = {
  /** `noFolder` | `noComposer` | `composerJsonOnly` | `notCommerce` | `lockError` | `ready` (unset until the view loads). */
  state: `${PREFIX}.state`,
  /** True while a text filter narrows the view. */
  filtered: `${PREFIX}.filtered`,
  /** `category` | `flat`, mirrors the `commercePatches.groupBy` setting. */
  groupBy: `${PREFIX}.groupBy`,
  /** True when the workspace has an Adobe Commerce project on Cloud (the `.magento.env.yaml` commands). */
  cloud: `${PREFIX}.cloud`,
  /** True while the Patches view shows a release browsed without a store. */
  browsing: `${PREFIX}.browsing`,
} as const;

/** Settings (`contributes.configuration`): the section, and each key within it. */
export const SETTINGS = {
  section: PREFIX,
  groupBy: 'groupBy',
  statuses: 'statuses',
  extraCatalogs: 'extraCatalogs',
  /** How many folder levels below each workspace folder are searched for composer.lock files. */
  searchDepth: 'searchDepth',
  /** The command that starts QPT, as an argument list (a restricted setting). */
  qptCommand: 'qptCommand',
  /** More folders of log files for the evidence, relative to the workspace folder. */
  extraLogFolders: 'extraLogFolders',
  /** Notify when a new log line matches a patch's signature. */
  notifyNewEvidence: 'notifyNewEvidence',
  /** The command that prints the database configuration (`bin/magento` …), as an argument list (a restricted setting). */
  configShowCommand: 'configShowCommand',
  /** `off` | `ask` | `daily`: whether the patch catalog is fetched without the command (a user setting only). */
  catalogUpdates: 'catalogUpdates',
  /** The folder holding QPT's four metadata files (a user setting only). */
  catalogUrl: 'catalogUrl',
} as const;

/** The full name of a setting, e.g. `commercePatches.groupBy`. */
export function settingId(key: (typeof SETTINGS)[Exclude<keyof typeof SETTINGS, 'section'>]): string {
  return `${SETTINGS.section}.${key}`;
}

/** The task type of QPT runs (`contributes.taskDefinitions`). */
export const TASK_TYPE = PREFIX;

/** IDs of other things the extension creates: the status bar item, diagnostic collections, stored state. */
export const OWN = {
  statusBarItem: `${PREFIX}.status`,
  lockDiagnostics: PREFIX,
  envYamlDiagnostics: `${PREFIX}.envYaml`,
  appliedStateMemento: `${PREFIX}.appliedState`,
  /** The scheme of the read-only excerpts of logs too big to open. */
  logExcerptScheme: 'commerce-patches-log',
  /** When the user was last asked whether to update the patch catalog (global state). */
  catalogAskedMemento: `${PREFIX}.catalogAsked`,
  /** The URI scheme of the read-only documents Show Patch Changes compares against. */
  previewScheme: 'commerce-patch',
} as const;

/** VS Code's own commands the extension calls. */
export const WORKBENCH = {
  manageTrust: 'workbench.trust.manage',
  openSettings: 'workbench.action.openSettings',
  showContainer: `workbench.view.extension.${VIEWS.container}`,
  setContext: 'setContext',
  markdownPreview: 'markdown.showPreview',
  diff: 'vscode.diff',
} as const;
