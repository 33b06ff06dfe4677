import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { appliedStatus } from '../../../../src/core/applied/appliedStatus';
import { previewPatch } from '../../../../src/core/applied/preview';
import { analyzeLock } from '../../../../src/core/analyze';
import { removeTree, tempRoot, writeFile } from '../../../support/patchTrees';

const change = (path: string, from: string, to: string) =>
  `--- a/${path}\n+++ b/${path}\n@@ -1,3 +1,3 @@\n <?php\n-${from}\n+${to}\n // end\n`;

describe('patch preview (Show Patch Changes)', () => {
  let root: string;
  before(() => {
    root = tempRoot('preview');
    const pkg = (name: string, version: string) => ({ name, version });
    writeFile(
      root,
      'composer.lock',
      JSON.stringify({
        packages: [pkg('magento/magento2-base', '2.4.6-p3'), pkg('magento/quality-patches', '1.1.82')],
      }),
    );
    const range = (file: string) => ({ 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file } } });
    const qpt = 'vendor/magento/quality-patches/';
    writeFile(
      root,
      qpt + 'support-patches.json',
      JSON.stringify({
        'ACSD-90001': { title: 'a', categories: [], packages: range('os/a.patch') },
        'ACSD-90002': { title: 'b', categories: [], packages: range('os/b.patch') },
        'ACSD-90003': { title: 'c', categories: [], packages: range('os/c.patch') },
      }),
    );
    writeFile(
      root,
      qpt + 'patches/os/a.patch',
      change('vendor/x/A.php', 'old', 'new') + '--- /dev/null\n+++ b/vendor/x/New.php\n@@ -0,0 +1 @@\n+created\n',
    );
    writeFile(root, qpt + 'patches/os/b.patch', change('vendor/x/B.php', 'old', 'new'));
    writeFile(root, qpt + 'patches/os/c.patch', change('vendor/x/C.php', 'old', 'new'));
    writeFile(root, 'vendor/x/A.php', '<?php\nold\n// end\n');
    writeFile(root, 'vendor/x/B.php', '<?php\nnew\n// end\n');
    writeFile(root, 'vendor/x/C.php', '<?php\nzzz\n// end\n');
  });
  after(() => removeTree(root));

  it('shows what applying, or for an applied patch reverting, would make of each file; a conflict gives its line', () => {
    const analysis = analyzeLock(join(root, 'composer.lock'), { bundled: false });
    const status = appliedStatus(analysis);
    const forward = previewPatch(analysis.project, status, 'ACSD-90001');
    assert.deepEqual(forward, {
      kind: 'changes',
      direction: 'forward',
      files: [
        {
          path: 'vendor/x/A.php',
          file: join(root, 'vendor/x/A.php'),
          before: '<?php\nold\n// end\n',
          after: '<?php\nnew\n// end\n',
        },
        { path: 'vendor/x/New.php', file: join(root, 'vendor/x/New.php'), before: null, after: 'created\n' },
      ],
    });
    const reverse = previewPatch(analysis.project, status, 'ACSD-90002');
    assert.equal(reverse.kind === 'changes' && reverse.direction, 'reverse');
    assert.equal(reverse.kind === 'changes' && reverse.files[0]?.after, '<?php\nold\n// end\n');
    assert.deepEqual(previewPatch(analysis.project, status, 'ACSD-90003'), {
      kind: 'conflict',
      path: 'vendor/x/C.php',
      file: join(root, 'vendor/x/C.php'),
      line: 1,
    });
    assert.deepEqual(previewPatch(analysis.project, status, 'ACSD-404'), { kind: 'none' });
  });
});
