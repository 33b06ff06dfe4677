import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Product } from '../core/lock/project';
import { productLabel } from '../core/text/describe';

/** "store-a" for a lock at a folder's root in a multi-root workspace, "monorepo/stores/b" below it. */
export function folderLabel(entry: { lockFile: string; folder: vscode.WorkspaceFolder }): string {
  const rel = path.relative(entry.folder.uri.fsPath, path.dirname(entry.lockFile));
  return rel === '' ? entry.folder.name : `${entry.folder.name}/${rel.split(path.sep).join('/')}`;
}

/** "Adobe Commerce 2.4.6-p3 · Cloud" for a project. */
export function projectLabel(entry: { analysis: { project: { product: Product } } }): string {
  return productLabel(entry.analysis.project.product);
}
