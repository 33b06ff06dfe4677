import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, tempRoot, writeFile } from '../../support/patchTrees';
import { makeStore } from '../../support/statusStore';
import { runCli } from '../../support/cli';

/** What these tests read of `status --format json`. */
interface StatusJson {
  projects: Array<{
    qpt: { installed: string | null };
    patches: Array<{ id: string; status: string; state: string; reason?: string; files?: string[] }>;
    local: Array<{ file: string; origin: string; state: string; reason?: string }>;
  }>;
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env, timeout: 60_000 });

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

  it('hides a deprecated patch whose replacement is applied, as QPT and the Patches view do', () => {
    const store = tempRoot('cli-status-superseded');
    try {
      makeStore(store);
      const qpt = 'vendor/magento/quality-patches/';
      const catalog = JSON.parse(readFileSync(join(store, qpt, 'support-patches.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const deprecated = (file: string, replacement: string) => ({
        title: 'Fixes the issue with stale prices, the old way.',
        categories: ['Catalog'],
        packages: {
          'magento/magento2-base': { '>=2.4.6 <2.4.7': { file, deprecated: true, 'replaced-with': replacement } },
        },
      });
      // ACSD-90005 holds the same change as ACSD-90002, which is applied; ACSD-90006 is replaced by a patch that is not.
      catalog['ACSD-90005'] = deprecated('os/ACSD-90002.patch', 'ACSD-90002');
      catalog['ACSD-90006'] = deprecated('os/ACSD-90002.patch', 'ACSD-90001');
      writeFile(store, qpt + 'support-patches.json', JSON.stringify(catalog));
      const json = JSON.parse(cli(['status', store, '--format', 'json', '--no-bundled']).stdout) as StatusJson;
      const ids = json.projects[0].patches.map((p) => p.id);
      assert.ok(!ids.includes('ACSD-90005'), 'replaced by an applied patch: hidden');
      assert.ok(ids.includes('ACSD-90006'), 'its replacement is not applied: shown');
      const table = cli(['status', store, '--no-bundled']).stdout;
      assert.doesNotMatch(table, /ACSD-90005/);
      assert.match(table, /Applied \(2\)\n {2}ACSD-90002 .*\n {2}ACSD-90006 /);
      const sarif = cli(['status', store, '--format', 'sarif', '--no-bundled']).stdout;
      assert.doesNotMatch(sarif, /ACSD-90005/);
      assert.match(sarif, /"ACSD-90006 is deprecated; use ACSD-90001: /);
    } finally {
      removeTree(store);
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
