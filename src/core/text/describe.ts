import type { Product } from '../lock/project';
import type { NotApplicableReason, PatchStatus } from '../triage/triaged';
import { t } from './translate';

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
