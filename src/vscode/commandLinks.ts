import * as vscode from 'vscode';

/** Command IDs the extension contributes (package.json `contributes.commands`). */
export const COMMANDS = {
  refresh: 'commercePatches.refresh',
  filter: 'commercePatches.filter',
  clearFilter: 'commercePatches.clearFilter',
  groupByCategory: 'commercePatches.groupByCategory',
  groupFlat: 'commercePatches.groupFlat',
  openDocs: 'commercePatches.openDocs',
  copyId: 'commercePatches.copyId',
  reveal: 'commercePatches.reveal',
  openLockProblem: 'commercePatches.openLockProblem',
  showView: 'commercePatches.showView',
  apply: 'commercePatches.apply',
  revert: 'commercePatches.revert',
  checkApplied: 'commercePatches.checkApplied',
  addToEnvYaml: 'commercePatches.addToEnvYaml',
  removeFromEnvYaml: 'commercePatches.removeFromEnvYaml',
} as const;

export const VIEW_ID = 'commercePatches.patches';
export const CONTAINER_ID = 'commercePatches';

/** What hover links pass to the commands: the patch and, when the hover is about one project, its lock file. */
export interface PatchRef {
  id: string;
  lockFile?: string;
}

/** A `command:` link for Markdown; arguments travel as URL-encoded JSON, as VS Code expects. */
export function commandLink(command: string, ref: PatchRef): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([ref]))}`);
}
