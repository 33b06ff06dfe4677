import { t } from '../l10n';

/** Why Apply, Revert and Check are unavailable in an untrusted workspace (hover, messages). */
export function untrustedReason(): string {
  return t(
    'This workspace is not trusted: Commerce Patches shows the triage but runs no process, so applying, reverting and checking patches with the Quality Patches Tool is unavailable.',
  );
}
