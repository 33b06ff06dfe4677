import type { Project } from '../lock/project';
import type { ReleaseTable } from './releaseTable';

/** The editions a release can be browsed as; `b2b` is Adobe Commerce with B2B. */
export const RELEASE_EDITIONS = ['open-source', 'commerce', 'b2b'] as const;
export type ReleaseEdition = (typeof RELEASE_EDITIONS)[number];

const BASE = 'magento/magento2-base';

/** Which edition first ships a package: B2B packages, Adobe Commerce packages, else every edition. */
export function packageEdition(name: string): ReleaseEdition {
  if (/b2b/i.test(name)) return 'b2b';
  if (/(-ee(-|$)|commerce|enterprise)/i.test(name)) return 'commerce';
  return 'open-source';
}

function includes(edition: ReleaseEdition, pkg: ReleaseEdition): boolean {
  return RELEASE_EDITIONS.indexOf(pkg) <= RELEASE_EDITIONS.indexOf(edition);
}

export interface ReleaseProjectOptions {
  /** Default `b2b`: every package the release pins, as Adobe's patch search page counts. */
  edition?: ReleaseEdition;
  cloud?: boolean;
}

/**
 * A store that runs a release exactly: the release's own package versions (those of the edition), no lock file.
 * `root` is where decisions or QPT metadata would be looked for; undefined for an unknown release.
 */
export function releaseProject(
  table: ReleaseTable,
  release: string,
  options: ReleaseProjectOptions = {},
): Project | undefined {
  const versions = table.releases.get(release);
  if (versions === undefined) return undefined;
  const edition = options.edition ?? 'b2b';
  const packages = new Map<string, string>();
  for (const [name, version] of versions) if (includes(edition, packageEdition(name))) packages.set(name, version);
  const base = packages.get(BASE) ?? release;
  packages.set(BASE, base);
  return {
    lockFile: '',
    root: '',
    product: {
      edition: edition === 'open-source' ? 'open-source' : 'commerce',
      version: base,
      b2b: edition === 'b2b',
      cloud: options.cloud ?? false,
    },
    qpt: { installed: null },
    packages,
    vendorDir: '',
    binDir: '',
    release,
  };
}

/**
 * The project as it would be on another release: each package it has, at the version the release pins; packages
 * the release does not pin keep their version. The product version becomes the release's `magento2-base`.
 */
export function projectAtRelease(project: Project, versions: ReadonlyMap<string, string>): Project {
  const packages = new Map(project.packages);
  for (const name of project.packages.keys()) {
    const pinned = versions.get(name);
    if (pinned !== undefined) packages.set(name, pinned);
  }
  const base = packages.get(BASE);
  return {
    ...project,
    packages,
    product: project.product === null || base === undefined ? project.product : { ...project.product, version: base },
  };
}
