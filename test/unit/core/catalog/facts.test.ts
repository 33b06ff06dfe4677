import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFacts, bundledFactsFile } from '../../../../src/core/catalog/bundledFacts';
import { catalogVersions } from '../../../../src/core/catalog/layers';
import { loadCatalog } from '../../../../src/core/catalog/load';
import { mergeCatalog } from '../../../../src/core/catalog/merge';
import type { Patch } from '../../../../src/core/catalog/patch';
import { readProject } from '../../../../src/core/lock/read';
import type { Project } from '../../../../src/core/lock/project';
import { titleSourceText } from '../../../../src/core/text/titleSource';
import { triage } from '../../../../src/core/triage/triage';
import { realworld, repoRoot, requireRealworld } from '../../../support/realworld';

const QPT_DIR = () => realworld('qpt-1.1.82');
const QPT_FILES = () =>
  ['support-patches.json', 'community-patches.json', 'patches-info.json'].map((f) => join(QPT_DIR(), f));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The facts of a patch, as triage and the views use them. */
function facts(p: Patch) {
  return {
    targets: p.targets,
    categories: p.categories,
    components: p.components,
    origin: p.origin,
    require: p.require,
    replacedWith: p.replacedWith,
    deprecated: p.deprecated,
  };
}

describe('catalog: bundled facts of every QPT patch (data/qpt-facts.json)', function () {
  this.timeout(30000);
  before(function () {
    requireRealworld(this);
  });

  it('is what build/generate-qpt-facts.mjs writes from the real QPT 1.1.82 metadata', () => {
    const out = mkdtempSync(join(tmpdir(), 'qpt-facts-'));
    try {
      const file = join(out, 'facts.json');
      const r = spawnSync(
        process.execPath,
        [join(repoRoot(), 'build', 'generate-qpt-facts.mjs'), QPT_DIR(), '--out', file],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(file, 'utf8'), readFileSync(bundledFactsFile(), 'utf8'));
      const check = spawnSync(
        process.execPath,
        [join(repoRoot(), 'build', 'generate-qpt-facts.mjs'), QPT_DIR(), '--check'],
        { encoding: 'utf8' },
      );
      assert.equal(check.status, 0, check.stderr);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('loads without a problem, as QPT 1.1.82, and is read once and shared', () => {
    const loaded = bundledFacts();
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.version, '1.1.82');
    assert.equal(loaded.kind, 'qpt-facts');
    assert.equal(bundledFacts(), loaded);
    assert.ok(Object.isFrozen(loaded.entries[0].targets));
  });

  it('equals the real 1.1.82 metadata on every fact of all 1,096 support and community patches', () => {
    const real = loadCatalog({ bundled: false, extraFiles: QPT_FILES() });
    const bundled = mergeCatalog([bundledFacts()]);
    const support = readJson<Record<string, unknown>>(join(QPT_DIR(), 'support-patches.json'));
    const community = readJson<Record<string, unknown>>(join(QPT_DIR(), 'community-patches.json'));
    const introduced = readJson<{ support: Record<string, string>; community: Record<string, string> }>(
      join(QPT_DIR(), 'introduced-in.json'),
    );
    const ids = [...Object.keys(support), ...Object.keys(community)];
    assert.equal(ids.length, 1096);
    assert.equal(bundled.patches.size, 1096);
    for (const id of ids) {
      const mine = bundled.patches.get(id);
      const theirs = real.patches.get(id);
      assert.ok(mine && theirs, id);
      assert.deepEqual(facts(mine), facts(theirs), id);
      assert.equal(mine.qptVersion, introduced.support[id] ?? introduced.community[id], id);
    }
    assert.equal(bundled.patches.get('ACSD-61103')?.qptVersion, '1.1.54');
  });

  it('holds no title or description text: without one, a patch is labelled by its categories and components', () => {
    const text = readFileSync(bundledFactsFile(), 'utf8');
    const support = readJson<Record<string, { title: string }>>(join(QPT_DIR(), 'support-patches.json'));
    const info = readJson<{ patches: Array<{ description?: string }> }>(join(QPT_DIR(), 'patches-info.json'));
    const texts = [...Object.values(support).map((p) => p.title), ...info.patches.map((p) => p.description ?? '')];
    for (const t of texts) if (t.length > 12) assert.ok(!text.includes(t), t.slice(0, 60));
    const p = loadCatalog({ bundled: true, facts: true }).patches.get('ACSD-69308');
    assert.equal(p?.titleSource, undefined);
    assert.equal(p?.title.en, 'Price/Tax · magento/module-catalog-rule');
    assert.equal(loadCatalog().patches.get('ACSD-61103')?.titleSource, 'curated');
  });

  describe('triage with only the bundled catalog equals triage with installed QPT 1.1.82', () => {
    let vendor: string;
    before(() => {
      vendor = mkdtempSync(join(tmpdir(), 'qpt-installed-'));
      mkdirSync(join(vendor, 'magento'));
      symlinkSync(QPT_DIR(), join(vendor, 'magento', 'quality-patches'));
    });
    after(() => rmSync(vendor, { recursive: true, force: true }));

    const locks = () => readdirSync(realworld('composer-lock')).filter((f) => f.endsWith('.lock'));
    it('has the 8 real locks', () => assert.equal(locks().length, 8));

    for (const name of [
      'caiced2-magento246_ee-2.4.6-p1.composer.lock',
      'joshinaimish-magento247p4_ce-2.4.7-p1.composer.lock',
      'magento-cloud_2.4.6-p14.composer.lock',
      'magento-cloud_2.4.6-p3.composer.lock',
      'magento-cloud_2.4.6-p8.composer.lock',
      'magento-cloud_2.4.8-p4.composer.lock',
      'magento-cloud_2.4.9-beta1.composer.lock',
      'vedantjiva-magento24_ee-2.4.1.composer.lock',
    ]) {
      it(name, () => {
        const read = readProject(realworld('composer-lock', name));
        // Both see QPT 1.1.82: one from the bundled facts alone, the other from its installed metadata alone.
        const project: Project = { ...read, qpt: { installed: '1.1.82' } };
        const bundledOnly = triage(project, loadCatalog({ bundled: true, facts: true }));
        const installedOnly = triage(
          { ...project, vendorDir: vendor },
          loadCatalog({ bundled: false, project: { ...project, vendorDir: vendor } }),
        );
        const statuses = (r: typeof bundledOnly) =>
          new Map(r.patches.filter((e) => e.status !== 'not-applicable').map((e) => [e.patch.id, e.status]));
        const mine = statuses(bundledOnly);
        assert.deepEqual(mine, statuses(installedOnly));
        assert.ok(mine.size > 0);
        for (const e of installedOnly.patches) {
          if (e.patch.targets.length > 0) assert.equal(bundledOnly.byId.get(e.patch.id)?.status, e.status, e.patch.id);
        }
      });
    }

    it('a Magento Open Source store without QPT gets its full list: 198 patches for 2.4.7-p1', () => {
      const project = readProject(realworld('composer-lock', 'joshinaimish-magento247p4_ce-2.4.7-p1.composer.lock'));
      assert.equal(project.qpt.installed, null);
      const result = triage(project, loadCatalog({ project }));
      assert.equal(result.counts.applicable + result.counts.deprecated, 198);
      assert.equal(result.counts['needs-qpt-update'], 0);
    });
  });
});

describe('text: where a title comes from', () => {
  it('names the catalog layer, or says where the title will come from', () => {
    const versions = catalogVersions(loadCatalog());
    assert.deepEqual(versions, { bundled: '1.1.82', installed: null, fetched: null, freshest: 'bundled' });
    const catalog = loadCatalog();
    assert.match(
      titleSourceText(catalog.patches.get('ACSD-69308')!, versions),
      /^No title yet: .*install magento\/quality-patches, or run Update Patch Catalog\.$/,
    );
    assert.equal(
      titleSourceText(catalog.patches.get('ACSD-61103')!, versions),
      'Title and description written for this extension.',
    );
    const installed = { ...catalog.patches.get('ACSD-69308')!, titleSource: 'installed' as const };
    assert.equal(
      titleSourceText(installed, { ...versions, installed: '1.1.77' }),
      'Title from the installed QPT metadata (1.1.77).',
    );
  });
});
