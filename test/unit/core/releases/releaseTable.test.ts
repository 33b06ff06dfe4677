import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../../../src/core/lock/project';
import { packageEdition, projectAtRelease, releaseProject } from '../../../../src/core/releases/releaseProject';
import {
  bundledReleases,
  findReleaseTable,
  laterReleases,
  parseReleaseTable,
  sortedReleases,
} from '../../../../src/core/releases/releaseTable';

const TEXT = JSON.stringify({
  '2.4.7': {
    'magento/magento2-base': '2.4.7',
    'magento/magento2-ee-base': '2.4.7',
    'magento/inventory-metapackage': '1.2.7',
  },
  '2.4.6-p1': { 'magento/magento2-base': '2.4.6-p1', 'magento/magento2-b2b-base': '1.4.0' },
  '2.4.6': { 'magento/magento2-base': '2.4.6' },
  '2.4.7-beta1': { 'magento/magento2-base': '2.4.7-beta1' },
  '2.5.0': { 'magento/magento2-base': '2.5.0' },
  'not-a-version!': { x: '1' },
  '2.4.8': { 'magento/magento2-base': 3 },
});

describe('release list', () => {
  it('reads magento_releases.json, leaving out broken entries with their key', () => {
    const table = parseReleaseTable(TEXT, 'r.json');
    assert.deepEqual([...table.releases.keys()], ['2.4.7', '2.4.6-p1', '2.4.6', '2.4.7-beta1', '2.5.0']);
    assert.deepEqual(
      table.problems.map((p) => p.path),
      ['not-a-version!', '2.4.8'],
    );
    assert.throws(() => parseReleaseTable('[]', 'r.json'), /expected a JSON object/);
    assert.throws(() => parseReleaseTable('{', 'r.json'), /r\.json/);
  });

  it('orders releases as Composer does and lists the later ones of the same minor line', () => {
    const table = parseReleaseTable(TEXT, 'r.json');
    assert.deepEqual(sortedReleases(table), ['2.4.6', '2.4.6-p1', '2.4.7-beta1', '2.4.7', '2.5.0']);
    assert.deepEqual(laterReleases(table, '2.4.6-p1'), ['2.4.7-beta1', '2.4.7']);
  });

  it('finds the first readable magento_releases.json, else the bundled list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'releases-'));
    try {
      const broken = join(dir, 'a');
      const good = join(dir, 'b');
      for (const d of [broken, good]) mkdirSync(d);
      writeFileSync(join(broken, 'magento_releases.json'), '{oops');
      writeFileSync(join(good, 'magento_releases.json'), TEXT);
      const table = findReleaseTable([join(dir, 'none'), broken, good]);
      assert.equal(table.source, join(good, 'magento_releases.json'));
      assert.equal(table.problems[0].file, join(broken, 'magento_releases.json'));
      assert.equal(findReleaseTable([join(dir, 'none')]).source, bundledReleases().source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bundles the 102 releases of QPT 1.1.82', () => {
    const table = bundledReleases();
    assert.equal(table.releases.size, 102);
    assert.equal(table.qpt, '1.1.82');
    assert.equal(table.releases.get('2.4.6-p3')?.get('magento/magento2-base'), '2.4.6-p3');
  });
});

describe('a project on another release', () => {
  it('tells editions apart by package name', () => {
    assert.equal(packageEdition('magento/magento2-base'), 'open-source');
    assert.equal(packageEdition('magento/magento2-ee-base'), 'commerce');
    assert.equal(packageEdition('magento/page-builder-commerce'), 'commerce');
    assert.equal(packageEdition('magento/security-package-b2b'), 'b2b');
  });

  it('moves the packages the release pins and keeps the others', () => {
    const project: Project = {
      lockFile: '/p/composer.lock',
      root: '/p',
      product: { edition: 'commerce', version: '2.4.6', b2b: false, cloud: true },
      qpt: { installed: '1.1.43' },
      packages: new Map([
        ['magento/magento2-base', '2.4.6'],
        ['magento/magento2-ee-base', '2.4.6'],
        ['vendor/other', '1.0.0'],
      ]),
      vendorDir: '/p/vendor',
      binDir: '/p/vendor/bin',
    };
    const table = parseReleaseTable(TEXT, 'r.json');
    const moved = projectAtRelease(project, table.releases.get('2.4.7')!);
    assert.equal(moved.product?.version, '2.4.7');
    assert.equal(moved.product?.cloud, true);
    assert.deepEqual(
      [...moved.packages],
      [
        ['magento/magento2-base', '2.4.7'],
        ['magento/magento2-ee-base', '2.4.7'],
        ['vendor/other', '1.0.0'],
      ],
    );
    assert.equal(project.packages.get('magento/magento2-base'), '2.4.6');
  });

  it('builds a store from a release alone, per edition', () => {
    const table = parseReleaseTable(TEXT, 'r.json');
    assert.equal(releaseProject(table, '9.9.9'), undefined);
    const os = releaseProject(table, '2.4.6-p1', { edition: 'open-source' })!;
    assert.deepEqual([...os.packages.keys()], ['magento/magento2-base']);
    const b2b = releaseProject(table, '2.4.6-p1', { cloud: true })!;
    assert.deepEqual(b2b.product, { edition: 'commerce', version: '2.4.6-p1', b2b: true, cloud: true });
    assert.equal(b2b.release, '2.4.6-p1');
  });
});
