import * as assert from 'node:assert/strict';
import {
  findPatchIdAt,
  findPatchIds,
  isCanonicalPatchId,
  isWellFormedPatchId,
  normalizePatchId,
  patchIdRegExp,
} from '../../../../src/core/catalog/patchId';

describe('catalog: patch IDs', () => {
  it('recognises every known form', () => {
    for (const id of [
      'ACSD-61103',
      'MDVA-39305-V3',
      'ACP2E-4813',
      'AC-15210',
      'MC-41887',
      'B2B-2674',
      'BUNDLE-2554',
      'LYNX-1',
      'MCP-12',
      'MAGECLOUD-1567',
      'MCLOUD-6139',
      'MAGETWO-99902',
      'magento2-33723',
      'magento/magento2/34529',
    ]) {
      assert.ok(isWellFormedPatchId(id), id);
      assert.ok(isCanonicalPatchId(id), id);
      assert.equal(normalizePatchId(id), id);
    }
  });

  it('rejects look-alikes', () => {
    for (const s of [
      'ACSD',
      'ACSD-',
      'ACSD-x1',
      'XACSD-1',
      'ACSD-1-V',
      'ACSD 61103',
      'FOO-1',
      'magento2-base',
      'ACSD-1; rm -rf /',
      '',
    ]) {
      assert.equal(isWellFormedPatchId(s), false, s);
    }
  });

  it('normalizes the case of the prefix and the revision suffix', () => {
    assert.equal(normalizePatchId(' acsd-61103 '), 'ACSD-61103');
    assert.equal(normalizePatchId('mdva-39305-v3'), 'MDVA-39305-V3');
    assert.equal(normalizePatchId('Magento2-33723'), 'magento2-33723');
    assert.equal(normalizePatchId('MCLOUD_6139'), 'MCLOUD_6139'); // not a known form: kept as written
    assert.ok(isWellFormedPatchId('acsd-61103'));
    assert.equal(isCanonicalPatchId('acsd-61103'), false);
  });

  it('finds IDs in text, including inside patch file names, but not glued to other words', () => {
    const text =
      'QUALITY_PATCHES: [MDVA-39305-V3, acsd-61103] os/ACSD-61103_2.4.6-p3.patch XACSD-1 ACSD-12x magento/magento2/34529.';
    assert.deepEqual(
      findPatchIds(text).map((h) => h.id),
      ['MDVA-39305-V3', 'ACSD-61103', 'ACSD-61103', 'magento/magento2/34529'],
    );
    const [first] = findPatchIds(text);
    assert.equal(text.slice(first.start, first.end), 'MDVA-39305-V3');
  });

  it('prefers the longest prefix (MCLOUD, not MC)', () => {
    assert.deepEqual(
      findPatchIds('MCLOUD-6139 MC-1').map((h) => h.id),
      ['MCLOUD-6139', 'MC-1'],
    );
  });

  it('gives each caller a fresh global RegExp', () => {
    const a = patchIdRegExp();
    a.exec('ACSD-1 ACSD-2');
    assert.equal(patchIdRegExp().lastIndex, 0);
    assert.ok(a.global && a.ignoreCase);
  });

  describe('findPatchIdAt', () => {
    const line = '      - ACSD-61103   # fix, see MDVA-39305-V3';
    const at = line.indexOf('ACSD-61103');
    it('finds the ID under the cursor, from its first character to just after its last', () => {
      assert.deepEqual(findPatchIdAt(line, at), { id: 'ACSD-61103', start: at, end: at + 10 });
      assert.equal(findPatchIdAt(line, at + 5)?.id, 'ACSD-61103');
      assert.equal(findPatchIdAt(line, at + 10)?.id, 'ACSD-61103');
      assert.equal(findPatchIdAt(line, line.length)?.id, 'MDVA-39305-V3');
    });
    it('finds nothing between IDs or out of range', () => {
      assert.equal(findPatchIdAt(line, at - 2), undefined);
      assert.equal(findPatchIdAt(line, at + 13), undefined);
      assert.equal(findPatchIdAt(line, -1), undefined);
      assert.equal(findPatchIdAt(line, line.length + 1), undefined);
      assert.equal(findPatchIdAt('', 0), undefined);
    });
    it('stays correct on a very long line', () => {
      const long = 'x '.repeat(500_000) + 'ACSD-1 ' + 'y'.repeat(1_000_000);
      const pos = long.indexOf('ACSD-1');
      assert.equal(findPatchIdAt(long, pos + 2)?.id, 'ACSD-1');
      assert.equal(findPatchIdAt(long, 10), undefined);
    });
    it('is not confused by the state of a previous call', () => {
      assert.equal(findPatchIdAt('ACSD-2 and ACSD-3', 14)?.id, 'ACSD-3');
      assert.equal(findPatchIdAt('ACSD-2 and ACSD-3', 1)?.id, 'ACSD-2');
    });
  });
});
