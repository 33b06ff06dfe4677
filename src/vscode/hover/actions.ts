import * as vscode from 'vscode';
import { decisionOf, isApplied, isScheduled, type ProjectPatchState } from '../../core/state/patchState';
import type { TriagedPatch } from '../../core/triage/triaged';
import { COMMANDS, WORKBENCH } from '../ids';
import { t } from '../l10n';
import { commandLink, type PatchRef } from '../links';
import type { CommerceEntry } from '../projects/entries';
import { untrustedReason } from '../qpt/trust';
import { escapeMarkdown } from '../../core/text/markdown';

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
    if (isScheduled(state, id))
      actions.push(['$(close)', t('Remove from .magento.env.yaml'), COMMANDS.removeFromEnvYaml]);
    else if (triaged.status === 'applicable')
      actions.push(['$(cloud-upload)', t('Add to .magento.env.yaml'), COMMANDS.addToEnvYaml]);
  }
  if (triaged.status !== 'not-applicable') {
    const decided = decisionOf(state, id);
    if (decided?.decision !== 'skip') actions.push(['$(circle-slash)', t('Skip…'), COMMANDS.skipPatch]);
    if (decided?.decision !== 'investigate') actions.push(['$(search)', t('Investigate…'), COMMANDS.investigatePatch]);
    if (decided !== undefined) actions.push(['$(clear-all)', t('Clear decision'), COMMANDS.clearDecision]);
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
    md.appendMarkdown(escapeMarkdown(untrustedReason()));
    md.appendMarkdown(` [`);
    md.appendMarkdown(escapeMarkdown(t('Manage Workspace Trust')));
    md.appendMarkdown(`](command:${WORKBENCH.manageTrust})`);
    remember(md, WORKBENCH.manageTrust);
  }
}

/** The commands of the links each hover holds: its `isTrusted` enables these and no other. */
const linked = new WeakMap<vscode.MarkdownString, Set<string>>();

/** Lets the hover run `command` from a link it built itself (see {@link trustOwnLinks}). */
export function trustCommand(md: vscode.MarkdownString, command: string): void {
  remember(md, command);
}

function remember(md: vscode.MarkdownString, command: string): void {
  const set = linked.get(md) ?? new Set<string>();
  set.add(command);
  linked.set(md, set);
}

/**
 * Trusts exactly the commands of the links appended with {@link appendLink} (and the trust link): catalog text is
 * escaped, so no other link can appear, and even if one did, a command the hover did not build would not run.
 */
export function trustOwnLinks(md: vscode.MarkdownString): void {
  md.isTrusted = { enabledCommands: [...(linked.get(md) ?? [])] };
}

/** `[$(icon) label](command:…)`: a link that runs `command` on `ref`. */
export function appendLink(
  md: vscode.MarkdownString,
  icon: string,
  label: string,
  command: string,
  ref: PatchRef,
): void {
  md.appendMarkdown(`[${icon} `);
  md.appendMarkdown(escapeMarkdown(label));
  md.appendMarkdown(`](${commandLink(command, ref).toString()})`);
  remember(md, command);
}
