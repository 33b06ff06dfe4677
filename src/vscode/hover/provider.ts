import * as vscode from 'vscode';
import { findPatchIdAt } from '../../core/catalog/patchId';
import type { ProjectStore } from '../projects/store';
import type { PatchStateSource } from '../state/patchStates';
import { hoverContent } from './content';

/**
 * Hovers over patch IDs in any file: the patch as each Commerce project of the workspace sees it, with links to its
 * documentation and its row in the sidebar. Only a word shaped like a patch ID does any work.
 */
export class PatchHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ProjectStore,
    private readonly states: PatchStateSource,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = patchIdAt(document, position);
    if (found === undefined) return undefined;
    return new vscode.Hover(hoverContent(found.id, this.store.commerce(), this.states), found.range);
  }
}

/** The patch ID under `position` (normalized) and its range, or undefined; reads only that line. */
function patchIdAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): { id: string; range: vscode.Range } | undefined {
  const line = document.lineAt(position.line);
  const hit = findPatchIdAt(line.text, position.character);
  if (hit === undefined) return undefined;
  return { id: hit.id, range: line.range.with(position.with(undefined, hit.start), position.with(undefined, hit.end)) };
}
