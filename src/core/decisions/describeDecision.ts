import { t } from '../text/translate';
import type { Decision, DecisionKind } from './decision';

function decisionKindLabel(kind: DecisionKind): string {
  switch (kind) {
    case 'apply':
      return t('apply');
    case 'skip':
      return t('skip');
    case 'investigate':
      return t('investigate');
  }
}

/** "skip · the note (Jane, 2026-11-26)". */
export function describeDecision(d: Decision): string {
  const who = [d.by, d.date].filter(Boolean).join(', ');
  return [decisionKindLabel(d.decision), d.note, who !== '' ? `(${who})` : undefined].filter(Boolean).join(' · ');
}
