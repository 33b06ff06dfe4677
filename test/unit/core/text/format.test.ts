// Numbers and moments in the display language, through Intl (the host's own locale never decides).
import * as assert from 'node:assert/strict';
import { formatWhen } from '../../../../src/core/text/dates';
import { formatNumber } from '../../../../src/core/text/numbers';

describe('localization: numbers and times', () => {
  it('groups digits the way each language does, with no-break spaces where it uses spaces', () => {
    assert.equal(formatNumber(1234567, 'en'), '1,234,567');
    assert.equal(formatNumber(1234567, 'ja'), '1,234,567');
    assert.equal(formatNumber(1234567, 'sv'), '1\u00a0234\u00a0567');
    assert.equal(formatNumber(1234567, 'fr'), '1\u202f234\u202f567');
    assert.equal(formatNumber(0, 'fr'), '0');
    assert.equal(formatNumber(999, 'sv'), '999');
  });

  it('rounds durations to whole numbers', () => {
    assert.equal(formatNumber(58.6, 'en'), '59');
    assert.equal(formatNumber(1499.5, 'sv'), '1\u00a0500');
  });

  it('shows the time alone for today and date and time otherwise, per language', () => {
    const at = new Date(2026, 10, 20, 14, 5).getTime();
    const laterThatDay = new Date(2026, 10, 20, 23, 59).getTime();
    const nextDay = new Date(2026, 10, 21, 0, 1).getTime();
    assert.equal(formatWhen(at, 'sv', laterThatDay), '14:05');
    assert.equal(formatWhen(at, 'fr', laterThatDay), '14:05');
    assert.equal(formatWhen(at, 'ja', laterThatDay), '14:05');
    assert.match(formatWhen(at, 'en', laterThatDay), /^2:05\s?PM$/);
    assert.equal(formatWhen(at, 'ja', nextDay), '2026/11/20 14:05');
    assert.equal(formatWhen(at, 'sv', nextDay), '20 nov. 2026 14:05');
    assert.equal(formatWhen(at, 'fr', nextDay), '20 nov. 2026, 14:05');
    assert.match(formatWhen(at, 'en', nextDay), /^Nov 20, 2026, 2:05\s?PM$/);
  });
});
