import type * as vscode from 'vscode';
import type { ProjectPatchState } from '../../core/state/patchState';
import { formatTime, t } from '../l10n';

/** "QPT status: Applied (checked 10:32)" and "Scheduled in .magento.env.yaml", for tooltips and hovers. */
export function patchStateLines(id: string, state: ProjectPatchState): string[] {
  const lines: string[] = [];
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
  return lines;
}

/** The state lines as Markdown paragraphs. */
export function appendPatchState(md: vscode.MarkdownString, id: string, state: ProjectPatchState): void {
  for (const line of patchStateLines(id, state)) {
    md.appendMarkdown('\n\n');
    md.appendText(line);
  }
}
