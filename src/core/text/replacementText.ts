import type { TriagedPatch } from '../triage/triaged';
import { t } from './translate';

/**
 * Where a deprecated patch's evidence leads: "evidence → apply ACSD-… (replacement)", or, when the replacement is
 * applied or scheduled already, that it is.
 */
export function replacementText(replacement: TriagedPatch, recommended: boolean): string {
  return recommended
    ? t('evidence → apply {0} (replacement)', replacement.patch.id)
    : t('evidence → {0} (replacement), already applied or scheduled', replacement.patch.id);
}
