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

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token?: vscode.CancellationToken,
  ): vscode.ProviderResult<vscode.Hover> {
    const found = patchIdAt(document, position);
    if (found === undefined) return undefined;
    const projects = this.store.commerce();
    const hover = () => new vscode.Hover(hoverContent(found.id, projects, this.states), found.range);
    // A project whose applied check still runs: the hover waits for its state (a fraction of a second) rather
    // than leaving it out.
    const waiting = projects.map((p) => this.states.pending(p)).filter((p) => p !== undefined);
    if (waiting.length === 0) return hover();
    return Promise.all(waiting).then(() => (token?.isCancellationRequested === true ? undefined : hover()));
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
