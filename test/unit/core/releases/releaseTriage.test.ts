/**
 * `triage --release R` against Adobe's own answer: `patches-info.json` lists, per patch, the releases where it
 * applies. For every release of the real `magento_releases.json`, the patches we find for the release's own package
 * versions must be exactly those whose `releases` contain it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRelease } from '../../../../src/core/releases/analyzeRelease';
import { realworld, repoRoot, requireRealworld } from '../../../support/realworld';

const QPT = (file: string) => realworld('qpt-1.1.82', file);
const CATALOGS = () => [QPT('support-patches.json'), QPT('community-patches.json')];

/** The part of `triage --release --format json` this test reads. */
interface ReleaseJson {
  projects: { release: string; lockFile: string | null; product: unknown; patches: { id: string }[] }[];
}

describe('triage --release: conformance with QPT 1.1.82 patches-info.json', function () {
  this.timeout(60000);
  let expected: Map<string, Set<string>>;
  let releases: string[];

  before(function () {
    requireRealworld(this);
    const info = JSON.parse(readFileSync(QPT('patches-info.json'), 'utf8')) as {
      patches: { id: string; releases: string[] }[];
    };
    const known = new Set([
      ...Object.keys(JSON.parse(readFileSync(QPT('support-patches.json'), 'utf8')) as Record<string, unknown>),
      ...Object.keys(JSON.parse(readFileSync(QPT('community-patches.json'), 'utf8')) as Record<string, unknown>),
    ]);
    releases = Object.keys(JSON.parse(readFileSync(QPT('magento_releases.json'), 'utf8')) as Record<string, unknown>);
    expected = new Map(releases.map((r) => [r, new Set<string>()]));
    for (const p of info.patches) if (known.has(p.id)) for (const r of p.releases) expected.get(r)?.add(p.id);
  });

  it('finds, for each of the 102 releases, exactly the patches Adobe lists for it', () => {
    assert.equal(releases.length, 102);
    const mismatches: string[] = [];
    for (const release of releases) {
      const { result, project } = analyzeRelease(release, { bundled: false, extraCatalogs: CATALOGS() });
      assert.equal(project.release, release);
      const got = new Set(result.patches.filter((e) => e.status !== 'not-applicable').map((e) => e.patch.id));
      const want = expected.get(release)!;
      const missing = [...want].filter((id) => !got.has(id));
      const extra = [...got].filter((id) => !want.has(id));
      if (missing.length + extra.length > 0)
        mismatches.push(`${release}: missing [${missing.join(',')}], extra [${extra.join(',')}]`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('uses the magento_releases.json beside the catalog files', () => {
    const a = analyzeRelease('2.4.6-p3', { bundled: false, extraCatalogs: CATALOGS() });
    assert.equal(a.problems.length, 0);
    assert.equal(a.project.product?.version, '2.4.6-p3');
    assert.equal(a.project.packages.get('magento/magento2-ee-base'), '2.4.6-p3');
  });

  it('leaves out the packages of richer editions with --edition', () => {
    const os = analyzeRelease('2.4.6-p3', { bundled: false, extraCatalogs: CATALOGS(), edition: 'open-source' });
    assert.equal(os.project.product?.edition, 'open-source');
    assert.equal(os.project.packages.has('magento/magento2-ee-base'), false);
    assert.equal(os.project.packages.has('magento/magento2-b2b-base'), false);
    const commerce = analyzeRelease('2.4.6-p3', { bundled: false, extraCatalogs: CATALOGS(), edition: 'commerce' });
    assert.equal(commerce.project.packages.has('magento/magento2-ee-base'), true);
    assert.equal(commerce.project.packages.has('magento/magento2-b2b-base'), false);
    const count = (a: typeof os) => a.result.patches.filter((e) => e.status !== 'not-applicable').length;
    assert.ok(count(os) < count(commerce), `${count(os)} < ${count(commerce)}`);
  });

  it('the command line gives the same list, and refuses an unknown release with exit code 2', () => {
    const cli = join(repoRoot(), 'dist', 'cli.js');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, 'triage', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    const catalogs = CATALOGS().flatMap((f) => ['--catalog', f]);
    const r = run(['--release', '2.4.7-p2', '--cloud', '--no-bundled', '--format', 'json', ...catalogs]);
    assert.equal(r.status, 0, r.stderr);
    const [p] = (JSON.parse(r.stdout) as ReleaseJson).projects;
    assert.equal(p.release, '2.4.7-p2');
    assert.equal(p.lockFile, null);
    assert.deepEqual(p.product, { edition: 'commerce', version: '2.4.7-p2', b2b: true, cloud: true });
    assert.deepEqual(new Set(p.patches.map((x) => x.id)), expected.get('2.4.7-p2'));
    const bad = run(['--release', '2.4.99']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown release 2\.4\.99: the release list has 102 releases, 2\.3\.0 to 2\.4\.9/);
  });
});

describe('triage --release: the bundled release list', () => {
  it('holds the releases of QPT 1.1.82 when no QPT is installed', () => {
    const a = analyzeRelease('2.4.8-p4', { edition: 'commerce' });
    assert.equal(a.project.packages.get('magento/magento2-ee-base'), '2.4.8-p4');
    assert.equal(a.project.packages.get('magento/inventory-metapackage'), '1.2.8-p4');
    assert.equal(a.project.packages.has('magento/magento2-b2b-base'), false);
  });
});
