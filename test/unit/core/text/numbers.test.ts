import * as assert from 'node:assert/strict';
import { formatNumber } from '../../../../src/core/text/numbers';

describe('text: numbers', () => {
  it('groups whole numbers exactly as Intl does in every display language', () => {
    for (const locale of ['en', 'sv', 'fr', 'ja'] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      for (const n of [0, 7, 12, 999, 1000, 1091, 12345, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER]) {
        assert.equal(formatNumber(n, locale), intl.format(n), `${locale} ${n}`);
      }
    }
  });
});
