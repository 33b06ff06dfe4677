import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { OWN } from '../ids';
import { t } from '../l10n';
import { evidenceEngine } from '../state/evidenceEngine';

/** Files bigger than this open as an excerpt around the line (VS Code refuses or strips very large files). */
const OPEN_LIMIT = 50 * 1024 * 1024;
/** Lines shown on each side of the line in an excerpt. */
const CONTEXT = 200;

/** Read-only documents with the lines around a log line, for logs too big to open and compressed ones. */
export class LogExcerpts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(OWN.logExcerptScheme, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the excerpt of `file` around `line`, with the line selected. */
  async open(file: string, line: number): Promise<vscode.TextEditor> {
    const excerpt = await evidenceEngine().readExcerpt(file, line, CONTEXT);
    const last = excerpt.firstLine + Math.max(0, excerpt.text.split('\n').length - 1);
    const uri = vscode.Uri.from({
      scheme: OWN.logExcerptScheme,
      path: `/${t('{0}, lines {1}–{2}', basename(file), excerpt.firstLine, last)}`,
      query: `file=${encodeURIComponent(file)}&line=${line}`,
    });
    this.texts.set(uri.toString(), excerpt.text);
    const at = Math.max(0, excerpt.at);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, 0, at, 0), preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

/**
 * "Open" on an evidence row: a log at its line (an excerpt for a compressed or very large log), or the settings
 * file a value came from. The argument is `{file, line?}`; anything else is ignored.
 */
export async function openEvidenceCommand(excerpts: LogExcerpts, arg: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof arg !== 'object' || arg === null || typeof (arg as { file?: unknown }).file !== 'string') return undefined;
  const { file, line } = arg as { file: string; line?: unknown };
  const at = typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined;
  try {
    if (at !== undefined && (file.endsWith('.gz') || (await stat(file)).size > OPEN_LIMIT))
      return await excerpts.open(file, at);
    const selection = at === undefined ? undefined : new vscode.Range(at - 1, 0, at - 1, 0);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return await vscode.window.showTextDocument(doc, { selection, preview: true });
  } catch (e) {
    void vscode.window.showErrorMessage(t('{0} cannot be opened: {1}', file, (e as Error).message));
    return undefined;
  }
}
