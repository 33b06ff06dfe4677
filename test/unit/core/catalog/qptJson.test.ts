import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qptJsonShape, readQptInfo, readQptPatches } from '../../../../src/core/catalog/qptJson';
import { realworld, repoRoot, requireRealworld } from '../../../support/realworld';

const fixture = (...parts: string[]) => join(repoRoot(), 'test', 'fixtures', ...parts);
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const QPT_DIR = fixture('cloud-246p3', 'vendor', 'magento', 'quality-patches');

describe('catalog: QPT JSON metadata', () => {
  describe('support-patches.json / community-patches.json format', () => {
    it('reads targets, with deprecated defaulting to true where replaced-with is set', () => {
      const file = readQptPatches(json(join(QPT_DIR, 'support-patches.json')), 'support.json', 'qpt-support');
      const byId = new Map(file.entries.map((e) => [e.id, e]));
      assert.deepEqual([...byId.keys()], ['ACSD-90001', 'ACSD-90002', 'ACSD-90003', 'ACSD-90004', 'MDVA-90007-V2']);
      assert.deepEqual(byId.get('ACSD-90003')?.targets, [
        {
          package: 'magento/magento2-base',
          constraint: '>=2.4.4 <2.4.7',
          file: 'os/ACSD-90003_2.4.4.patch',
          require: [],
          replacedWith: 'ACSD-90004',
          deprecated: true,
        },
      ]);
      assert.deepEqual(byId.get('ACSD-90002')?.targets?.[0].require, ['ACSD-90001']);
      assert.equal(byId.get('ACSD-90002')?.targets?.[0].deprecated, false);
      assert.deepEqual(byId.get('ACSD-90001')?.categories, ['Order/Checkout']);
    });

    it('reports broken entries by JSON path and loads the rest', () => {
      const file = readQptPatches(json(join(QPT_DIR, 'support-patches.json')), 'support.json', 'qpt-support');
      const problems = file.problems.map((p) => [p.file, p.path, p.severity]);
      assert.deepEqual(problems, [
        ['support.json', 'ACSD-90005.packages["magento/magento2-base"][">=2.4.6 <<2.4.7"]', 'error'],
        ['support.json', 'ACSD-90005', 'error'],
        ['support.json', 'ACSD-90006.packages["magento/magento2-base"]', 'error'],
        ['support.json', 'ACSD-90006', 'error'],
      ]);
      assert.match(file.problems[0].message, /Invalid version constraint ">=2\.4\.6 <<2\.4\.7".*this range is skipped/);
      assert.match(file.problems[1].message, /patch skipped/);
    });

    it('keeps the good ranges of a patch with one bad range', () => {
      const file = readQptPatches(
        {
          'ACSD-1': {
            title: 'x',
            categories: [],
            packages: {
              'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'a' }, 'not a constraint': { file: 'b' } },
              'magento/magento2-ee-base': { '2.4.6': { file: 'c', deprecated: 'yes' } },
            },
          },
        },
        'f.json',
        'qpt-support',
      );
      assert.deepEqual(
        file.entries[0].targets?.map((t) => t.constraint),
        ['>=2.4.6 <2.4.7'],
      );
      assert.deepEqual(
        file.problems.map((p) => p.path),
        [
          'ACSD-1.packages["magento/magento2-base"]["not a constraint"]',
          'ACSD-1.packages["magento/magento2-ee-base"]["2.4.6"].deprecated',
        ],
      );
    });

    it('reports every kind of broken entry', () => {
      const file = readQptPatches(
        {
          'bad id!': { title: 'x', packages: { 'a/b': { '1.0': {} } } },
          'ACSD-2': 'a string',
          'ACSD-3': { packages: { 'a/b': { '1.0': {} } } },
          'ACSD-4': { title: 'x', categories: 'Admin', packages: { 'a/b': { '1.0': {} } } },
          'ACSD-5': { title: 'x', packages: {} },
          'ACSD-6': { title: 'x', packages: { 'Not A Package': { '1.0': {} } } },
          'ACSD-7': { title: 'x', packages: { 'a/b': { '1.0': { require: ['ACSD-1', 'rm -rf /'] } } } },
          'ACSD-8': { title: 'x', packages: { 'a/b': { '1.0': { 'replaced-with': 42 } } } },
          'ACSD-9': { title: 'x', packages: { 'a/b': { '1.0': [] } } },
          'ACSD-10': { title: ' ok ', packages: { 'a/b': { '1.0': null } } },
        },
        'f.json',
        'qpt-support',
      );
      assert.deepEqual(
        file.entries.map((e) => e.id),
        ['ACSD-10'],
      );
      assert.deepEqual(file.entries[0].title, { en: 'ok' });
      const paths = file.problems.map((p) => p.path);
      for (const path of [
        '["bad id!"]',
        'ACSD-2',
        'ACSD-3.title',
        'ACSD-4.categories',
        'ACSD-5.packages',
        'ACSD-6.packages["Not A Package"]',
        'ACSD-7.packages["a/b"]["1.0"].require[1]',
        'ACSD-8.packages["a/b"]["1.0"].replaced-with',
        'ACSD-9.packages["a/b"]["1.0"]',
      ]) {
        assert.ok(paths.includes(path), `${path} in ${JSON.stringify(paths)}`);
      }
    });

    it('reports a file that is not an ID map as one problem', () => {
      const file = readQptPatches([1, 2], 'f.json', 'qpt-support');
      assert.deepEqual(file.entries, []);
      assert.equal(file.problems.length, 1);
      assert.match(file.problems[0].message, /not QPT patch metadata/);
    });
  });

  describe('patches-info.json format', () => {
    it('gives descriptions, origin and components but no targets', () => {
      const file = readQptInfo(json(join(QPT_DIR, 'patches-info.json')), 'info.json');
      assert.equal(file.version, '1.1.43');
      const byId = new Map(file.entries.map((e) => [e.id, e]));
      assert.deepEqual([...byId.keys()], ['ACSD-90001', 'ACSD-90003', 'magento2-90001', 'MCLOUD-90009']);
      const e = byId.get('ACSD-90003');
      assert.equal(e?.origin, 'Adobe Commerce Support');
      assert.deepEqual(e?.components, ['magento/module-catalog', 'magento/module-page-cache']);
      assert.equal(e?.replacedWith, 'ACSD-90004');
      assert.equal(e?.deprecated, undefined, 'deprecation comes from the ranges in support-patches.json');
      assert.equal(e?.targets, undefined);
      assert.deepEqual(
        file.problems.map((p) => [p.path, p.severity]),
        [['patches[4].id', 'error']],
      );
    });

    it('takes required IDs from the release map, and replacedWith only when it is a bare ID', () => {
      const file = readQptInfo(
        {
          version: '1.1.82',
          patches: [
            {
              id: 'ACSD-1',
              description: 'd',
              require: { 'ACSD-2': ['2.4.4'] },
              replacedWith: 'ACSD-3 for 2.4.6, 2.4.7. Use ACSD-4 for 2.4.8',
            },
            { id: 'ACSD-5', description: 'd', require: ['ACSD-6'], replacedWith: 'ACSD-7' },
            'junk',
          ],
        },
        'info.json',
      );
      assert.deepEqual(file.entries[0].require, ['ACSD-2']);
      assert.equal(file.entries[0].replacedWith, undefined);
      assert.deepEqual(file.entries[1].require, ['ACSD-6']);
      assert.equal(file.entries[1].replacedWith, 'ACSD-7');
      assert.deepEqual(
        file.problems.map((p) => p.path),
        ['patches[2]'],
      );
    });

    it('reports a file without a patches list', () => {
      const file = readQptInfo({ version: '1' }, 'info.json');
      assert.match(file.problems[0].message, /patches-info\.json/);
    });
  });

  it('tells the formats apart by shape', () => {
    assert.equal(qptJsonShape({ version: '1', patches: [] }), 'qpt-info');
    assert.equal(qptJsonShape({ 'ACSD-1': { title: 't', packages: {} } }), 'qpt-patches');
    assert.equal(qptJsonShape({ 'ACSD-1': 'broken', 'ACSD-2': { title: 't' } }), 'qpt-patches');
    assert.equal(qptJsonShape({}), 'qpt-patches');
    assert.equal(qptJsonShape({ name: 'acme/app', require: {} }), undefined);
    assert.equal(qptJsonShape([]), undefined);
    assert.equal(qptJsonShape('x'), undefined);
  });

  describe('real QPT 1.1.82 metadata', function () {
    before(function () {
      requireRealworld(this);
    });

    it('loads every support patch and every range without a problem', () => {
      const data = json(realworld('qpt-1.1.82', 'support-patches.json')) as Record<
        string,
        { packages: Record<string, object> }
      >;
      const file = readQptPatches(data, 'support-patches.json', 'qpt-support');
      assert.deepEqual(file.problems, []);
      assert.equal(file.entries.length, 1091);
      const ranges = Object.values(data).reduce(
        (n, p) => n + Object.values(p.packages).reduce((m, r) => m + Object.keys(r).length, 0),
        0,
      );
      assert.equal(ranges, 1620);
      assert.equal(
        file.entries.reduce((n, e) => n + (e.targets?.length ?? 0), 0),
        ranges,
      );
      const deprecated = file.entries.flatMap((e) => e.targets ?? []).filter((t) => t.deprecated).length;
      assert.ok(deprecated >= 160, `${deprecated} deprecated ranges (160 have replaced-with)`);
      const acsd = file.entries.find((e) => e.id === 'ACSD-61103');
      assert.deepEqual(acsd?.targets, [
        {
          package: 'magento/magento2-base',
          constraint: '>=2.4.6 <2.4.7',
          file: 'os/ACSD-61103_2.4.6-p3.patch',
          require: [],
          replacedWith: undefined,
          deprecated: false,
        },
      ]);
    });

    it('loads the community patches and patches-info without a problem', () => {
      const community = readQptPatches(
        json(realworld('qpt-1.1.82', 'community-patches.json')),
        'c.json',
        'qpt-community',
      );
      assert.deepEqual(community.problems, []);
      assert.deepEqual(community.entries.map((e) => e.id).sort(), [
        'magento/magento2/34528',
        'magento/magento2/34529',
        'magento2-33723',
        'magento2-34170',
        'magento2-34228',
      ]);
      const info = readQptInfo(json(realworld('qpt-1.1.82', 'patches-info.json')), 'i.json');
      assert.deepEqual(info.problems, []);
      assert.equal(info.entries.length, 1149);
      assert.equal(info.version, '1.1.82');
      assert.deepEqual(info.entries.find((e) => e.id === 'ACSD-59280')?.require, ['ACSD-55031']);
    });

    it('reads the older 1.1.54 metadata, the first with ACSD-61103', () => {
      const file = readQptPatches(json(realworld('qpt-1.1.54', 'support-patches.json')), 's.json', 'qpt-support');
      assert.deepEqual(file.problems, []);
      assert.equal(file.entries.length, 775);
      assert.ok(file.entries.some((e) => e.id === 'ACSD-61103'));
    });
  });
});
