import * as vscode from 'vscode';
import { COMMANDS, commandLink, type PatchRef } from './commandLinks';
import { displayLocale, t } from './l10n';
import { appendCatalogFacts, appendPatchTitle, constraintsOf, field, newMarkdown, statusIcon, statusSentence } from './patchMarkdown';
import { patchIdAt } from './patchIdAt';
import { appendPatchActions } from './patchHoverActions';
import { patchStateLines } from './patchStateText';
import { NO_PATCH_STATE, type PatchStateSource } from './patchStates';
import { folderLabel } from './tree/patchTreeProvider';
import type { ProjectStore } from './projectStore';

/**
 * Hovers over patch IDs in any file: the patch as each Commerce project of the workspace sees it, with links to its
 * documentation and its row in the sidebar. Only a word shaped like a patch ID does any work.
 */
export class PatchHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ProjectStore,
    private readonly states: PatchStateSource = NO_PATCH_STATE,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = patchIdAt(document, position);
    if (found === undefined) return undefined;
    return new vscode.Hover(hoverContent(found.id, this.store, this.states), found.range);
  }
}

/** The hover's Markdown for patch `id` (exported for tests). */
export function hoverContent(id: string, store: ProjectStore, states: PatchStateSource = NO_PATCH_STATE): vscode.MarkdownString {
  const md = newMarkdown();
  md.isTrusted = {
    enabledCommands: [
      COMMANDS.openDocs,
      COMMANDS.reveal,
      COMMANDS.apply,
      COMMANDS.revert,
      COMMANDS.addToEnvYaml,
      COMMANDS.removeFromEnvYaml,
      'workbench.trust.manage',
    ],
  };
  const projects = store.commerce();
  const hits = projects.flatMap((project) => {
    const triaged = project.analysis.result.byId.get(id);
    return triaged === undefined ? [] : [{ project, triaged }];
  });
  const first = hits[0];
  if (first === undefined) {
    md.appendMarkdown('**');
    md.appendText(id);
    md.appendMarkdown('** ');
    md.appendText(t('is not in the loaded patch catalogs.'));
    md.appendMarkdown('\n\n');
    link(md, '$(search)', t("Search Adobe's patch list"), COMMANDS.openDocs, { id });
    return md;
  }
  const locale = displayLocale();
  const patch = first.triaged.patch;
  // Short enough to need no scrolling: what the patch is, what it means for each store, then the facts.
  appendPatchTitle(md, patch, locale);
  for (const { project, triaged } of hits) {
    const icon = statusIcon(triaged.status).id;
    md.appendMarkdown(`$(${icon}) `);
    md.appendText(statusSentence(triaged, project, t));
    if (projects.length > 1) {
      md.appendText(` — ${folderLabel(project)}`);
    }
    md.appendMarkdown('  \n');
    for (const line of patchStateLines(patch.id, states.of(project), t)) {
      md.appendText(line);
      md.appendMarkdown('  \n');
    }
  }
  md.appendMarkdown('\n');
  field(md, t('Categories'), patch.categories.join(', '));
  const constraint = first.triaged.target ? `${first.triaged.target.package} ${first.triaged.target.constraint}` : constraintsOf(patch);
  field(md, t('Constraint'), constraint);
  appendCatalogFacts(md, patch, first.triaged.requires, first.triaged.replacedWith ?? patch.replacedWith, undefined, t);
  md.appendMarkdown('\n');
  const ref: PatchRef = { id: patch.id, lockFile: first.project.lockFile };
  link(md, '$(book)', t('Open documentation'), COMMANDS.openDocs, ref);
  md.appendMarkdown(' · ');
  link(md, '$(list-tree)', t('Reveal in sidebar'), COMMANDS.reveal, ref);
  appendPatchActions(md, first.triaged, first.project, states.of(first.project), ref);
  return md;
}

function link(md: vscode.MarkdownString, icon: string, label: string, command: string, ref: PatchRef): void {
  md.appendMarkdown(`[${icon} `);
  md.appendText(label);
  md.appendMarkdown(`](${commandLink(command, ref).toString()})`);
}
