import * as vscode from 'vscode';
import { readQualityPatches, removeQualityPatches } from '../../core/cloud/envYaml';
import { t } from '../l10n';
import type { ProjectStore } from '../projects/store';
import { PATCH_ISSUES } from './diagnostics';
import { catalogIdLookup, qptCommandLineId } from '../../core/qpt/patchId';

/** The entry a diagnostic is about: its text without quotes. */
function idIn(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range).replace(/^(['"])(.*)\1$/, '$2');
}

/** Quick fixes: replace a deprecated patch by its replacement, or remove an entry. */
export class EnvYamlQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: ProjectStore) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const entry = this.store.commerceFor(document.uri);
    const text = document.getText();
    for (const diagnostic of context.diagnostics) {
      if (typeof diagnostic.code !== 'string' || !PATCH_ISSUES.has(diagnostic.code)) continue;
      const id = idIn(document, diagnostic.range);
      const replacement =
        diagnostic.code === 'case'
          ? qptCommandLineId(id)
          : diagnostic.code === 'deprecated'
            ? entry?.analysis.result.byId.get(catalogIdLookup(entry.analysis.result.byId.keys())(id) ?? id)
                ?.replacedWith
            : undefined;
      let listed: string[];
      try {
        listed = readQualityPatches(text, document.uri.fsPath).entries.map((e) => e.id);
      } catch {
        continue; // The YAML broke since: its own diagnostic says where.
      }
      if (replacement !== undefined && !listed.includes(replacement)) {
        const fix = new vscode.CodeAction(t('Replace {0} with {1}', id, replacement), vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, diagnostic.range, replacement);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        actions.push(fix);
      }
      const edits = removeQualityPatches(text, [id], document.uri.fsPath);
      if (edits.length === 0) continue;
      const title =
        replacement !== undefined && listed.includes(replacement)
          ? t('Remove {0} ({1} is already listed)', id, replacement)
          : t('Remove {0} from QUALITY_PATCHES', id);
      const remove = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      remove.edit = new vscode.WorkspaceEdit();
      for (const e of edits) {
        remove.edit.replace(
          document.uri,
          new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
          e.newText,
        );
      }
      remove.diagnostics = [diagnostic];
      remove.isPreferred = replacement !== undefined && listed.includes(replacement);
      actions.push(remove);
    }
    return actions;
  }
}
