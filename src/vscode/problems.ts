import * as vscode from 'vscode';
import type { Problem } from '../core/problem';
import { OWN } from './ids';
import { t } from './l10n';
import type { ProjectStore } from './projects/store';

/** Where a problem points in its file (core counts lines and columns from 1, VS Code from 0). */
export function problemPosition(p: Problem): vscode.Position {
  return new vscode.Position(Math.max(0, (p.line ?? 1) - 1), Math.max(0, (p.column ?? 1) - 1));
}

/** An error diagnostic one character wide at the problem's position. */
export function problemDiagnostic(p: Problem): vscode.Diagnostic {
  const at = problemPosition(p);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(at, at.translate(0, 1)),
    p.message,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = t('Commerce Patches');
  return diagnostic;
}

/** Opens the problem's file with the cursor on the spot. */
export async function openProblem(p: Problem): Promise<void> {
  const at = problemPosition(p);
  await vscode.window.showTextDocument(vscode.Uri.file(p.file), { selection: new vscode.Range(at, at) });
}

/**
 * Puts the error of every unreadable composer.lock in the Problems panel, at the line and column the parser
 * gave, so the editor marks the spot. Follows the store: updated each time its entries change.
 */
export class LockProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(OWN.lockDiagnostics);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ProjectStore) {
    this.subscription = store.onDidChange(() => this.update());
  }

  update(): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const entry of this.store.all()) {
      if (entry.kind !== 'error') continue;
      const list = byFile.get(entry.problem.file) ?? [];
      list.push(problemDiagnostic(entry.problem));
      byFile.set(entry.problem.file, list);
    }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
