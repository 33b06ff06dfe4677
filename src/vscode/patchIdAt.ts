import type * as vscode from 'vscode';
import { findPatchIdAt } from '../core/catalog/patchId';

/** The patch ID under `position` (normalized) and its range, or undefined; reads only that line. */
export function patchIdAt(document: vscode.TextDocument, position: vscode.Position): { id: string; range: vscode.Range } | undefined {
  const line = document.lineAt(position.line);
  const hit = findPatchIdAt(line.text, position.character);
  if (hit === undefined) return undefined;
  return { id: hit.id, range: line.range.with(position.with(undefined, hit.start), position.with(undefined, hit.end)) };
}
