import * as path from 'node:path';
import * as vscode from 'vscode';

/** Every setting lives under this prefix. */
export const SECTION = 'commercePatches';

export type GroupBy = 'category' | 'flat';

/** The groups shown by default: the triage statuses that need attention, then applied and (Cloud) scheduled patches. */
export const DEFAULT_STATUSES: readonly string[] = ['applicable', 'needs-qpt-update', 'deprecated', 'applied', 'scheduled'];

/** `commercePatches.groupBy`: category sub-groups for large status groups, or one flat list. */
export function groupBy(): GroupBy {
  return vscode.workspace.getConfiguration(SECTION).get<string>('groupBy') === 'flat' ? 'flat' : 'category';
}

export async function setGroupBy(value: GroupBy): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<string>('groupBy');
  // Write where the user already set it, so a workspace value is not shadowed by a new user value.
  const target =
    inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('groupBy', value, target);
}

/** `commercePatches.statuses`: the names of the groups the view shows; anything that is not a string is ignored. */
export function shownStatuses(): ReadonlySet<string> {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('statuses');
  if (!Array.isArray(raw)) return new Set(DEFAULT_STATUSES);
  return new Set(raw.filter((s): s is string => typeof s === 'string'));
}

/**
 * `commercePatches.extraCatalogs` for one workspace folder, as absolute paths: relative entries and
 * `${workspaceFolder}` resolve against that folder. Non-string entries are dropped.
 */
export function extraCatalogs(folder: vscode.WorkspaceFolder | undefined): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION, folder?.uri).get<unknown>('extraCatalogs');
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
