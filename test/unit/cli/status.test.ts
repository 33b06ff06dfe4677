import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/realworld';
import { removeTree, tempRoot, writeFile } from '../../support/patchTrees';

/** What these tests read of `status --format json`. */
interface StatusJson {
  projects: Array<{
    qpt: { installed: string | null };
    patches: Array<{ id: string; status: string; state: string; reason?: string; files?: string[] }>;
    local: Array<{ file: string; origin: string; state: string; reason?: string }>;
  }>;
}

const CLI = join(repoRoot(), 'dist', 'cli.js');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pkg = (name: string, version: string) => ({ name, version, type: 'library' });
const change = (path: string, from: string, to: string, prefix = 'vendor/') =>
  `diff --git a/${prefix}${path} b/${prefix}${path}\n--- a/${prefix}${path}\n+++ b/${prefix}${path}\n@@ -1,3 +1,3 @@\n <?php\n-${from}\n+${to}\n // end\n`;

/** A small store: four catalog patches (not applied, applied, conflict, requiring one), two local patches. */
function makeStore(root: string): void {
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

describe('command line: status', function () {
  this.timeout(20000);
  let root: string;
  before(() => {
    root = tempRoot('cli-status');
    makeStore(root);
  });
  after(() => removeTree(root));

  it('prints the JSON contract: every matched patch with its state, reason and files, and the local patches', () => {
    const r = cli(['status', root, '--format', 'json', '--no-bundled']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as StatusJson;
    const project = report.projects[0];
    assert.deepEqual(Object.keys(project), ['lockFile', 'product', 'qpt', 'patches', 'local']);
    assert.deepEqual(project.qpt, { installed: '1.1.82' });
    const byId = Object.fromEntries(project.patches.map((p) => [p.id, p]));
    assert.deepEqual(byId['ACSD-90001'], {
      id: 'ACSD-90001',
      status: 'applicable',
      state: 'not-applied',
      files: ['os/ACSD-90001.patch'],
    });
    assert.equal(byId['ACSD-90002'].state, 'applied');
    assert.equal(byId['ACSD-90003'].state, 'conflict');
    assert.equal(byId['ACSD-90003'].reason, 'vendor/magento/framework/Gone.php is missing');
    // Checked together with its requirement, which is not applied yet: both apply in sequence.
    assert.equal(byId['ACSD-90004'].state, 'not-applied');
    assert.deepEqual(
      project.local.map((l) => [l.file, l.origin, l.state]),
      [
        ['m2-hotfixes/01-a.patch', 'm2-hotfixes', 'applied'],
        ['m2-hotfixes/02-b.patch', 'm2-hotfixes', 'conflict'],
        ['patches/fw.patch', 'cweagans/composer-patches', 'not-applied'],
        ['https://example.invalid/x.patch', 'cweagans/composer-patches', 'unknown'],
      ],
    );
    assert.match(
      project.local[1].reason ?? '',
      /hunk 1 of vendor\/magento\/framework\/C\.php does not match at line 1/,
    );
  });

  it('prints a table grouped by state, leading each row with what is wrong', () => {
    const r = cli(['status', root, '--no-bundled']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Not applied \(2\)\n {2}ACSD-90001 +The cart empties after a login\n/);
    assert.match(r.stdout, /Applied \(1\)\n {2}ACSD-90002 +Stale prices\n/);
    assert.match(
      r.stdout,
      /Conflicts \(1\)\n {2}ACSD-90003 +A file is missing\n +↳ vendor\/magento\/framework\/Gone\.php is missing\n/,
    );
    assert.match(r.stdout, /Local patches \(4\)\n {2}Applied +m2-hotfixes\/01-a\.patch\n/);
  });

  it('is translated', () => {
    const r = cli(['status', root, '--no-bundled', '--locale', 'sv']);
    assert.match(r.stdout, /Konflikter \(1\)/);
    assert.match(r.stdout, /Gone\.php saknas/);
  });

  it('--fail-on exits 1 when a listed patch is in one of the states', () => {
    assert.equal(cli(['status', root, '--no-bundled', '--fail-on', 'conflict']).code, 1);
    assert.equal(cli(['status', root, '--no-bundled', '--fail-on', 'unknown,applied']).code, 1);
    const clean = tempRoot('cli-status-clean');
    try {
      makeStore(clean);
      writeFile(clean, 'vendor/magento/framework/Gone.php', '<?php\nold\n// end\n');
      writeFile(clean, 'composer.json', '{"name": "acme/store"}');
      writeFile(clean, 'm2-hotfixes/02-b.patch', '');
      assert.equal(cli(['status', clean, '--no-bundled', '--fail-on', 'conflict']).code, 0);
    } finally {
      removeTree(clean);
    }
  });

  it('refuses unknown states and formats with exit code 2', () => {
    const bad = cli(['status', root, '--fail-on', 'broken']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fail-on takes applied, not-applied, conflict or unknown, not 'broken'/);
    assert.equal(cli(['status', root, '--format', 'xml']).code, 2);
    assert.equal(cli(['status', join(root, 'nowhere')]).code, 2);
  });
});
