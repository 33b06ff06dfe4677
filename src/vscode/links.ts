import * as vscode from 'vscode';

/** What hover links pass to the commands: the patch and, when the hover is about one project, its lock file. */
export interface PatchRef {
  id: string;
  lockFile?: string;
}

/** A `command:` link for Markdown; arguments travel as URL-encoded JSON, as VS Code expects. */
export function commandLink(command: string, ref: PatchRef): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify([ref]))}`);
}
