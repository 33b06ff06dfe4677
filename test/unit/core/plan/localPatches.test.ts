import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../../../src/core/lock/project';
import { readLocalPatches } from '../../../../src/core/plan/localPatches';
import { readProjectPatches } from '../../../../src/core/plan/projectPlan';

function project(root: string): Project {
  return {
    lockFile: join(root, 'composer.lock'),
    root,
    product: { edition: 'commerce', version: '2.4.6', b2b: false, cloud: true },
    qpt: { installed: null },
    packages: new Map(),
    vendorDir: join(root, 'vendor'),
    binDir: join(root, 'vendor', 'bin'),
  };
}

describe("the store's own patches", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'local-patches-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('collects m2-hotfixes/*.patch by name and composer-patches entries of both formats and of a patches file', () => {
    mkdirSync(join(root, 'm2-hotfixes'));
    for (const name of ['b.patch', 'a.patch', 'notes.txt']) writeFileSync(join(root, 'm2-hotfixes', name), '');
    writeFileSync(
      join(root, 'composer.json'),
      JSON.stringify({
        extra: {
          patches: {
            'magento/module-quote': { 'Fix cart totals': 'patches/cart.diff' },
            'magento/module-sales': [{ description: 'Order grid speed', url: 'https://example.com/grid.patch' }],
          },
          'patches-file': 'composer.patches.json',
        },
      }),
    );
    writeFileSync(
      join(root, 'composer.patches.json'),
      JSON.stringify({ patches: { 'magento/framework': { 'Cache tags': 'patches/tags.diff' } } }),
    );
    const { patches, problems } = readLocalPatches(project(root));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      patches.map((p) => [p.id, p.kind, p.package]),
      [
        ['m2-hotfixes/a.patch', 'm2-hotfixes', undefined],
        ['m2-hotfixes/b.patch', 'm2-hotfixes', undefined],
        ['Fix cart totals', 'composer-patches', 'magento/module-quote'],
        ['Order grid speed', 'composer-patches', 'magento/module-sales'],
        ['Cache tags', 'composer-patches', 'magento/framework'],
      ],
    );
  });

  it('reports what it skips and reads nothing from a store without any', () => {
    assert.deepEqual(readLocalPatches(project(root)), { patches: [], problems: [] });
    writeFileSync(
      join(root, 'composer.json'),
      JSON.stringify({
        extra: {
          patches: { 'magento/module-quote': [{ description: 'no file' }], 'magento/x': {} },
          'patches-file': 'missing.json',
        },
      }),
    );
    const { patches, problems } = readLocalPatches(project(root));
    assert.deepEqual(patches, []);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['a patch needs a description and a file or URL; skipped', 'no patches listed; skipped', 'file not found'],
    );
    writeFileSync(join(root, 'composer.json'), '{oops');
    assert.equal(readLocalPatches(project(root)).problems.length, 1);
  });

  it('reads the scheduled patches of .magento.env.yaml with their lines, and reports a broken file', () => {
    writeFileSync(
      join(root, '.magento.env.yaml'),
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-1\n      - MDVA-2\n',
    );
    const read = readProjectPatches(project(root));
    assert.deepEqual(
      read.scheduled.map((e) => [e.id, e.line]),
      [
        ['ACSD-1', 4],
        ['MDVA-2', 5],
      ],
    );
    assert.equal(read.envFile, join(root, '.magento.env.yaml'));
    writeFileSync(join(root, '.magento.env.yaml'), 'stage: [\n');
    const broken = readProjectPatches(project(root));
    assert.deepEqual(broken.scheduled, []);
    assert.match(broken.problems[0].message, /^Invalid YAML/);
  });
});
