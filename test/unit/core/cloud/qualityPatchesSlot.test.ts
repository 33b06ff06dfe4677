import * as assert from 'node:assert/strict';
import { qualityPatchesSlot } from '../../../../src/core/cloud/qualityPatchesSlot';

/** The slot at the `|` of a text. */
function slotAt(text: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  return qualityPatchesSlot(lines, line, character);
}

describe('.magento.env.yaml completion: where an ID can be typed', () => {
  it('finds a block list item under QUALITY_PATCHES, with the partial ID typed so far', () => {
    const text = ['stage:', '  build:', '    QUALITY_PATCHES:', '      - ACSD-90001', '      - MDVA-|'].join('\n');
    assert.deepEqual(slotAt(text), { start: 8, prefix: 'MDVA-' });
  });

  it("skips comments, blank lines and other items on the way up; accepts items at the key's own indentation", () => {
    const text = [
      'stage:',
      '  build:',
      '    QUALITY_PATCHES:',
      '    # keep this order',
      '',
      '    - ACSD-1',
      '    - |',
    ].join('\n');
    assert.deepEqual(slotAt(text), { start: 6, prefix: '' });
  });

  it('keeps quotes out of the partial ID', () => {
    assert.deepEqual(slotAt(['QUALITY_PATCHES:', '  - "ACSD|'].join('\n')), { start: 5, prefix: 'ACSD' });
  });

  it('finds a flow list on the key line, after [ or a comma', () => {
    assert.deepEqual(slotAt('    QUALITY_PATCHES: [|'), { start: 22, prefix: '' });
    assert.deepEqual(slotAt('    QUALITY_PATCHES: [ACSD-1, MD|'), { start: 30, prefix: 'MD' });
  });

  it('offers nothing in other lists, after another key, in comments or outside any list', () => {
    assert.equal(slotAt(['stage:', '  deploy:', '    SCD_MATRIX:', '      - |'].join('\n')), undefined);
    assert.equal(
      slotAt(['    QUALITY_PATCHES:', '      - ACSD-1', '    SCD_THREADS: 2', '      - |'].join('\n')),
      undefined,
    );
    assert.equal(
      slotAt(['  QUALITY_PATCHES:', '- |'].join('\n')),
      undefined,
      'an item left of the key is not in its list',
    );
    assert.equal(slotAt('    QUALITY_PATCHES: |'), undefined);
    assert.equal(slotAt('# QUALITY_PATCHES: [|'), undefined);
    assert.equal(slotAt(['QUALITY_PATCHES:', '  - ACSD-1 # note |'].join('\n')), undefined);
    assert.equal(slotAt('- |'), undefined, 'a list with no key above it');
  });
});
