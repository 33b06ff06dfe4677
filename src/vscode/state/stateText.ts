import type * as vscode from 'vscode';
import { describeDecision } from '../../core/decisions/describeDecision';
import { decisionOf, type ProjectPatchState, qptDisagreement } from '../../core/state/patchState';
import { stateLabel, stateReasonText } from '../../core/text/stateText';
import { formatTime, t } from '../l10n';
import { escapeMarkdown } from '../../core/text/markdown';

/**
 * The state the extension's check found ("Conflict: hunk 2 of … does not match at line 812"), QPT's last status
 * ("QPT status: Applied (checked 10:32)", and where the two disagree) and "Scheduled in .magento.env.yaml", for
 * tooltips and hovers.
 */
export function patchStateLines(id: string, state: ProjectPatchState): string[] {
  const lines: string[] = [];
  if (state.checked?.pending === true) lines.push(t('Applied or not: checking the vendor files…'));
  const checked = state.checked?.patches.get(id);
  // A store without QPT's patch files (or a patch without one) has nothing to say about each patch.
  const silent = checked?.reason?.kind === 'qpt-missing' || checked?.reason?.kind === 'no-patch-file';
  if (checked !== undefined && !silent) {
    const label = t('{0} (checked in the vendor files)', stateLabel(checked.state));
    lines.push(checked.reason !== undefined ? t('{0}: {1}', label, stateReasonText(checked.reason)) : label);
  }
  const disagreement = qptDisagreement(state, id);
  if (disagreement !== undefined)
    lines.push(t('QPT last said "{0}": the vendor files have changed since, or QPT checks differently', disagreement));
  const applied = state.applied;
  if (applied !== undefined) {
    const when = formatTime(applied.checkedAt);
    const status = applied.states.get(id);
    if (status === 'Applied') lines.push(t('Applied (QPT status of {0})', when));
    else if (status === 'Not applied') lines.push(t('Not applied (QPT status of {0})', when));
    else if (status === 'N/A') lines.push(t('QPT cannot tell whether it is applied: N/A (status of {0})', when));
    else lines.push(t('Not listed by QPT (status of {0})', when));
  }
  if (state.scheduled?.has(id) === true) lines.push(t('Scheduled for the Cloud build in .magento.env.yaml'));
  const decision = decisionOf(state, id);
  if (decision !== undefined) lines.push(t('Decision in .commerce-patches.yaml: {0}', describeDecision(decision)));
  return lines;
}

/** The state lines as Markdown paragraphs. */
export function appendPatchState(md: vscode.MarkdownString, id: string, state: ProjectPatchState): void {
  for (const line of patchStateLines(id, state)) {
    md.appendMarkdown('\n\n');
    md.appendMarkdown(escapeMarkdown(line));
  }
}
