import * as vscode from 'vscode';
import { applyChoices } from '../../core/apply/plan';
import { localized } from '../../core/locale';
import type { TriagedPatch } from '../../core/triage/triaged';
import { displayLocale, t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';
import type { PatchPickItem, PickEntry } from './prompts';

function item(entry: TriagedPatch, detail: string[], picked: boolean): PatchPickItem {
  const { patch } = entry;
  return {
    id: patch.id,
    label: patch.id,
    description: localized(patch.title, displayLocale()),
    // Categories in the detail line make the pick searchable by category (matchOnDetail).
    detail: [patch.categories.join(', '), ...detail].filter((s) => s !== '').join(' · '),
    picked,
    requires: entry.requires,
  };
}

function separator(label: string): PickEntry {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

export interface ApplyPick {
  items: PickEntry[];
  /** Said above the list when the preselected patch was swapped for its replacement. */
  note?: string;
}

/**
 * The "Apply patch" list for a project: the applicable patches not yet applied (with what they require), then the
 * deprecated ones, each pointing to its replacement. `preselect` is picked; a deprecated patch's replacement is
 * picked in its place when the list has it.
 */
export function applyPickItems(
  entry: CommerceEntry,
  applied: ReadonlySet<string>,
  scheduled: ReadonlySet<string>,
  preselect?: string,
): ApplyPick {
  const { applicable, deprecated, picked, replaced } = applyChoices(entry.analysis.result, applied, preselect);
  const note =
    replaced &&
    t('{0} is deprecated: {1} replaces it and is selected instead.', replaced.deprecated, replaced.replacement);
  const items: PickEntry[] = applicable.map((p) =>
    item(
      p,
      [
        p.requires.length > 0 ? t('requires {0}', p.requires.join(', ')) : '',
        scheduled.has(p.patch.id) ? t('scheduled in .magento.env.yaml') : '',
      ],
      picked.has(p.patch.id),
    ),
  );
  if (deprecated.length > 0) {
    items.push(separator(t('Deprecated')));
    for (const p of deprecated) {
      const replacement = p.replacedWith ?? p.patch.replacedWith;
      items.push(
        item(
          p,
          [replacement !== undefined ? t('deprecated: use {0}', replacement) : t('deprecated')],
          picked.has(p.patch.id),
        ),
      );
    }
  }
  return { items, note };
}

/** The "Revert patch" list: the patches QPT reports as applied that the catalog knows. */
export function revertPickItems(entry: CommerceEntry, applied: ReadonlySet<string>, preselect?: string): PickEntry[] {
  return entry.analysis.result.patches
    .filter((p) => applied.has(p.patch.id))
    .map((p) => ({ ...item(p, [], p.patch.id === preselect), requires: [] }));
}

/** The "Add to .magento.env.yaml" list: applicable patches the file does not list yet. */
export function scheduleAddItems(
  entry: CommerceEntry,
  scheduled: ReadonlySet<string>,
  preselect?: string,
): PickEntry[] {
  return entry.analysis.result.patches
    .filter((p) => p.status === 'applicable' && !scheduled.has(p.patch.id))
    .map((p) =>
      item(p, p.requires.length > 0 ? [t('requires {0}', p.requires.join(', '))] : [], p.patch.id === preselect),
    );
}

/** The "Remove from .magento.env.yaml" list: what the file lists, known to the catalog or not. */
export function scheduleRemoveItems(
  entry: CommerceEntry,
  scheduled: ReadonlySet<string>,
  preselect?: string,
): PickEntry[] {
  return [...scheduled].map((id) => {
    const known = entry.analysis.result.byId.get(id);
    if (known !== undefined) return { ...item(known, [], id === preselect), requires: [] };
    return { id, label: id, description: t('not in the patch catalogs'), picked: id === preselect, requires: [] };
  });
}
