import type { LocalizedText } from '../locale';
import type { Problem } from '../problem';

/** One (package, constraint) entry of a patch: the patch applies where `package`'s installed version satisfies `constraint`. */
export interface PatchTarget {
  /** Composer package name, e.g. `magento/magento2-base`. */
  package: string;
  /** Composer constraint as written in the catalog, e.g. `>=2.4.6 <2.4.7`. */
  constraint: string;
  /** Patch file inside the QPT package, when known. */
  file?: string;
  /** Patch IDs this one needs first. */
  require: string[];
  /** ID of the patch that replaces this one for this range. */
  replacedWith?: string;
  deprecated: boolean;
}

/** A patch as the merged catalog knows it. */
export interface Patch {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  categories: string[];
  /** Affected Composer components, e.g. `magento/module-customer`. */
  components: string[];
  /** e.g. `Adobe Commerce Support`, `Community`. */
  origin?: string;
  targets: PatchTarget[];
  /** Union of the targets' `require`, plus patch-level requirements. */
  require: string[];
  replacedWith?: string;
  /** True when the patch as a whole is deprecated (every target, or the catalog says so). */
  deprecated: boolean;
  /** The QPT release that introduced the patch, e.g. `1.1.54`. */
  qptVersion?: string;
  /** The product release that fixes the issue, e.g. `2.4.8`. */
  fixedIn?: string;
  /** Article path below `patches-available-in-qpt/`, e.g. `v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login`. */
  docsPath?: string;
  /** Catalog files that contributed to this entry, in load order. */
  sources: string[];
}

export type CatalogKind = 'bundled' | 'yaml' | 'qpt-support' | 'qpt-community' | 'qpt-info' | 'cloud-patches';

export interface CatalogSource {
  file: string;
  kind: CatalogKind;
  /** Version of the catalog (QPT version for installed metadata), when known. */
  version?: string;
}

/** Patches loaded from one or more files, merged by ID, plus what was skipped on the way. */
export interface Catalog {
  patches: Map<string, Patch>;
  sources: CatalogSource[];
  problems: Problem[];
}
