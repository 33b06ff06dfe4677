import type * as vscode from 'vscode';

/** Activation registers contributions only; all triage work waits until a view, hover or command needs it. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
