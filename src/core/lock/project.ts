/** Edition of the Commerce product installed by a lock file. */
type Edition = 'open-source' | 'commerce';

export interface Product {
  edition: Edition;
  /** Pretty version of `magento/magento2-base`, e.g. `2.4.6-p3`. */
  version: string;
  b2b: boolean;
  cloud: boolean;
}

/** What a composer.lock says about a store. */
export interface Project {
  /** Absolute path of the composer.lock. */
  lockFile: string;
  /** Folder that holds the lock (and composer.json). */
  root: string;
  /** null when the lock holds no Magento product ("not a Commerce project"). */
  product: Product | null;
  /** Installed `magento/quality-patches` version, or null. */
  qpt: { installed: string | null };
  /** Every locked package (`packages` and `packages-dev`): name → pretty version. */
  packages: Map<string, string>;
  /** Absolute vendor folder (composer.json `config.vendor-dir`, default `vendor`). */
  vendorDir: string;
  /** Absolute bin folder (composer.json `config.bin-dir`, default `<vendor-dir>/bin`). */
  binDir: string;
  /** Set for a release browsed without a store (`triage --release`): its own package versions, no lock file. */
  release?: string;
}
