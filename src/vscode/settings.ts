import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_CATALOG_URL } from '../core/catalog/update/cache';
import { DEFAULT_SEARCH_DEPTH, MAX_SEARCH_DEPTH } from '../core/lock/find';
import { checkQptPrefix } from '../core/qpt/command';
import { SETTINGS, settingId, WORKBENCH } from './ids';

const config = (scope?: vscode.Uri) => vscode.workspace.getConfiguration(SETTINGS.section, scope);

export type GroupBy = 'category' | 'flat';

/** The groups shown by default: the triage statuses that need attention, then applied and (Cloud) scheduled patches. */
const DEFAULT_STATUSES: readonly string[] = [
  'recommended',
  'applicable',
  'needs-qpt-update',
  'deprecated',
  'applied',
  'scheduled',
];

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

/** `commercePatches.searchDepth` for one workspace folder: a whole number from 0 to 32, else the default (6). */
export function searchDepth(folder: vscode.WorkspaceFolder | undefined): number {
  const raw = config(folder?.uri).get<unknown>(SETTINGS.searchDepth);
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= MAX_SEARCH_DEPTH
    ? raw
    : DEFAULT_SEARCH_DEPTH;
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

/** `commercePatches.extraLogFolders` for one workspace folder, as absolute paths (relative to that folder). */
export function extraLogFolders(folder: vscode.WorkspaceFolder | undefined): string[] {
  const raw = config(folder?.uri).get<unknown>(SETTINGS.extraLogFolders);
  if (!Array.isArray(raw)) return [];
  const base = folder?.uri.fsPath;
  const out: string[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'string' || entry.trim() === '') continue;
    if (path.isAbsolute(entry)) out.push(path.normalize(entry));
    else if (base !== undefined) out.push(path.resolve(base, entry));
  }
  return [...new Set(out)];
}

/**
 * `commercePatches.configShowCommand` for a folder: the argument list that starts `bin/magento` (`config:show` is
 * appended), or undefined when unset or not a list of non-empty strings. A restricted setting: in an untrusted
 * workspace VS Code gives only the user's own value, and the caller does not run it there at all.
 */
export function configShowCommand(folder: vscode.WorkspaceFolder | undefined): string[] | undefined {
  const raw = config(folder?.uri).get<unknown>(SETTINGS.configShowCommand);
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((a) => typeof a === 'string' && a !== '')) return undefined;
  return raw as string[];
}

/** `commercePatches.notifyNewEvidence` (default on). */
export function notifyNewEvidence(): boolean {
  return config().get<boolean>(SETTINGS.notifyNewEvidence) !== false;
}

/** Turns the new-evidence notifications off for the user. */
export async function turnOffEvidenceNotifications(): Promise<void> {
  await config().update(SETTINGS.notifyNewEvidence, false, vscode.ConfigurationTarget.Global);
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

export type CatalogUpdates = 'off' | 'ask' | 'daily';

/**
 * A setting as the user set it (user settings only): where requests go and whether they are made is never decided
 * by a workspace, trusted or not (the settings are also declared `application`-scoped).
 */
function userValue<T>(key: string): T | undefined {
  return config().inspect<T>(key)?.globalValue;
}

/** `commercePatches.catalogUpdates`: `ask` unless the user chose `off` or `daily`. */
export function catalogUpdates(): CatalogUpdates {
  const value = userValue<string>(SETTINGS.catalogUpdates);
  return value === 'off' || value === 'daily' ? value : 'ask';
}

export function setCatalogUpdates(value: CatalogUpdates): Thenable<void> {
  return config().update(SETTINGS.catalogUpdates, value, vscode.ConfigurationTarget.Global);
}

/** `commercePatches.catalogUrl`: the folder holding QPT's four metadata files; QPT's public repository when unset. */
export function catalogUrl(): string {
  const value = userValue<string>(SETTINGS.catalogUrl);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_CATALOG_URL;
}
