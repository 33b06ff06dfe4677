import type { LocalizedText } from '../locale';
import type { Problem } from '../problem';
import type { Signature } from './signature';

/** One (package, constraint) entry of a patch: the patch applies where `package`'s installed version satisfies `constraint`. */
export interface PatchTarget {
  /** Composer package name, e.g. `magento/magento2-base`. */
  readonly package: string;
  /** Composer constraint as written in the catalog, e.g. `>=2.4.6 <2.4.7`. */
  readonly constraint: string;
  /** Patch file inside the QPT package, when known. */
  readonly file?: string;
  /** Patch IDs this one needs first. */
  readonly require: readonly string[];
  /** ID of the patch that replaces this one for this range. */
  readonly replacedWith?: string;
  readonly deprecated: boolean;
}

/**
 * A patch as the merged catalog knows it. Read-only: patches share their lists and texts with the catalog files
 * they came from (the bundled catalog's are frozen), so nothing is copied while thousands of them are merged.
 */
export interface Patch {
  readonly id: string;
  /**
   * The title. Without any text from a catalog (only the bundled facts know the patch), it is made of the patch's
   * categories and components (or its ID), and `titleSource` is undefined.
   */
  readonly title: Readonly<LocalizedText>;
  readonly titleSource?: TitleSource;
  readonly description?: Readonly<LocalizedText>;
  readonly categories: readonly string[];
  /** Affected Composer components, e.g. `magento/module-customer`. */
  readonly components: readonly string[];
  /** e.g. `Adobe Commerce Support`, `Community`. */
  readonly origin?: string;
  readonly targets: readonly PatchTarget[];
  /** Union of the targets' `require`, plus patch-level requirements. */
  readonly require: readonly string[];
  readonly replacedWith?: string;
  /** True when the patch as a whole is deprecated (every target, or the catalog says so). */
  readonly deprecated: boolean;
  /** The QPT release that introduced the patch, e.g. `1.1.54`. */
  readonly qptVersion?: string;
  /** The product release that fixes the issue, e.g. `2.4.8`. */
  readonly fixedIn?: string;
  /** Article path below `patches-available-in-qpt/`, e.g. `v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login`. */
  readonly docsPath?: string;
  /** Log lines and settings that show a store needs the patch (QPT's `metadata`). */
  readonly metadata?: Signature;
  /** Catalog files that contributed to this entry, in load order. */
  readonly sources: readonly string[];
}

export type CatalogKind =
  'bundled' | 'qpt-facts' | 'yaml' | 'qpt-support' | 'qpt-community' | 'qpt-info' | 'cloud-patches';

/**
 * Where QPT metadata came from: installed in the store (`vendor/magento/quality-patches`) or fetched from QPT's
 * public repository. Bundled facts have the kind `qpt-facts`; other files have no layer.
 */
export type CatalogLayer = 'installed' | 'fetched';

/** Where a patch's title came from: a hand-written catalog, or QPT's metadata (installed, fetched, or an extra file). */
export type TitleSource = 'curated' | CatalogLayer | 'extra';

export interface CatalogSource {
  file: string;
  kind: CatalogKind;
  /** Version of the catalog (QPT version for installed metadata), when known. */
  version?: string;
  layer?: CatalogLayer;
}

/** Patches loaded from one or more files, merged by ID, plus what was skipped on the way. */
export interface Catalog {
  patches: Map<string, Patch>;
  sources: CatalogSource[];
  problems: Problem[];
  /** True when `patches` iterate in ID order (as a merge leaves them), so that no triage has to sort them again. */
  inIdOrder?: boolean;
}
