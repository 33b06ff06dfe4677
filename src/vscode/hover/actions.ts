import * as vscode from 'vscode';
import { isApplied, isScheduled, type ProjectPatchState } from '../../core/state/patchState';
import type { TriagedPatch } from '../../core/triage/triaged';
import { COMMANDS, WORKBENCH } from '../ids';
import { t } from '../l10n';
import { commandLink, type PatchRef } from '../links';
import type { CommerceEntry } from '../projects/entries';
import { untrustedReason } from '../qpt/trust';

/**
 * The hover's action line for one project: Apply or Revert (QPT), and on Cloud Add to / Remove from
 * `.magento.env.yaml`. In an untrusted workspace the QPT actions give way to the reason they are unavailable.
 */
export function appendPatchActions(
  md: vscode.MarkdownString,
  triaged: TriagedPatch,
  project: CommerceEntry,
  state: ProjectPatchState,
  ref: PatchRef,
): void {
  const id = triaged.patch.id;
  const actions: Array<[string, string, string]> = [];
  const applied = isApplied(state, id);
  const canApply = triaged.status === 'applicable' || triaged.status === 'deprecated';
  if (vscode.workspace.isTrusted) {
    if (applied) actions.push(['$(discard)', t('Revert'), COMMANDS.revert]);
    else if (canApply) actions.push(['$(play)', t('Apply'), COMMANDS.apply]);
  }
  if (project.analysis.project.product.cloud) {
    if (isScheduled(state, id)) actions.push(['$(close)', t('Remove from .magento.env.yaml'), COMMANDS.removeFromEnvYaml]);
    else if (triaged.status === 'applicable') actions.push(['$(cloud-upload)', t('Add to .magento.env.yaml'), COMMANDS.addToEnvYaml]);
  }
  if (actions.length > 0) {
    md.appendMarkdown('\n\n');
    actions.forEach(([icon, label, command], i) => {
      if (i > 0) md.appendMarkdown(' · ');
      appendLink(md, icon, label, command, ref);
    });
  }
  if (!vscode.workspace.isTrusted && canApply && !applied) {
    md.appendMarkdown('\n\n$(shield) ');
    md.appendText(untrustedReason());
    md.appendMarkdown(` [`);
    md.appendText(t('Manage Workspace Trust'));
    md.appendMarkdown(`](command:${WORKBENCH.manageTrust})`);
  }
}

/** `[$(icon) label](command:…)`: a link that runs `command` on `ref`. */
export function appendLink(md: vscode.MarkdownString, icon: string, label: string, command: string, ref: PatchRef): void {
  md.appendMarkdown(`[${icon} `);
  md.appendText(label);
  md.appendMarkdown(`](${commandLink(command, ref).toString()})`);
}
