import type { Translate } from '../text/describe';
import type { Decision, DecisionKind } from './decision';

export function decisionKindLabel(kind: DecisionKind, t: Translate): string {
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
export function describeDecision(d: Decision, t: Translate): string {
  const who = [d.by, d.date].filter(Boolean).join(', ');
  return [decisionKindLabel(d.decision, t), d.note, who !== '' ? `(${who})` : undefined].filter(Boolean).join(' · ');
}
