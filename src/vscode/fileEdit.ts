import { existsSync } from 'node:fs';
import { FILE_LIMITS, readTextFile } from '../core/files/readTextFile';
import * as vscode from 'vscode';
import type { TextEdit } from '../core/cloud/textEdit';

export interface FileEditResult {
  /** False when there was nothing to do (every ID already listed, or none listed to remove). */
  changed: boolean;
  /** Whether the file had to be created. */
  created: boolean;
  document?: vscode.TextDocument;
  /** Where the first change landed, in the edited document. */
  range?: vscode.Range;
}

function toRanges(
  document: vscode.TextDocument | undefined,
  text: string,
  edits: readonly TextEdit[],
): Array<[vscode.Range, string]> {
  // Offsets are UTF-16 positions in `text`; the document (when open) has that same text.
  const positionAt = (offset: number): vscode.Position => {
    if (document !== undefined) return document.positionAt(offset);
    const before = text.slice(0, offset).split('\n');
    return new vscode.Position(before.length - 1, before[before.length - 1].length);
  };
  return edits.map((e) => [new vscode.Range(positionAt(e.offset), positionAt(e.offset + e.length)), e.newText]);
}

/** The open document still shows an older version of the file than the one on disk. */
export class StaleDocumentError extends Error {
  override readonly name = 'StaleDocumentError';
}

/** The document shows what is on disk (or the file cannot be read to compare: deleted meanwhile, say). */
function matchesDisk(document: vscode.TextDocument, file: string): boolean {
  try {
    return readTextFile(file, Math.max(FILE_LIMITS.envYaml, FILE_LIMITS.decisions)) === document.getText();
  } catch {
    return true; // Deleted meanwhile: the document's text is what there is.
  }
}

/**
 * The document of an existing file (or of unsaved text) to edit. An open document without unsaved changes should
 * match the file; right after the file changed on disk VS Code may not have reloaded it yet. Waits up to `ms` for
 * that, since an edit computed on one text must not land on another. A document closed meanwhile (its editor was
 * closed) never catches up and no longer matters: the file is opened again, as it is on disk now.
 */
async function currentDocument(uri: vscode.Uri, file: string, ms = 2000): Promise<vscode.TextDocument> {
  const end = Date.now() + ms;
  for (;;) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    if (document.isDirty || (!document.isClosed && matchesDisk(document, file))) return document;
    if (Date.now() > end) throw new StaleDocumentError(file);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Changes a file through a `WorkspaceEdit` (so Undo works) with the minimal text edits `compute` makes from its
 * text. The text edited is the editor's when the file is open, unsaved changes included; the file is saved
 * afterwards unless it already had unsaved changes. A missing file is created when `create` (else nothing happens).
 * Whatever `compute` throws (a file it refuses to edit) propagates.
 */
export async function editFile(
  file: string,
  compute: (text: string) => TextEdit[],
  create: boolean,
): Promise<FileEditResult> {
  const uri = vscode.Uri.file(file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  // A document left open on a deleted file shows what the file was: only unsaved text counts then.
  const exists = existsSync(file) || open?.isDirty === true;
  if (!exists && !create) return { changed: false, created: false };
  const document = exists ? await currentDocument(uri, file) : undefined;
  const text = document?.getText() ?? '';
  const edits = compute(text);
  if (edits.length === 0) return { changed: false, created: false, document };
  const wasDirty = document?.isDirty ?? false;
  const edit = new vscode.WorkspaceEdit();
  if (document === undefined) edit.createFile(uri, { ignoreIfExists: true });
  const ranges = toRanges(document, text, edits);
  for (const [range, newText] of ranges) edit.replace(uri, range, newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the edit to ${file}`);
  const edited = document ?? (await vscode.workspace.openTextDocument(uri));
  if (!wasDirty) await edited.save();
  const first = ranges[0];
  const start = first[0].start;
  const lines = first[1].split('\n');
  const end =
    lines.length === 1
      ? start.translate(0, first[1].length)
      : new vscode.Position(start.line + lines.length - 1, lines[lines.length - 1].length);
  return { changed: true, created: document === undefined, document: edited, range: new vscode.Range(start, end) };
}
