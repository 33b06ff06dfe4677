import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkQptPrefix } from '../core/qpt/command';
import { SETTINGS, settingId, WORKBENCH } from './ids';

const config = (scope?: vscode.Uri) => vscode.workspace.getConfiguration(SETTINGS.section, scope);

export type GroupBy = 'category' | 'flat';

/** The groups shown by default: the triage statuses that need attention, then applied and (Cloud) scheduled patches. */
const DEFAULT_STATUSES: readonly string[] = ['applicable', 'needs-qpt-update', 'deprecated', 'applied', 'scheduled'];

/** `commercePatches.groupBy`: category sub-groups for large status groups, or one flat list. */
export function groupBy(): GroupBy {
  return config().get<string>(SETTINGS.groupBy) === 'flat' ? 'flat' : 'category';
}

export async function setGroupBy(value: GroupBy): Promise<void> {
  const settings = config();
  const inspected = settings.inspect<string>(SETTINGS.groupBy);
  // Write where the user already set it, so a workspace value is not shadowed by a new user value.
  const target =
    inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await settings.update(SETTINGS.groupBy, value, target);
}

/** `commercePatches.statuses`: the names of the groups the view shows; anything that is not a string is ignored. */
export function shownStatuses(): ReadonlySet<string> {
  const raw = config().get<unknown>(SETTINGS.statuses);
  if (!Array.isArray(raw)) return new Set(DEFAULT_STATUSES);
  return new Set(raw.filter((s): s is string => typeof s === 'string'));
}

/**
 * `commercePatches.extraCatalogs` for one workspace folder, as absolute paths: relative entries and
 * `${workspaceFolder}` resolve against that folder. Non-string entries are dropped.
 */
export function extraCatalogs(folder: vscode.WorkspaceFolder | undefined): string[] {
  const raw = config(folder?.uri).get<unknown>(SETTINGS.extraCatalogs);
  if (!Array.isArray(raw)) return [];
  const base = folder?.uri.fsPath;
  const out: string[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    const expanded = base === undefined ? entry : entry.replace(/\$\{workspaceFolder\}/g, base);
    if (path.isAbsolute(expanded)) out.push(path.normalize(expanded));
    else if (base !== undefined) out.push(path.resolve(base, expanded));
  }
  return [...new Set(out)];
}

/**
 * `commercePatches.qptCommand`, the command prefix for a project: the setting for its folder, or undefined for the
 * default `php <bin-dir>/magento-patches` (setting absent or an empty list). A value that is not a list of non-empty
 * strings throws `QptPrefixError`. In an untrusted workspace VS Code ignores the workspace's value of a restricted
 * setting, so this then reads the user's own value only.
 */
export function configuredQptPrefix(folder: vscode.WorkspaceFolder | undefined): string[] | undefined {
  const raw = config(folder?.uri).get<unknown>(SETTINGS.qptCommand);
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return undefined;
  return checkQptPrefix(raw);
}

/** Opens the Settings editor on a setting. */
export function openSetting(key: Parameters<typeof settingId>[0]): Thenable<unknown> {
  return vscode.commands.executeCommand(WORKBENCH.openSettings, settingId(key));
}
