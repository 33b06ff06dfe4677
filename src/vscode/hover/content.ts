import type * as vscode from 'vscode';
import { checkedState } from '../../core/state/patchState';
import { COMMANDS, WORKBENCH } from '../ids';
import { folderLabel } from '../labels';
import { displayLocale, t } from '../l10n';
import { type PatchRef } from '../links';
import { appendCatalogFacts, appendPatchTitle, constraintsOf, field, newMarkdown, statusIcon, statusSentence } from '../markdown';
import type { CommerceEntry } from '../projects/entries';
import type { PatchStateSource } from '../state/patchStates';
import { patchStateLines } from '../state/stateText';
import { appendLink, appendPatchActions } from './actions';

/** The hover's Markdown for patch `id` in the workspace's Commerce `projects`. */
export function hoverContent(id: string, projects: readonly CommerceEntry[], states: PatchStateSource): vscode.MarkdownString {
  const md = newMarkdown();
  md.isTrusted = {
    enabledCommands: [
      COMMANDS.openDocs,
      COMMANDS.reveal,
      COMMANDS.apply,
      COMMANDS.revert,
      COMMANDS.addToEnvYaml,
      COMMANDS.removeFromEnvYaml,
      COMMANDS.showChanges,
      WORKBENCH.manageTrust,
    ],
  };
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
    appendLink(md, '$(search)', t("Search Adobe's patch list"), COMMANDS.openDocs, { id });
    return md;
  }
  const locale = displayLocale();
  const patch = first.triaged.patch;
  // Short enough to need no scrolling: what the patch is, what it means for each store, then the facts.
  appendPatchTitle(md, patch, locale);
  for (const { project, triaged } of hits) {
    const icon = statusIcon(triaged.status).id;
    md.appendMarkdown(`$(${icon}) `);
    md.appendText(statusSentence(triaged, project));
    if (projects.length > 1) {
      md.appendText(` — ${folderLabel(project)}`);
    }
    md.appendMarkdown('  \n');
    for (const line of patchStateLines(patch.id, states.of(project))) {
      md.appendText(line);
      md.appendMarkdown('  \n');
    }
  }
  md.appendMarkdown('\n');
  field(md, t('Categories'), patch.categories.join(', '));
  const constraint = first.triaged.target ? `${first.triaged.target.package} ${first.triaged.target.constraint}` : constraintsOf(patch);
  field(md, t('Constraint'), constraint);
  appendCatalogFacts(md, patch, first.triaged.requires, first.triaged.replacedWith ?? patch.replacedWith, undefined);
  md.appendMarkdown('\n');
  const ref: PatchRef = { id: patch.id, lockFile: first.project.lockFile };
  appendLink(md, '$(book)', t('Open documentation'), COMMANDS.openDocs, ref);
  md.appendMarkdown(' · ');
  appendLink(md, '$(list-tree)', t('Reveal in sidebar'), COMMANDS.reveal, ref);
  const checked = checkedState(states.of(first.project), patch.id);
  if (first.triaged.status !== 'not-applicable' && checked !== undefined && checked !== 'unknown') {
    md.appendMarkdown(' · ');
    appendLink(md, '$(diff)', t('Show patch changes'), COMMANDS.showChanges, ref);
  }
  appendPatchActions(md, first.triaged, first.project, states.of(first.project), ref);
  return md;
}
