import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLock } from '../../../src/core/analyze';
import { readQualityPatches } from '../../../src/core/cloud/envYaml';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';

/**
 * The sample store that `npm start` opens and the screenshots show: a clean Adobe Commerce 2.4.6-p3 Cloud project
 * whose hand-written QPT metadata fills every status group, and whose facts agree with Adobe's own data.
 */
const STORE = join(repoRoot(), 'test', 'fixtures', 'sample-store');
const QPT = join(STORE, 'vendor', 'magento', 'quality-patches');

type PackageRanges = Record<string, Record<string, Record<string, unknown>>>;
interface QptEntry {
  categories: string[];
  title: string;
  packages: PackageRanges;
}
interface InfoEntry {
  id: string;
  releases: string[];
  description: string;
  categories: string[];
  replacedWith?: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('sample store (test/fixtures/sample-store)', () => {
  const analysis = analyzeLock(join(STORE, 'composer.lock'));
  const { project, result, catalog } = analysis;
  const support = readJson<Record<string, QptEntry>>(join(QPT, 'support-patches.json'));
  const community = readJson<Record<string, QptEntry>>(join(QPT, 'community-patches.json'));
  const info = readJson<{ version: string; patches: InfoEntry[] }>(join(QPT, 'patches-info.json'));

  it('is Adobe Commerce 2.4.6-p3 on Cloud with QPT 1.1.43 installed', () => {
    assert.deepEqual(project.product, { edition: 'commerce', version: '2.4.6-p3', b2b: false, cloud: true });
    assert.equal(project.qpt.installed, '1.1.43');
    // The Cloud metapackage carries its own, unrelated version.
    assert.equal(project.packages.get('magento/magento-cloud-metapackage'), '2.4.6');
    assert.equal(info.version, project.qpt.installed);
  });

  it('loads without a single problem: no broken entries on purpose', () => {
    assert.deepEqual(
      analysis.problems.map((p) => p.message),
      [],
    );
  });

  it('fills every status group the view shows by default', () => {
    assert.ok(result.counts.applicable >= 25, `applicable ${result.counts.applicable}`);
    assert.ok(result.counts.deprecated >= 3, `deprecated ${result.counts.deprecated}`);
    assert.ok(result.counts['not-applicable'] >= 2, `not applicable ${result.counts['not-applicable']}`);
    // ACSD-61103 arrived with QPT 1.1.54, after the installed 1.1.43.
    assert.equal(result.byId.get('ACSD-61103')?.status, 'needs-qpt-update');
    // Requirements and replacements resolve to patches of the catalog.
    assert.deepEqual(result.byId.get('ACSD-51358')?.requires, ['ACSD-50512', 'ACSD-48070']);
    assert.deepEqual(result.byId.get('ACSD-51379-V2')?.requires, ['ACSD-48857']);
    assert.equal(result.byId.get('ACSD-51683')?.replacedWith, 'ACSD-57643');
    assert.equal(result.byId.get('ACSD-57643')?.status, 'applicable');
  });

  it('spans several categories and packages', () => {
    const applicable = result.patches.filter((p) => p.status === 'applicable');
    const categories = new Set(applicable.flatMap((p) => p.patch.categories));
    const packages = new Set(applicable.map((p) => p.target?.package));
    assert.ok(categories.size >= 12, [...categories].join(', '));
    for (const pkg of [
      'magento/magento2-base',
      'magento/magento2-ee-base',
      'magento/inventory-metapackage',
      'magento/module-page-builder',
      'magento/security-package',
    ]) {
      assert.ok(packages.has(pkg), `no applicable patch through ${pkg}`);
    }
  });

  it('has the same patches, categories and replacements in patches-info.json as in the patch files', () => {
    const defined = { ...support, ...community };
    assert.deepEqual(info.patches.map((p) => p.id).sort(), Object.keys(defined).sort());
    for (const p of info.patches) {
      const entry = defined[p.id];
      assert.deepEqual(p.categories, entry.categories, p.id);
      assert.equal(p.description, entry.title, p.id);
      const replacedWith = Object.values(entry.packages)
        .flatMap((ranges) => Object.values(ranges))
        .map((d) => d['replaced-with'])
        .find((r) => r !== undefined);
      assert.equal(p.replacedWith, replacedWith, p.id);
      // patches-info lists the released versions the patch applies to: 2.4.6-p3 exactly when triage says so.
      const applies = result.byId.get(p.id)?.status !== 'not-applicable';
      assert.equal(p.releases.includes('2.4.6-p3'), applies, `${p.id}: releases vs triage`);
    }
  });

  it('schedules only applicable patches in .magento.env.yaml, each after what it requires', () => {
    const text = readFileSync(join(STORE, '.magento.env.yaml'), 'utf8');
    const list = readQualityPatches(text, join(STORE, '.magento.env.yaml'));
    assert.deepEqual(list.problems, []);
    const ids = list.entries.map((e) => e.id);
    assert.ok(ids.length >= 3, ids.join(', '));
    assert.match(text, /^\s*#/m, 'the file keeps its comments');
    ids.forEach((id, i) => {
      const triaged = result.byId.get(id);
      assert.equal(triaged?.status, 'applicable', `${id} is ${triaged?.status}`);
      for (const req of triaged?.requires ?? []) {
        assert.ok(ids.indexOf(req) !== -1 && ids.indexOf(req) < i, `${id} needs ${req} listed before it`);
      }
    });
  });

  it('has titles of its own, not the QPT wording', function () {
    requireRealworld(this);
    const real: Record<string, QptEntry> = {
      ...readJson<Record<string, QptEntry>>(realworld('qpt-1.1.82', 'community-patches.json')),
      ...readJson<Record<string, QptEntry>>(realworld('qpt-1.1.82', 'support-patches.json')),
    };
    for (const [id, entry] of Object.entries({ ...support, ...community })) {
      assert.ok(real[id], `${id} is not a real patch ID`);
      assert.notEqual(entry.title, real[id].title, `${id}: title copied`);
      assert.ok(entry.title.length <= 80, `${id}: title longer than 80 characters`);
    }
  });

  it('uses the real constraints, categories and requirements of QPT 1.1.82', function () {
    requireRealworld(this);
    const real: Record<string, QptEntry> = {
      ...readJson<Record<string, QptEntry>>(realworld('qpt-1.1.82', 'community-patches.json')),
      ...readJson<Record<string, QptEntry>>(realworld('qpt-1.1.82', 'support-patches.json')),
    };
    for (const [id, entry] of Object.entries({ ...support, ...community })) {
      assert.deepEqual(entry.categories, real[id].categories, id);
      assert.deepEqual(entry.packages, real[id].packages, id);
    }
    // Every patch the catalog holds is either bundled or in the store's metadata.
    assert.ok(catalog.patches.size >= Object.keys(support).length);
  });
});
