import type { Product } from '../lock/project';
import type { NotApplicableReason, PatchStatus } from '../triage/triaged';
import { t, type Translate } from './translate';

/** "Adobe Commerce 2.4.6-p3 · Cloud", "Magento Open Source 2.4.7-p1", "Adobe Commerce 2.4.6 · B2B". */
export function productLabel(product: Product): string {
  const name = product.edition === 'commerce' ? 'Adobe Commerce' : 'Magento Open Source';
  const tags = [product.cloud ? t('Cloud') : undefined, product.b2b ? 'B2B' : undefined].filter(Boolean);
  return [`${name} ${product.version}`, ...tags].join(' · ');
}

/** Short name of a status, as group labels and table headings show it. */
export function statusLabel(status: PatchStatus): string {
  switch (status) {
    case 'applicable':
      return t('Applicable');
    case 'needs-qpt-update':
      return t('Needs QPT update');
    case 'deprecated':
      return t('Deprecated / replaced');
    case 'not-applicable':
      return t('Not applicable');
  }
}

/** Why a patch does not apply, in one short sentence. */
export function reasonText(reason: NotApplicableReason): string {
  switch (reason.kind) {
    case 'fixed-in':
      return t('Fixed in {0}', reason.version);
    case 'package-missing':
      return reason.packages.length === 0
        ? t('The catalog gives no package constraint for it')
        : t('Targets {0}, which is not installed', reason.packages.join(', '));
    case 'version-out-of-range':
      return t('{0} {1} is outside {2}', reason.package, reason.installed, reason.constraints.join(' | '));
  }
}

const QPT_UPDATE = 'composer update magento/quality-patches';
const displayLanguage: Translate = (message, ...args) => t(message, ...args);

/**
 * What to do about a patch that needs a QPT update: "ACSD-1 is in QPT 1.1.83 (you have 1.1.43): composer update
 * magento/quality-patches"; without `id` ("in QPT 1.1.83 …") where the ID is already shown beside it. In the display
 * language unless `translate` says otherwise (the JSON report passes `english`).
 */
export function qptUpdateText(
  id: string | undefined,
  qptVersion: string | undefined,
  installed: string | null,
  t: Translate = displayLanguage,
): string {
  if (qptVersion === undefined || installed === null) {
    return id === undefined ? t('needs a newer QPT: {0}', QPT_UPDATE) : t('{0} needs a newer QPT: {1}', id, QPT_UPDATE);
  }
  return id === undefined
    ? t('in QPT {0} (you have {1}): {2}', qptVersion, installed, QPT_UPDATE)
    : t('{0} is in QPT {1} (you have {2}): {3}', id, qptVersion, installed, QPT_UPDATE);
}
