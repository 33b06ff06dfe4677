import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_CATALOG } from '../../../../src/core/catalog/bundled';
import { bundledFactsFile } from '../../../../src/core/catalog/bundledFacts';
import { loadCatalog, loadCatalogFiles, qptMetadataDir, readCatalogFile } from '../../../../src/core/catalog/load';
import { parseProject } from '../../../../src/core/lock/parse';
import { readProject } from '../../../../src/core/lock/read';
import { realworld, repoRoot, requireRealworld } from '../../../support/realworld';

const fixture = (...parts: string[]) => join(repoRoot(), 'test', 'fixtures', ...parts);
const cloud = () => readProject(fixture('cloud-246p3', 'composer.lock'));
const QPT = fixture('cloud-246p3', 'vendor', 'magento', 'quality-patches');

describe('catalog: loadCatalog', () => {
  describe('bundled + installed QPT metadata (cloud-246p3)', () => {
    it('lists its sources with the installed QPT version; the fresher bundled facts come after it', () => {
      const catalog = loadCatalog({ project: cloud() });
      assert.deepEqual(catalog.sources, [
        { file: BUNDLED_CATALOG, kind: 'bundled' },
        { file: join(QPT, 'support-patches.json'), kind: 'qpt-support', version: '1.1.43', layer: 'installed' },
        { file: join(QPT, 'community-patches.json'), kind: 'qpt-community', version: '1.1.43', layer: 'installed' },
        { file: join(QPT, 'patches-info.json'), kind: 'qpt-info', version: '1.1.43', layer: 'installed' },
        { file: bundledFactsFile(), kind: 'qpt-facts', version: '1.1.82' },
      ]);
      assert.equal(qptMetadataDir(cloud()), QPT);
    });

    it('merges support and info entries, and skips the broken ones with a problem each', () => {
      const catalog = loadCatalog({ project: cloud() });
      for (const id of [
        'ACSD-61103',
        'ACSD-90001',
        'ACSD-90002',
        'ACSD-90003',
        'ACSD-90004',
        'MDVA-90007-V2',
        'magento2-90001',
        'MCLOUD-90009',
      ]) {
        assert.ok(catalog.patches.has(id), id);
      }
      assert.ok(!catalog.patches.has('ACSD-90005') && !catalog.patches.has('ACSD-90006'));
      assert.deepEqual(
        catalog.problems.map((p) => `${p.file.slice(QPT.length + 1)} ${p.path}`),
        [
          'support-patches.json ACSD-90005.packages["magento/magento2-base"][">=2.4.6 <<2.4.7"]',
          'support-patches.json ACSD-90005',
          'support-patches.json ACSD-90006.packages["magento/magento2-base"]',
          'support-patches.json ACSD-90006',
          'patches-info.json patches[4].id',
        ],
      );
      const p = catalog.patches.get('ACSD-90001');
      assert.equal(
        p?.title.en,
        'Fixes the issue where the checkout totals are shown twice for carts with a gift card. (Made-up fixture patch.)',
      );
      assert.equal(
        p?.description?.en,
        'Fixes the issue where the checkout totals are shown twice for carts with a gift card.',
      );
      assert.deepEqual(p?.components, ['magento/module-checkout', 'magento/module-gift-card-account']);
      assert.equal(p?.origin, 'Adobe Commerce Support');
      assert.deepEqual(p?.sources, [join(QPT, 'support-patches.json'), join(QPT, 'patches-info.json')]);
      assert.equal(catalog.patches.get('magento2-90001')?.origin, 'Magento OS Community');
    });

    it('derives deprecated, replaced-with and require', () => {
      const patches = loadCatalog({ project: cloud() }).patches;
      assert.equal(patches.get('ACSD-90003')?.deprecated, true);
      assert.equal(patches.get('ACSD-90003')?.replacedWith, 'ACSD-90004');
      assert.equal(patches.get('ACSD-90004')?.deprecated, false);
      assert.deepEqual(patches.get('ACSD-90002')?.require, ['ACSD-90001']);
    });

    it('an entry only in patches-info has no targets, so it cannot match', () => {
      const p = loadCatalog({ project: cloud() }).patches.get('MCLOUD-90009');
      assert.deepEqual(p?.targets, []);
      assert.equal(p?.title.en, 'Made-up cloud patch: known to the search page only, it has no package constraints.');
      assert.equal(p?.deprecated, false);
    });

    it('without the bundled catalog: only the installed metadata', () => {
      const catalog = loadCatalog({ bundled: false, project: cloud() });
      assert.ok(!catalog.patches.has('ACSD-61103'));
      assert.equal(catalog.sources.length, 3);
    });
  });

  it('honours a custom vendor-dir (monorepo store b keeps QPT in lib/composer)', () => {
    const project = readProject(fixture('monorepo', 'stores', 'b', 'composer.lock'));
    const catalog = loadCatalog({ bundled: false, project });
    const dir = fixture('monorepo', 'stores', 'b', 'lib', 'composer', 'magento', 'quality-patches');
    assert.deepEqual(catalog.sources, [
      { file: join(dir, 'support-patches.json'), kind: 'qpt-support', version: '1.1.54', layer: 'installed' },
      { file: join(dir, 'patches-info.json'), kind: 'qpt-info', version: '1.1.54', layer: 'installed' },
    ]);
    assert.deepEqual(
      catalog.patches.get('ACSD-90010')?.targets.map((t) => [t.package, t.constraint]),
      [['magento/magento2-b2b-base', '>=1.5.0 <1.5.1']],
    );
    assert.deepEqual(catalog.problems, []);
  });

  it('a store without QPT: the bundled catalog alone (patches.yaml and the facts of every QPT patch), no problem', () => {
    const catalog = loadCatalog({ project: readProject(fixture('os-247p1', 'composer.lock')) });
    assert.deepEqual(
      catalog.sources.map((s) => s.kind),
      ['bundled', 'qpt-facts'],
    );
    assert.deepEqual(catalog.problems, []);
  });

  describe('in a temporary store', () => {
    let root: string;
    const lock = (qpt?: string) =>
      JSON.stringify({
        packages: [
          { name: 'magento/magento2-base', version: '2.4.6-p3' },
          ...(qpt ? [{ name: 'magento/quality-patches', version: qpt }] : []),
        ],
      });
    const project = (qpt?: string) => parseProject(lock(qpt), join(root, 'composer.lock'));
    const installed = (name: string, text: string) => {
      mkdirSync(join(root, 'vendor', 'magento', 'quality-patches'), { recursive: true });
      writeFileSync(join(root, 'vendor', 'magento', 'quality-patches', name), text);
    };
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'catalog-load-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reads an extra file named like a QPT metadata file as that file', () => {
      const info = join(root, 'patches-info.json');
      writeFileSync(
        info,
        JSON.stringify({ version: '1.1.90', patches: [{ id: 'ACSD-90060', description: 'Made up.' }] }),
      );
      const misnamed = join(root, 'community-patches.json');
      writeFileSync(misnamed, JSON.stringify({ version: '1.1.90', patches: [] }));
      const catalog = loadCatalog({ bundled: false, extraFiles: [info, misnamed] });
      assert.deepEqual(
        catalog.sources.map((s) => s.kind),
        ['qpt-info', 'qpt-community'],
      );
      assert.equal(catalog.patches.get('ACSD-90060')?.description?.en, 'Made up.');
      assert.equal(catalog.problems.length, 2, 'the misnamed file: its two keys are not patch IDs');
      assert.ok(catalog.problems.every((p) => p.file === misnamed));
    });

    it('warns when QPT is locked but its metadata is not installed', () => {
      const catalog = loadCatalog({ project: project('1.1.77') });
      assert.equal(catalog.problems.length, 1);
      assert.equal(catalog.problems[0].severity, 'warning');
      assert.match(catalog.problems[0].message, /magento\/quality-patches 1\.1\.77 .*composer install/);
      assert.ok(catalog.patches.has('ACSD-61103'));
    });

    it('installed QPT targets replace the bundled ones; bundled translations, docs and versions stay', () => {
      installed(
        'support-patches.json',
        JSON.stringify({
          'ACSD-61103': {
            title: 'Fixes the issue from the installed metadata.',
            categories: ['Customer'],
            packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.8': { file: 'os/ACSD-61103_v2.patch' } } },
          },
        }),
      );
      const catalog = loadCatalog({ project: project('1.1.99') });
      const p = catalog.patches.get('ACSD-61103');
      assert.deepEqual(
        p?.targets.map((t) => [t.constraint, t.file]),
        [['>=2.4.6 <2.4.8', 'os/ACSD-61103_v2.patch']],
      );
      assert.deepEqual(p?.categories, ['Customer']);
      assert.equal(p?.title.en, 'Customer failed-login count kept after a successful API sign-in');
      assert.ok(p?.title.ja);
      assert.equal(p?.qptVersion, '1.1.54');
      assert.equal(p?.fixedIn, '2.4.8');
      assert.ok(p?.docsPath);
      // Installed 1.1.99 is fresher than the bundled facts: it comes after them.
      assert.deepEqual(p?.sources, [
        BUNDLED_CATALOG,
        bundledFactsFile(),
        join(root, 'vendor', 'magento', 'quality-patches', 'support-patches.json'),
      ]);
      assert.equal(catalog.sources[2].version, '1.1.99');
      // A bundled patch the installed metadata does not know keeps its bundled targets.
      assert.equal(catalog.patches.get('ACSD-57643')?.targets.length, 1);
    });

    it('reports an installed file that is broken, and still loads the others', () => {
      installed('support-patches.json', '{\n  "ACSD-1": {\n    "title": "x",\n  }\n}');
      installed(
        'patches-info.json',
        JSON.stringify({ version: '1.1.70', patches: [{ id: 'ACSD-2', description: 'Two.' }] }),
      );
      const catalog = loadCatalog({ bundled: false, project: project() });
      assert.equal(catalog.problems.length, 1);
      assert.deepEqual([catalog.problems[0].line, catalog.problems[0].column], [4, 3]);
      assert.equal(catalog.patches.get('ACSD-2')?.description?.en, 'Two.');
      // Without a locked version the metadata's own version is used.
      assert.deepEqual(
        catalog.sources.map((s) => s.version),
        ['1.1.70', '1.1.70'],
      );
    });

    it('a folder where a metadata file should be is a problem, not a crash', () => {
      mkdirSync(join(root, 'vendor', 'magento', 'quality-patches', 'support-patches.json'), { recursive: true });
      const catalog = loadCatalog({ bundled: false, project: project('1.1.1') });
      assert.deepEqual(
        catalog.problems.map((p) => p.message),
        ['is a folder, not a file'],
      );
    });
  });

  describe('extra files', () => {
    it('YAML adds texts and facts to QPT patches; a later QPT file replaces targets', () => {
      const catalog = loadCatalog({
        project: cloud(),
        extraFiles: [fixture('catalogs', 'extra.yaml'), fixture('catalogs', 'qpt-extra.json')],
      });
      const p = catalog.patches.get('ACSD-90001');
      assert.equal(p?.title.en, 'Checkout totals shown twice with a gift card', 'curated text beats the QPT title');
      assert.equal(p?.title.sv, 'Kassans summor visas två gånger med presentkort');
      assert.equal(p?.docsPath, 'v1-1-43/acsd-90001-checkout-totals-shown-twice');
      assert.equal(p?.fixedIn, '2.4.7');
      assert.deepEqual(
        p?.targets.map((t) => [t.constraint, t.file]),
        [['>=2.4.6 <2.4.8', 'os/ACSD-90001_2.4.6_v2.patch']],
      );
      assert.deepEqual(p?.categories, ['Order/Checkout', 'Payments']);
      assert.equal(p?.sources.length, 4);
      assert.ok(catalog.patches.has('ACSD-90050'));
      assert.deepEqual(catalog.patches.get('ACSD-90020')?.require, ['ACSD-90001']);
      assert.deepEqual(
        catalog.sources.slice(-2).map((s) => s.kind),
        ['yaml', 'qpt-support'],
      );
    });

    it('reads each file once, even when given twice or when it is the installed metadata', () => {
      const catalog = loadCatalog({
        project: cloud(),
        extraFiles: [
          join(QPT, 'support-patches.json'),
          fixture('catalogs', 'extra.yaml'),
          fixture('catalogs', '..', 'catalogs', 'extra.yaml'),
        ],
      });
      assert.equal(catalog.sources.length, 6, 'patches.yaml, 3 installed files, the bundled facts, extra.yaml');
      assert.equal(catalog.problems.length, 5);
    });

    it('turns unusable files into problems and loads everything else', () => {
      const catalog = loadCatalog({
        bundled: true,
        extraFiles: [
          fixture('catalogs', 'missing.yaml'),
          fixture('catalogs', 'not-a-catalog.json'),
          fixture('catalogs', 'syntax-error.yaml'),
          fixture('broken-lock', 'composer.lock'),
          fixture('catalogs', 'broken.yaml'),
        ],
      });
      const messages = catalog.problems.map(
        (p) => `${p.file.replace(fixture(), '')}${p.line ? `:${p.line}` : ''} ${p.message}`,
      );
      assert.match(messages[0], /^\/catalogs\/missing\.yaml file not found$/);
      assert.match(messages[1], /^\/catalogs\/not-a-catalog\.json not a patch catalog/);
      assert.match(messages[2], /^\/catalogs\/syntax-error\.yaml:\d+ invalid YAML/);
      assert.match(
        messages[3],
        /^\/broken-lock\/composer\.lock:10 invalid JSON/,
        'a file without .json/.yaml that looks like JSON is read as JSON',
      );
      assert.ok(catalog.patches.has('ACSD-61103'));
      assert.ok(catalog.patches.has('ACSD-90030'));
    });

    it('loadCatalogFiles: the given files only', () => {
      const catalog = loadCatalogFiles([fixture('catalogs', 'qpt-extra.json')]);
      // In ID order (the file lists ACSD-90050 first), which every triage goes by without sorting again.
      assert.deepEqual([...catalog.patches.keys()], ['ACSD-90001', 'ACSD-90050']);
      assert.equal(catalog.inIdOrder, true);
      assert.deepEqual(catalog.sources, [{ file: fixture('catalogs', 'qpt-extra.json'), kind: 'qpt-support' }]);
    });

    it('readCatalogFile tells community metadata by its name', () => {
      assert.equal(readCatalogFile(join(QPT, 'community-patches.json')).kind, 'qpt-community');
      assert.equal(readCatalogFile(join(QPT, 'patches-info.json')).kind, 'qpt-info');
    });
  });

  describe('with the real QPT 1.1.82 metadata', function () {
    before(function () {
      requireRealworld(this);
    });
    const files = ['support-patches.json', 'community-patches.json', 'patches-info.json'].map((f) =>
      realworld('qpt-1.1.82', f),
    );

    it('loads every patch of every file without a problem', () => {
      const catalog = loadCatalog({ bundled: true, extraFiles: files });
      assert.deepEqual(catalog.problems, []);
      const ids = new Set<string>();
      const support = JSON.parse(readFileSync(files[0], 'utf8')) as object;
      const community = JSON.parse(readFileSync(files[1], 'utf8')) as object;
      const info = JSON.parse(readFileSync(files[2], 'utf8')) as { patches: { id: string }[] };
      for (const id of [...Object.keys(support), ...Object.keys(community), ...info.patches.map((p) => p.id)])
        ids.add(id);
      assert.equal(catalog.patches.size, ids.size);
      const matchable = [...catalog.patches.values()].filter((p) => p.targets.length > 0).length;
      assert.equal(matchable, 1091 + 5);
    });

    it('ACSD-61103: QPT targets, bundled translations and facts, patches-info components', () => {
      const p = loadCatalog({ bundled: true, extraFiles: files }).patches.get('ACSD-61103');
      assert.deepEqual(
        p?.targets.map((t) => [t.package, t.constraint]),
        [['magento/magento2-base', '>=2.4.6 <2.4.7']],
      );
      assert.ok(p?.title.sv && p.title.fr && p.title.ja);
      assert.equal(p?.qptVersion, '1.1.54');
      assert.equal(p?.origin, 'Adobe Commerce Support');
      assert.deepEqual(p?.sources, [BUNDLED_CATALOG, bundledFactsFile(), files[0], files[2]]);
    });

    it('deprecation follows the ranges of support-patches.json, not the patch-wide flag of patches-info.json', () => {
      const p = loadCatalog({ bundled: false, extraFiles: files }).patches.get('ACSD-55628');
      assert.equal(p?.deprecated, false);
      assert.deepEqual(p?.targets.map((t) => t.deprecated).filter(Boolean).length, 3);
    });

    it('info-only patches (cloud patches) are described but not matchable', () => {
      const p = loadCatalog({ bundled: false, extraFiles: files }).patches.get('MCLOUD_6139');
      assert.deepEqual(p?.targets, []);
      assert.equal(p?.title.en, 'Add Zookeeper and flock locks');
    });
  });
});
