import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeLock } from '../../../../src/core/analyze';
import { appliedStatus, appliedStatusInSlices } from '../../../../src/core/applied/appliedStatus';
import { removeTree, tempRoot, write246Lock, writeFile } from '../../../support/patchTrees';

const change = (path: string) => `--- a/${path}\n+++ b/${path}\n@@ -1,2 +1,2 @@\n <?php\n-old\n+new\n`;

describe('applied check in slices', () => {
  let root: string;
  const ids = Array.from({ length: 30 }, (_, i) => `ACSD-${90100 + i}`);
  before(() => {
    root = tempRoot('slices');
    write246Lock(root);
    const qpt = 'vendor/magento/quality-patches/';
    const catalog: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      catalog[id] = {
        title: id,
        categories: [],
        packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: `os/${id}.patch` } } },
      };
      writeFile(root, `${qpt}patches/os/${id}.patch`, change(`vendor/x/F${i}.php`));
      writeFile(root, `vendor/x/F${i}.php`, i % 3 === 0 ? '<?php\nnew\n' : i % 3 === 1 ? '<?php\nold\n' : 'x\n');
    });
    writeFile(root, qpt + 'support-patches.json', JSON.stringify(catalog));
    writeFile(root, 'm2-hotfixes/01.patch', change('vendor/x/F1.php'));
  });
  after(() => removeTree(root));

  const lock = () => join(root, 'composer.lock');
  const plain = (s: Awaited<ReturnType<typeof appliedStatusInSlices>>) =>
    s === undefined ? undefined : { patches: [...s.patches], local: s.local };

  it('finds what the check in one piece finds, pausing between patches, never in the caller’s turn', async () => {
    const whole = appliedStatus(analyzeLock(lock(), { bundled: false }));
    assert.equal(whole.patches.size, ids.length);
    let pauses = 0;
    const sliced = appliedStatusInSlices(analyzeLock(lock(), { bundled: false }), {
      sliceMs: 0,
      pause: () => {
        pauses++;
        return new Promise((r) => setImmediate(r));
      },
    });
    assert.equal(pauses, 1, 'the first pause comes before any work');
    assert.deepEqual(plain(await sliced), plain(whole));
    assert.ok(pauses > ids.length, `${pauses} pauses`);
  });

  it('stops between slices when cancelled', async () => {
    let pauses = 0;
    const result = await appliedStatusInSlices(analyzeLock(lock(), { bundled: false }), {
      sliceMs: 0,
      cancelled: () => pauses >= 3,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    assert.equal(result, undefined);
    assert.equal(pauses, 3);
  });
});
