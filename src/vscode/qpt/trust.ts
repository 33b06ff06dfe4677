import * as vscode from 'vscode';
import { t } from '../l10n';
import type { Prompts } from './prompts';

/** VS Code's command that opens the Workspace Trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** Why Apply, Revert and Check are unavailable in an untrusted workspace (hover, messages). */
export function untrustedReason(): string {
  return t('This workspace is not trusted: Commerce Patches shows the triage but runs no process, so applying, reverting and checking patches with the Quality Patches Tool is unavailable.');
}

/**
 * True in a trusted workspace. Otherwise tells the user why nothing runs, with a button to the Workspace Trust
 * editor, and returns false.
 */
export function checkTrusted(prompts: Prompts): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = t('Manage Workspace Trust');
  void prompts.message('warning', untrustedReason(), [manage]).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
  });
  return false;
}
