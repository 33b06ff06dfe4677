import type { CatalogVersions } from '../catalog/layers';
import type { Patch } from '../catalog/patch';
import { t } from './translate';

/**
 * Where a patch's title comes from, for the hover: a text written for this product, QPT's metadata (installed or
 * fetched, with its version), an extra catalog file, or, for a patch only the bundled facts know, where it will
 * come from once there is QPT metadata.
 */
export function titleSourceText(patch: Patch, versions: CatalogVersions): string {
  switch (patch.titleSource) {
    case 'curated':
      return t('Title and description written for this extension.');
    case 'installed':
      return t('Title from the installed QPT metadata ({0}).', versions.installed ?? '?');
    case 'fetched':
      return t('Title from the fetched QPT metadata ({0}).', versions.fetched ?? '?');
    case 'extra':
      return t('Title from an extra catalog file.');
    case undefined:
      return t(
        'No title yet: the bundled catalog holds only facts (categories, components, versions). The title comes from QPT’s metadata: install magento/quality-patches, or run Update Patch Catalog.',
      );
  }
}
