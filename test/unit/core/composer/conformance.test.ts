/**
 * Conformance with Adobe's own computation: `patches-info.json` lists, for every patch, the product releases where
 * QPT's `support-patches.json` constraints are satisfied (Composer's `Semver::satisfies` over `magento_releases.json`).
 * Recomputing those lists with our constraint matcher must give exactly the same releases.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseConstraint, satisfies } from '../../../../src/core/composer/constraint';
import { realworld, requireRealworld } from '../../../support/realworld';

type PackageConstraints = Record<string, Record<string, unknown>>;
interface SupportPatch {
  packages: PackageConstraints;
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(realworld(...parts), 'utf8')) as T;
}

/** Releases (in `releases` order) where some constraint of some targeted package holds for that release's package version. */
function applicableReleases(packages: PackageConstraints, releases: Record<string, Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [release, versions] of Object.entries(releases)) {
    const hit = Object.entries(packages).some(
      ([pkg, constraints]) =>
        versions[pkg] !== undefined && Object.keys(constraints).some((c) => satisfies(versions[pkg], c)),
    );
    if (hit) out.push(release);
  }
  return out;
}

describe('conformance with QPT 1.1.82 patches-info.json', function () {
  let support: Record<string, SupportPatch>;
  let releases: Record<string, Record<string, string>>;
  let expected: Map<string, string[]>;

  before(function () {
    requireRealworld(this);
    support = readJson('qpt-1.1.82', 'support-patches.json');
    releases = readJson('qpt-1.1.82', 'magento_releases.json');
    const info = readJson<{ patches: { id: string; releases: string[] }[] }>('qpt-1.1.82', 'patches-info.json');
    expected = new Map(info.patches.map((p) => [p.id, p.releases]));
  });

  it('computes the same releases as Adobe for every patch in both files', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const [id, patch] of Object.entries(support)) {
      const want = expected.get(id);
      if (want === undefined) continue;
      compared++;
      const got = applicableReleases(patch.packages, releases);
      const missing = want.filter((r) => !got.includes(r));
      const extra = got.filter((r) => !want.includes(r));
      if (missing.length > 0 || extra.length > 0 || got.length !== want.length) {
        mismatches.push(
          `${id}: expected [${want.join(', ')}], got [${got.join(', ')}] (missing [${missing.join(',')}], extra [${extra.join(',')}])`,
        );
      }
    }
    assert.equal(
      mismatches.length,
      0,
      `${mismatches.length} mismatches, first ones:\n${mismatches.slice(0, 10).join('\n')}`,
    );
    assert.equal(compared, 1090);
  });

  it('knows ACSD-61103 applies to 2.4.6 through 2.4.6-p15 only', () => {
    const got = applicableReleases(support['ACSD-61103'].packages, releases);
    assert.ok(got.length > 0);
    for (const r of got) assert.match(r, /^2\.4\.6(-p\d+)?$/);
    assert.ok(got.includes('2.4.6') && got.includes('2.4.6-p15'));
    assert.ok(!got.includes('2.4.7'));
  });

  it('parses every constraint of the community patches', () => {
    const community = readJson<Record<string, SupportPatch>>('qpt-1.1.82', 'community-patches.json');
    let count = 0;
    for (const patch of Object.values(community)) {
      for (const constraints of Object.values(patch.packages)) {
        for (const c of Object.keys(constraints)) {
          parseConstraint(c);
          count++;
        }
      }
    }
    assert.ok(count > 0);
  });
});

describe('conformance: magento-cloud-patches constraints', function () {
  before(function () {
    requireRealworld(this);
  });

  it('parses every constraint, hyphen ranges and tildes included', () => {
    const cloud = readJson<Record<string, Record<string, Record<string, string>>>>(
      'magento-cloud-patches',
      'patches.json',
    );
    const all = Object.values(cloud).flatMap((byTitle) =>
      Object.values(byTitle).flatMap((byConstraint) => Object.keys(byConstraint)),
    );
    assert.ok(all.length > 100, `only ${all.length} constraints found`);
    assert.ok(all.some((c) => c.includes(' - ')));
    assert.ok(all.some((c) => c.startsWith('~')));
    for (const c of all) assert.doesNotThrow(() => parseConstraint(c), c);
    assert.equal(satisfies('2.1.14', '2.1.4 - 2.1.14'), true);
    assert.equal(satisfies('2.1.15', '2.1.4 - 2.1.14'), false);
    assert.equal(satisfies('2.1.17', '~2.1.4'), true);
    assert.equal(satisfies('2.2.0', '~2.1.4'), false);
  });
});
