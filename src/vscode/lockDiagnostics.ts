import * as vscode from 'vscode';
import { t } from './l10n';
import type { ProjectStore } from './projectStore';

/**
 * Puts the error of every unreadable composer.lock in the Problems panel, at the line and column the parser
 * gave, so the editor marks the spot. Follows the store: updated each time the view's rows are computed.
 */
export class LockDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('commercePatches');

  constructor(private readonly store: ProjectStore) {}

  update(): void {
    this.collection.clear();
    for (const entry of this.store.all()) {
      if (entry.kind !== 'error') continue;
      const p = entry.problem;
      const at = new vscode.Position(Math.max(0, (p.line ?? 1) - 1), Math.max(0, (p.column ?? 1) - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = t('Commerce Patches');
      this.collection.set(vscode.Uri.file(p.file), [...(this.collection.get(vscode.Uri.file(p.file)) ?? []), diagnostic]);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}
