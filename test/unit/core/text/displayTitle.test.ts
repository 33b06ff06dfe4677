import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { displayTitle, patchDisplayTitle } from '../../../../src/core/text/displayTitle';
import { realworld, requireRealworld } from '../../../support/realworld';

describe('display titles lead with what is wrong', () => {
  it('drops the "Fixes the issue where" opening and its variants', () => {
    assert.equal(
      displayTitle('Fixes the issue where the failure count is not reset after a login.'),
      'The failure count is not reset after a login',
    );
    assert.equal(displayTitle('Fixes an issue with  stale prices'), 'Stale prices');
    assert.equal(displayTitle('Fixed the issues when saving a page'), 'Saving a page');
    assert.equal(displayTitle('Fixes the B2B issue where quotes vanish'), 'Quotes vanish');
    assert.equal(displayTitle('This fixes the issue that orders stall.'), 'Orders stall');
    assert.equal(displayTitle('Fixes the error that occurs when an order is placed.'), 'Error when an order is placed');
    assert.equal(displayTitle('Fixes the error when saving'), 'Error when saving');
  });

  it('leaves other titles as they are', () => {
    assert.equal(displayTitle('Improves the grid performance'), 'Improves the grid performance');
    assert.equal(displayTitle('Fixes the issue where'), 'Fixes the issue where');
  });

  it('keeps titles translated in the catalog as written, and rewrites the English one', () => {
    const title = { en: 'Fixes the issue where carts empty', sv: 'Varukorgar töms' };
    assert.equal(patchDisplayTitle(title, 'sv'), 'Varukorgar töms');
    assert.equal(patchDisplayTitle(title, 'fr'), 'Carts empty');
    assert.equal(patchDisplayTitle(title, 'en'), 'Carts empty');
  });

  it('no QPT 1.1.82 title still opens with "Fixes the issue" once rewritten', function () {
    requireRealworld(this);
    const support = JSON.parse(readFileSync(realworld('qpt-1.1.82', 'support-patches.json'), 'utf8')) as Record<
      string,
      { title: string }
    >;
    const titles = Object.values(support).map((p) => p.title);
    const opening = /^fix(es|ed)? (the |an )?(\S+ )?issues? /i;
    const before = titles.filter((t) => opening.test(t)).length;
    const after = titles.map(displayTitle).filter((t) => opening.test(t));
    assert.ok(before > 900, `${before}`);
    assert.deepEqual(after, []);
  });
});
