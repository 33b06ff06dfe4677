import * as vscode from 'vscode';
import { patchIdRegExp } from '../../core/catalog/patchId';
import { readQualityPatches } from '../../core/cloud/envYaml';
import { caseInsensitiveIds, qptCommandLineId } from '../../core/qpt/patchId';
import { localized } from '../../core/locale';
import { qualityPatchesSlot } from '../../core/cloud/qualityPatchesSlot';
import { displayLocale, t } from '../l10n';
import { appendPatchHeader, newMarkdown } from '../markdown';
import type { ProjectStore } from '../projects/store';

/** The IDs the list holds already; while the text is not valid YAML, every ID-like word outside comments. */
function listedIds(text: string, lines: readonly string[]): ReadonlySet<string> {
  try {
    return caseInsensitiveIds(readQualityPatches(text).entries.map((e) => e.id));
  } catch {
    // The patch-ID pattern (checked to run in linear time) rather than a looser word pattern, which backtracks.
    const words = lines.flatMap((l) => [...l.replace(/(^|\s)#.*$/, '').matchAll(patchIdRegExp())]);
    return caseInsensitiveIds(words.map((m) => m[0]));
  }
}

/** Completes the applicable patch IDs of the project inside `stage.build.QUALITY_PATCHES`. */
export class EnvYamlCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [' ', '-', '[', ','];

  constructor(private readonly store: ProjectStore) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    const entry = this.store.commerceFor(document.uri);
    if (entry === undefined) return undefined;
    const lines = document.getText().split(/\r?\n/);
    const slot = qualityPatchesSlot(lines, position.line, position.character);
    if (slot === undefined) return undefined;
    const listed = listedIds(document.getText(), lines);
    const range = new vscode.Range(position.line, slot.start, position.line, position.character);
    const locale = displayLocale();
    return entry.analysis.result.patches
      .filter((p) => p.status === 'applicable' && !listed.has(p.patch.id))
      .map((p) => {
        const item = new vscode.CompletionItem(
          { label: p.patch.id, description: localized(p.patch.title, locale) },
          vscode.CompletionItemKind.Value,
        );
        item.range = range;
        // ece-patches finds IDs only upper-cased.
        item.insertText = qptCommandLineId(p.patch.id);
        item.detail = p.requires.length > 0 ? t('Requires {0}', p.requires.join(', ')) : p.patch.categories.join(', ');
        const md = newMarkdown();
        appendPatchHeader(md, p.patch, locale);
        item.documentation = md;
        // Typing words of the title finds the patch too.
        item.filterText = `${p.patch.id} ${localized(p.patch.title, locale)}`;
        return item;
      });
  }
}
