import { writeFile } from './patchTrees';

// A small store for the `status` tests: hand-made QPT metadata and patch files, vendor files in known states.

const pkg = (name: string, version: string) => ({ name, version, type: 'library' });
const change = (path: string, from: string, to: string, prefix = 'vendor/') =>
  `diff --git a/${prefix}${path} b/${prefix}${path}\n--- a/${prefix}${path}\n+++ b/${prefix}${path}\n@@ -1,3 +1,3 @@\n <?php\n-${from}\n+${to}\n // end\n`;

/** A small store: four catalog patches (not applied, applied, conflict, requiring one), two local patches. */
export function makeStore(root: string): void {
  writeFile(
    root,
    'composer.lock',
    JSON.stringify({
      packages: [
        pkg('magento/magento2-base', '2.4.6-p3'),
        pkg('magento/quality-patches', '1.1.82'),
        pkg('magento/framework', '103.0.6-p3'),
      ],
      'packages-dev': [],
    }),
  );
  writeFile(
    root,
    'composer.json',
    JSON.stringify({
      name: 'acme/store',
      extra: {
        patches: {
          'magento/framework': { 'Our fix': 'patches/fw.patch', 'Remote fix': 'https://example.invalid/x.patch' },
        },
      },
    }),
  );
  const range = (file: string, require?: string[]) => ({
    'magento/magento2-base': { '>=2.4.6 <2.4.7': { file, ...(require ? { require } : {}) } },
  });
  const catalog = {
    'ACSD-90001': {
      title: 'Fixes the issue where the cart empties after a login.',
      categories: ['Checkout'],
      packages: range('os/ACSD-90001.patch'),
    },
    'ACSD-90002': {
      title: 'Fixes the issue with stale prices.',
      categories: ['Catalog'],
      packages: range('os/ACSD-90002.patch'),
    },
    'ACSD-90003': {
      title: 'Fixes an issue where a file is missing.',
      categories: ['Other'],
      packages: range('os/ACSD-90003.patch'),
    },
    'ACSD-90004': {
      title: 'Improves the grid.',
      categories: ['Other'],
      packages: range('os/ACSD-90004.patch', ['ACSD-90001']),
    },
  };
  const qpt = 'vendor/magento/quality-patches/';
  writeFile(root, qpt + 'support-patches.json', JSON.stringify(catalog));
  writeFile(root, qpt + 'patches/os/ACSD-90001.patch', change('magento/framework/A.php', 'old a', 'new a'));
  writeFile(root, qpt + 'patches/os/ACSD-90002.patch', change('magento/framework/B.php', 'old b', 'new b'));
  writeFile(root, qpt + 'patches/os/ACSD-90003.patch', change('magento/framework/Gone.php', 'old', 'new'));
  writeFile(root, qpt + 'patches/os/ACSD-90004.patch', change('magento/framework/A.php', 'new a', 'newer a'));
  writeFile(root, 'vendor/magento/framework/A.php', '<?php\nold a\n// end\n');
  writeFile(root, 'vendor/magento/framework/B.php', '<?php\nnew b\n// end\n');
  writeFile(root, 'vendor/magento/framework/C.php', '<?php\nold c\n// end\n');
  writeFile(root, 'm2-hotfixes/02-b.patch', change('magento/framework/C.php', 'other', 'c'));
  writeFile(root, 'm2-hotfixes/01-a.patch', change('magento/framework/B.php', 'old b', 'new b'));
  writeFile(root, 'patches/fw.patch', change('C.php', 'old c', 'new c', ''));
}
