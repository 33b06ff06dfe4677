// A small Adobe Commerce 2.4.6-p3 store written into the harness's fresh folder for the applied-state suites:
// QPT metadata with four patches and their files, the vendor files they touch (one patch not applied, one applied,
// one in conflict, one deprecated and not applied), and two m2-hotfixes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const change = (path: string, from: string, to: string) =>
  `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1,4 +1,4 @@\n <?php\n // head\n-${from}\n+${to}\n // end\n`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Writes the store into `root` (a folder of its own). */
export function writeAppliedStore(root: string): void {
  const pkg = (name: string, version: string) => ({ name, version, type: 'library' });
  write(
    root,
    'composer.lock',
    JSON.stringify({
      packages: [pkg('magento/magento2-base', '2.4.6-p3'), pkg('magento/magento2-ee-base', '2.4.6-p3'), pkg('magento/quality-patches', '1.1.82')],
      'packages-dev': [],
    }),
  );
  write(root, 'composer.json', JSON.stringify({ name: 'acme/store' }));
  const range = (file: string, extra: Record<string, unknown> = {}) => ({ 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file, ...extra } } });
  const catalog = {
    'ACSD-91001': { title: 'Fixes the issue where the cart empties after a login.', categories: ['Checkout'], packages: range('os/ACSD-91001.patch') },
    'ACSD-91002': { title: 'Fixes the issue with stale prices in the grid.', categories: ['Catalog'], packages: range('os/ACSD-91002.patch') },
    'ACSD-91003': { title: 'Fixes the issue where orders stall at export.', categories: ['Order'], packages: range('os/ACSD-91003.patch') },
  };
  const qpt = 'vendor/magento/quality-patches/';
  write(root, qpt + 'support-patches.json', JSON.stringify(catalog));
  write(root, qpt + 'patches/os/ACSD-91001.patch', change('vendor/magento/framework/Cart.php', 'old cart', 'new cart'));
  write(root, qpt + 'patches/os/ACSD-91002.patch', change('vendor/magento/framework/Price.php', 'old price', 'new price'));
  write(root, qpt + 'patches/os/ACSD-91003.patch', change('vendor/magento/framework/Export.php', 'old export', 'new export'));
  write(root, 'vendor/magento/framework/Cart.php', '<?php\n// head\nold cart\n// end\n');
  write(root, 'vendor/magento/framework/Price.php', '<?php\n// head\nnew price\n// end\n');
  write(root, 'vendor/magento/framework/Export.php', '<?php\n// head\nsomething else\n// end\n');
  write(root, 'm2-hotfixes/01-price.patch', change('vendor/magento/framework/Price.php', 'old price', 'new price'));
  write(root, 'm2-hotfixes/02-export.patch', change('vendor/magento/framework/Export.php', 'older export', 'old export'));
}
