import * as assert from 'node:assert/strict';
import { addQualityPatches, readQualityPatches, removeQualityPatches } from '../../../../src/core/cloud/envYaml';
import { applyTextEdits } from '../../../../src/core/cloud/textEdit';

const LISTED = 'stage:\n  build:\n    QUALITY_PATCHES:\n      - magento/magento2/34528\n      - ACSD-47920\n';
const ids = (text: string) => readQualityPatches(text).entries.map((e) => e.id);

// ece-patches hands QUALITY_PATCHES to QPT as its command line: a lower-case ID is "not found" and fails the build
// (checked against the real engine in test/unit/core/qpt/qptRuns.real.test.ts).
describe('core/cloud/envYaml: IDs in the form ece-patches finds', () => {
  it('adds IDs upper-cased', () => {
    assert.deepEqual(ids(applyTextEdits('', addQualityPatches('', ['magento/magento2/34528', 'magento2-33723']))), [
      'MAGENTO/MAGENTO2/34528',
      'MAGENTO2-33723',
    ]);
  });

  it('sees an ID already listed in another case', () => {
    assert.deepEqual(addQualityPatches(LISTED, ['MAGENTO/MAGENTO2/34528', 'acsd-47920']), []);
  });

  it('removes an ID whatever case it is written in', () => {
    assert.deepEqual(ids(applyTextEdits(LISTED, removeQualityPatches(LISTED, ['MAGENTO/MAGENTO2/34528']))), [
      'ACSD-47920',
    ]);
  });
});
