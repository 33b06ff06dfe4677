import type { Locale } from '../locale';
import type { Problem } from '../problem';
import type { Signature } from './signature';
import type { CatalogKind, CatalogLayer, PatchTarget } from './patch';

/** Texts by language, possibly without English (a file may only add translations). */
export type Texts = Partial<Record<Locale, string>>;

/**
 * What one catalog file says about one patch. Absent fields say nothing (they neither set nor clear anything when
 * files are merged); `targets` is absent when the file has no package constraints for the patch.
 */
export interface CatalogEntry {
  id: string;
  title?: Texts;
  description?: Texts;
  categories?: readonly string[];
  components?: readonly string[];
  origin?: string;
  targets?: readonly PatchTarget[];
  /** Patch-level requirements (besides each target's own). */
  require?: readonly string[];
  replacedWith?: string;
  deprecated?: boolean;
  qptVersion?: string;
  fixedIn?: string;
  docsPath?: string;
  /** Evidence signature (QPT's `metadata`). */
  metadata?: Signature;
}

/**
 * A new entry with every field present (undefined until set): entries all share one shape, which keeps merging
 * thousands of them fast.
 */
export function newEntry(id: string): CatalogEntry {
  return {
    id,
    title: undefined,
    description: undefined,
    categories: undefined,
    components: undefined,
    origin: undefined,
    targets: undefined,
    require: undefined,
    replacedWith: undefined,
    deprecated: undefined,
    qptVersion: undefined,
    fixedIn: undefined,
    docsPath: undefined,
    metadata: undefined,
  };
}

/** One catalog file, read: its entries (broken ones already left out) and what was wrong. */
export interface LoadedFile {
  file: string;
  kind: CatalogKind;
  /** Catalog version (the QPT version of QPT metadata), when the file says. */
  version?: string;
  /** Installed or fetched QPT metadata. */
  layer?: CatalogLayer;
  entries: CatalogEntry[];
  problems: Problem[];
}
