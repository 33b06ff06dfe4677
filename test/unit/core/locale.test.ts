import * as assert from 'node:assert/strict';
import { localized, toLocale } from '../../../src/core/locale';

describe('locale', () => {
  it('maps display-language tags to catalog languages', () => {
    assert.equal(toLocale('sv-SE'), 'sv');
    assert.equal(toLocale('fr'), 'fr');
    assert.equal(toLocale('ja-JP'), 'ja');
    assert.equal(toLocale('de'), 'en');
    assert.equal(toLocale(undefined), 'en');
  });
  it('falls back to English', () => {
    assert.equal(localized({ en: 'Hi', fr: 'Salut' }, 'fr'), 'Salut');
    assert.equal(localized({ en: 'Hi' }, 'ja'), 'Hi');
  });
});
