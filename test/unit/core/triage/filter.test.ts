import * as assert from 'node:assert/strict';
import type { Patch } from '../../../../src/core/catalog/patch';
import { PatchFilter } from '../../../../src/core/triage/filter';

const patch: Patch = {
  id: 'ACSD-61103',
  title: { en: 'Checkout fails with a gift card', ja: 'ギフトカードでチェックアウトに失敗する' },
  categories: ['Performance', 'Checkout'],
  components: [],
  targets: [],
  require: [],
  deprecated: false,
  sources: ['test'],
};

describe('PatchFilter', () => {
  it('is inactive and matches everything when empty or blank', () => {
    for (const text of ['', '   ']) {
      const filter = new PatchFilter(text);
      assert.equal(filter.active, false);
      assert.equal(filter.text, '');
      assert.ok(filter.matches(patch, 'en'));
    }
  });

  it('needs every word, case-insensitively, in the ID, the title or a category', () => {
    assert.ok(new PatchFilter('acsd-61103').matches(patch, 'en'));
    assert.ok(new PatchFilter('  gift   PERFORMANCE ').matches(patch, 'en'));
    assert.equal(new PatchFilter('gift cache').matches(patch, 'en'), false);
    assert.equal(new PatchFilter(' gift ').text, 'gift');
  });

  it('finds the display language title and the English one', () => {
    assert.ok(new PatchFilter('ギフトカード').matches(patch, 'ja'));
    assert.ok(new PatchFilter('checkout fails').matches(patch, 'ja'));
    assert.equal(new PatchFilter('ギフトカード').matches(patch, 'en'), false);
  });
});
