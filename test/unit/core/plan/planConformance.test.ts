/**
 * The plan against Adobe's own answer: for a store on 2.4.6 that uses every patch applicable to it, the patches
 * "available on the target" must be exactly those whose `patches-info.json` `releases` contain the target, for every
 * later release of the 2.4 line in the real `magento_releases.json` (2.4.6-pN, 2.4.7-pN, …).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCatalogFiles } from '../../../../src/core/catalog/load';
import { planUpgrade } from '../../../../src/core/plan/planUpgrade';
import { releaseProject } from '../../../../src/core/releases/releaseProject';
import { laterReleases, readReleaseTable } from '../../../../src/core/releases/releaseTable';
import { triage } from '../../../../src/core/triage/triage';
import { realworld, requireRealworld } from '../../../support/realworld';

const QPT = (file: string) => realworld('qpt-1.1.82', file);

describe('upgrade plan: conformance with QPT 1.1.82 patches-info.json', function () {
  this.timeout(60000);
  before(function () {
    requireRealworld(this);
  });

  for (const from of ['2.4.6', '2.4.7']) {
    it(`from ${from} to every later 2.4 release: available on the target = the used patches Adobe lists for it`, () => {
      const catalog = loadCatalogFiles([QPT('support-patches.json'), QPT('community-patches.json')]);
      const table = readReleaseTable(QPT('magento_releases.json'));
      const info = JSON.parse(readFileSync(QPT('patches-info.json'), 'utf8')) as {
        patches: { id: string; releases: string[] }[];
      };
      const releasesOf = new Map(
        info.patches.filter((p) => catalog.patches.has(p.id)).map((p) => [p.id, new Set(p.releases)]),
      );
      const project = releaseProject(table, from)!;
      const current = triage(project, catalog);
      const applied = new Set(current.patches.filter((e) => e.status !== 'not-applicable').map((e) => e.patch.id));
      const targets = laterReleases(table, from);
      assert.ok(targets.length >= 10, `${targets.length} later releases`);
      assert.ok(targets.includes(`${from}-p1`) && targets.includes('2.4.8'));
      const mismatches: string[] = [];
      for (const to of targets) {
        const plan = planUpgrade(
          { project, current, release: to, versions: table.releases.get(to)!, applied, scheduled: [], local: [] },
          catalog,
        );
        const available = new Set(plan.patches.filter((p) => p.outcome === 'available').map((p) => p.id));
        const used = new Set(plan.patches.map((p) => p.id));
        const listed = new Set([...releasesOf].filter(([, r]) => r.has(to)).map(([id]) => id));
        const want = new Set([...listed].filter((id) => used.has(id)));
        const missing = [...want].filter((id) => !available.has(id));
        const extra = [...available].filter((id) => !want.has(id));
        if (missing.length + extra.length > 0)
          mismatches.push(`${from} → ${to}: missing [${missing.join(',')}], extra [${extra.join(',')}]`);
        // What Adobe lists for the target and the store does not use is newly applicable (deprecated ones aside).
        for (const id of plan.newlyApplicable)
          if (!listed.has(id) || used.has(id)) mismatches.push(`${from} → ${to}: newly ${id}`);
        for (const id of listed) {
          if (used.has(id) || plan.newlyApplicable.includes(id)) continue;
          if (plan.target.byId.get(id)?.status !== 'deprecated')
            mismatches.push(`${from} → ${to}: ${id} neither used nor newly applicable`);
        }
      }
      assert.deepEqual(mismatches, []);
    });
  }
});
