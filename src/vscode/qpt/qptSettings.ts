import * as vscode from 'vscode';
import { checkQptPrefix, defaultQptPrefix, type QptProject } from '../../core/qpt/command';
import { SECTION } from '../settings';

/** `commercePatches.qptCommand`: the command that starts QPT, as an argument list (a restricted setting). */
export const QPT_COMMAND_SETTING = 'qptCommand';

/**
 * The command prefix for a project: the setting for its folder, or undefined for the default
 * `php <bin-dir>/magento-patches` (setting absent or an empty list). A value that is not a list of non-empty
 * strings throws `QptPrefixError`. In an untrusted workspace VS Code ignores the workspace's value of a restricted
 * setting, so this then reads the user's own value only.
 */
export function configuredQptPrefix(folder: vscode.WorkspaceFolder | undefined): string[] | undefined {
  const raw = vscode.workspace.getConfiguration(SECTION, folder?.uri).get<unknown>(QPT_COMMAND_SETTING);
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return undefined;
  return checkQptPrefix(raw);
}

/** The prefix that will actually run, for display. */
export function effectivePrefix(project: QptProject, configured: string[] | undefined): string[] {
  return configured ?? defaultQptPrefix(project);
}

/** Opens the Settings editor on the setting. */
export function openQptSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${QPT_COMMAND_SETTING}`);
}
