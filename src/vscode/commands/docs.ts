import * as vscode from 'vscode';
import type { Patch } from '../../core/catalog/patch';
import { isWellFormedPatchId, normalizePatchId } from '../../core/catalog/patchId';
import { docsLink, type DocsLink } from '../../core/docs/docsUrl';
import { copyToClipboard } from '../clipboard';
import { displayLocale, t } from '../l10n';
import type { PatchRef } from '../links';
import type { ProjectStore } from '../projects/store';
import { toRef } from './args';

/** Opens a URL outside VS Code; tests swap it to see where a command would go. */
export type UrlOpener = (url: string) => Thenable<boolean>;

export const defaultOpener: UrlOpener = (url) => vscode.env.openExternal(vscode.Uri.parse(url, true));

/** "Open documentation": the patch's page, or the search page with the ID on the clipboard. */
export async function openDocsCommand(store: ProjectStore, opener: UrlOpener, arg: unknown): Promise<void> {
  // From the palette (no argument) ask for an ID; an argument that is not a patch is ignored.
  const ref = arg === undefined ? await askForId() : toRef(arg);
  if (ref === undefined) return;
  const link = docsLinkFor(store, ref);
  if (link.kind === 'search') {
    // The search page cannot be given a search term: put the ID where a paste finds it. Not awaited: in a
    // browser-hosted VS Code the clipboard may wait for a permission, which must not hold up the page.
    void copyToClipboard(ref.id, t('{0} copied: paste it into the search box of the page.', ref.id), 10_000);
  }
  await opener(link.url);
}

/** "Copy patch ID". */
export async function copyIdCommand(arg: unknown): Promise<void> {
  const ref = toRef(arg);
  if (ref !== undefined) await copyToClipboard(ref.id);
}

/** The catalog entry for `ref` (from its project when given, else the first project that knows it). */
function findPatch(store: ProjectStore, ref: PatchRef): Patch | undefined {
  const projects = store.commerce();
  projects.sort((a, b) => Number(b.lockFile === ref.lockFile) - Number(a.lockFile === ref.lockFile));
  for (const project of projects) {
    const patch = project.analysis.catalog.patches.get(ref.id);
    if (patch !== undefined) return patch;
  }
  return undefined;
}

/** Where "Open documentation" goes for `ref` in the display language. */
export function docsLinkFor(store: ProjectStore, ref: PatchRef): DocsLink {
  return docsLink(findPatch(store, ref) ?? { id: ref.id }, displayLocale());
}

async function askForId(): Promise<PatchRef | undefined> {
  const id = await vscode.window.showInputBox({
    title: t('Open patch documentation'),
    prompt: t('Patch ID'),
    placeHolder: 'ACSD-61103',
    validateInput: (value) =>
      value.trim() === '' || isWellFormedPatchId(value.trim())
        ? undefined
        : t('Not a patch ID (like ACSD-61103 or MDVA-39305-V3).'),
  });
  return id === undefined || id.trim() === '' ? undefined : { id: normalizePatchId(id) };
}
