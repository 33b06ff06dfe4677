import * as vscode from 'vscode';
import type { LocalPatchState } from '../../core/applied/localPatches';
import type { ProjectPatchState } from '../../core/state/patchState';
import { stateLabel, stateReasonText } from '../../core/text/stateText';
import { productLabel, statusLabel } from '../../core/text/describe';
import type { PatchStatus } from '../../core/triage/triaged';
import { displayLocale, formatCount, t } from '../l10n';
import { appendPatchHeader, appendTriageDetails, newMarkdown } from '../markdown';
import type { CommerceEntry } from '../projects/entries';
import { appendPatchState } from '../state/stateText';
import type { PatchNode } from './nodes';
import { escapeMarkdown } from '../../core/text/markdown';

const STATUSES: PatchStatus[] = ['applicable', 'needs-qpt-update', 'deprecated', 'not-applicable'];

/** Project row tooltip: product, lock file, installed QPT, catalogs read, counts per status, catalog warnings. */
export function projectTooltip(entry: CommerceEntry): vscode.MarkdownString {
  const { project, catalog, result, problems } = entry.analysis;
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown('**');
  md.appendMarkdown(escapeMarkdown(productLabel(project.product)));
  md.appendMarkdown('**\n\n');
  md.appendMarkdown(
    escapeMarkdown(
      project.release !== undefined
        ? t("The release's own package versions: not this workspace's store.")
        : entry.lockFile,
    ),
  );
  md.appendMarkdown('\n\n');
  md.appendMarkdown(
    escapeMarkdown(
      project.qpt.installed
        ? t('Quality Patches Tool {0} installed', project.qpt.installed)
        : t('Quality Patches Tool not installed'),
    ),
  );
  md.appendMarkdown('\n\n');
  for (const status of STATUSES) {
    md.appendMarkdown(escapeMarkdown(t('{0}: {1}', statusLabel(status), formatCount(result.counts[status]))));
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown('\n');
  md.appendMarkdown(
    escapeMarkdown(
      t('Catalogs: {0}', catalog.sources.map((s) => (s.version ? `${s.kind} ${s.version}` : s.kind)).join(', ')),
    ),
  );
  if (problems.length > 0) {
    md.appendMarkdown('\n\n');
    md.appendMarkdown(
      escapeMarkdown(
        problems.length === 1
          ? t('{0} catalog entry was skipped (see the Commerce Patches output).', formatCount(1))
          : t('{0} catalog entries were skipped (see the Commerce Patches output).', formatCount(problems.length)),
      ),
    );
  }
  return md;
}

/** Local patch row tooltip: the file, where it comes from, its state and why. */
export function localTooltip(local: LocalPatchState): vscode.MarkdownString {
  const md = newMarkdown();
  md.appendMarkdown('**');
  md.appendText(local.file);
  md.appendMarkdown('**\n\n');
  md.appendText([local.origin, local.package, local.description].filter(Boolean).join(' · '));
  md.appendMarkdown('\n\n');
  md.appendText(stateLabel(local.state) + (local.reason !== undefined ? `: ${stateReasonText(local.reason)}` : ''));
  return md;
}

/** Patch row tooltip: the patch, why it is in its group for the project, and its applied / scheduled state. */
export function patchTooltip(node: PatchNode, state: ProjectPatchState): vscode.MarkdownString {
  const md = newMarkdown();
  appendPatchHeader(md, node.triaged.patch, displayLocale());
  appendTriageDetails(md, node.triaged, node.project.analysis.project.qpt.installed);
  appendPatchState(md, node.triaged.patch.id, state);
  return md;
}
