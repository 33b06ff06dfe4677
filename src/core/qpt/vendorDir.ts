import { isAbsolute, relative, sep } from 'node:path';
import { t } from '../text/translate';
import type { QptProject } from './command';

/**
 * Why QPT cannot be trusted with a store's Composer `vendor-dir`. QPT's patch files all change `vendor/…`, and it
 * takes the folder above the vendor-dir as the Magento root:
 * - `too-deep` (`lib/vendor`): the root becomes `lib/`, which has no composer.lock; every command fails with
 *   "No lockfile found".
 * - `renamed` (`vendor2`, or a vendor-dir outside the project): the root is right, but `git apply` finds no
 *   `vendor/…` file, so nearly every patch comes out N/A and none can be applied or reverted.
 */
export interface QptVendorDirProblem {
  kind: 'too-deep' | 'renamed';
  /** The vendor-dir as written relative to the project root (absolute when outside it). */
  vendorDir: string;
  /** What goes wrong, for the user. */
  message: string;
}

/** The vendor-dir problem of a project, or undefined for the usual `vendor`. */
export function qptVendorDirProblem(project: Pick<QptProject, 'root' | 'vendorDir'>): QptVendorDirProblem | undefined {
  const rel = relative(project.root, project.vendorDir);
  if (rel === 'vendor') return undefined;
  const outside = rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..';
  const vendorDir = (outside ? project.vendorDir : rel).split(sep).join('/');
  const ownCheck = t(
    "Use the extension's own applied-state check instead: it reads the files under {0}/ itself.",
    vendorDir,
  );
  if (!outside && rel.split(sep).length > 1) {
    const fakeRoot = rel.split(sep).slice(0, -1).join('/');
    return {
      kind: 'too-deep',
      vendorDir,
      message:
        t(
          'The Quality Patches Tool cannot work with the vendor-dir {0}: it takes {1}/ as the Magento root, finds no composer.lock there and fails on every command ("No lockfile found").',
          vendorDir,
          fakeRoot,
        ) +
        ' ' +
        ownCheck,
    };
  }
  return {
    kind: 'renamed',
    vendorDir,
    message:
      t(
        'The Quality Patches Tool cannot work with the vendor-dir {0}: its patches change files under vendor/, so it reports nearly every patch as N/A and can apply or revert none.',
        vendorDir,
      ) +
      ' ' +
      ownCheck,
  };
}
