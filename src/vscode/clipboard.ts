import * as vscode from 'vscode';
import { t } from './l10n';

/**
 * Copies `text` and says so in the status bar for `ms` milliseconds; a clipboard that refuses (a browser-hosted
 * VS Code without the permission) gets a warning instead.
 */
export async function copyToClipboard(text: string, message = t('Copied {0}', text), ms = 5_000): Promise<void> {
  try {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(message, ms);
  } catch (e) {
    void vscode.window.showWarningMessage(
      t('Could not copy {0}: {1}', text, e instanceof Error ? e.message : String(e)),
    );
  }
}
