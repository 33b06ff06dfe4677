import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeLock } from '../../../../src/core/analyze';
import { countsWithApplied } from '../../../../src/core/triage/appliedCounts';
import { realworld, repoRoot, requireRealworld } from '../../../support/realworld';

describe('core/triage/appliedCounts: counts once applied patches leave their groups', function () {
  let result: ReturnType<typeof analyzeLock>['result'];
  let applicable: string[];
  before(function () {
    requireRealworld(this);
    const extraCatalogs = ['support-patches.json', 'community-patches.json'].map((f) => realworld('qpt-1.1.82', f));
    result = analyzeLock(join(repoRoot(), 'test', 'fixtures', 'os-243', 'composer.lock'), { extraCatalogs }).result;
    applicable = result.patches.filter((p) => p.status === 'applicable').map((p) => p.patch.id);
  });

  it('is the triage counts when nothing is applied', () => {
    assert.deepEqual(
      countsWithApplied(result, () => false),
      { ...result.counts, applied: 0 },
    );
  });

  it('moves applied patches out of their status, the community patch included', () => {
    assert.ok(applicable.includes('magento/magento2/34528'));
    const applied = new Set([...applicable.slice(0, 13), 'magento/magento2/34528']);
    const counts = countsWithApplied(result, (id) => applied.has(id));
    assert.equal(counts.applied, 14);
    assert.equal(counts.applicable, result.counts.applicable - 14);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    assert.equal(total(counts), total(result.counts));
  });
});
