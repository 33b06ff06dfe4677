import type * as vscode from 'vscode';
import { catalogIdLookup } from '../../core/qpt/patchId';
import { catalogVersions } from '../../core/catalog/layers';
import { titleSourceText } from '../../core/text/titleSource';
import { COMMANDS } from '../ids';
import { checkedState } from '../../core/state/patchState';
import { folderLabel } from '../labels';
import { displayLocale, t } from '../l10n';
import { type PatchRef } from '../links';
import {
  appendCatalogFacts,
  appendPatchTitle,
  constraintsOf,
  field,
  newMarkdown,
  statusIcon,
  statusSentence,
} from '../markdown';
import type { CommerceEntry } from '../projects/entries';
import type { PatchStateSource } from '../state/patchStates';
import { patchStateLines } from '../state/stateText';
import { appendLink, appendPatchActions, trustOwnLinks } from './actions';
import { appendEvidence } from './evidence';
import { escapeMarkdown } from '../../core/text/markdown';

/** The hover's Markdown for patch `id` in the workspace's Commerce `projects`. */
export function hoverContent(
  id: string,
  projects: readonly CommerceEntry[],
  states: PatchStateSource,
): vscode.MarkdownString {
  const md = newMarkdown();
  const hits = projects.flatMap((project) => {
    const byId = project.analysis.result.byId;
    // QPT's output and .magento.env.yaml spell IDs upper-cased (MAGENTO/MAGENTO2/34528).
    const triaged = byId.get(id) ?? byId.get(catalogIdLookup(byId.keys())(id) ?? id);
    return triaged === undefined ? [] : [{ project, triaged }];
  });
  const first = hits[0];
  if (first === undefined) {
    md.appendMarkdown('**');
    md.appendMarkdown(escapeMarkdown(id));
    md.appendMarkdown('** ');
    md.appendMarkdown(escapeMarkdown(t('is not in the loaded patch catalogs.')));
    md.appendMarkdown('\n\n');
    appendLink(md, '$(search)', t("Search Adobe's patch list"), COMMANDS.openDocs, { id });
    trustOwnLinks(md);
    return md;
  }
  const locale = displayLocale();
  const patch = first.triaged.patch;
  // Short enough to need no scrolling: what the patch is, what it means for each store, then the facts.
  appendPatchTitle(md, patch, locale);
  if (patch.titleSource !== 'curated') {
    // Where the title comes from (or will come from, for a patch only the bundled facts know).
    md.appendMarkdown('*');
    md.appendText(titleSourceText(patch, catalogVersions(first.project.analysis.catalog)));
    md.appendMarkdown('*\n\n');
  }
  for (const { project, triaged } of hits) {
    const icon = statusIcon(triaged.status).id;
    md.appendMarkdown(`$(${icon}) `);
    md.appendMarkdown(escapeMarkdown(statusSentence(triaged, project)));
    if (projects.length > 1) {
      md.appendMarkdown(escapeMarkdown(` — ${folderLabel(project)}`));
    }
    md.appendMarkdown('  \n');
    for (const line of patchStateLines(patch.id, states.of(project))) {
      md.appendMarkdown(escapeMarkdown(line));
      md.appendMarkdown('  \n');
    }
    appendEvidence(md, states.of(project).evidence, patch.id, {
      lockFile: project.lockFile,
      root: project.analysis.project.root,
    });
  }
  md.appendMarkdown('\n');
  field(md, t('Categories'), patch.categories.join(', '));
  const constraint = first.triaged.target
    ? `${first.triaged.target.package} ${first.triaged.target.constraint}`
    : constraintsOf(patch);
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
  trustOwnLinks(md);
  return md;
}
