import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { appliedStatus } from '../../../../src/core/applied/appliedStatus';
import { previewLocal, previewPatch } from '../../../../src/core/applied/preview';
import { analyzeLock } from '../../../../src/core/analyze';
import { removeTree, tempRoot, write246Lock, writeFile } from '../../../support/patchTrees';

const change = (path: string, from: string, to: string) =>
  `--- a/${path}\n+++ b/${path}\n@@ -1,3 +1,3 @@\n <?php\n-${from}\n+${to}\n // end\n`;

describe('patch preview (Show Patch Changes)', () => {
  let root: string;
  before(() => {
    root = tempRoot('preview');
    write246Lock(root);
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
    // The project's own patches: an m2-hotfix not applied, and a composer-patches entry (paths in its package).
    writeFile(root, 'm2-hotfixes/01-a.patch', change('vendor/x/A.php', 'old', 'local'));
    writeFile(root, 'patches/b.patch', change('B.php', 'new', 'old'));
    writeFile(root, 'patches/c.patch', change('C.php', 'old', 'new'));
    writeFile(
      root,
      'composer.json',
      JSON.stringify({
        extra: { patches: { 'x/pkg': { 'undo b': 'patches/b.patch', 'c again': 'patches/c.patch' } } },
      }),
    );
    writeFile(root, 'vendor/x/pkg/B.php', '<?php\nold\n// end\n');
    writeFile(root, 'vendor/x/pkg/C.php', '<?php\nzzz\n// end\n');
  });
  after(() => removeTree(root));

  /** A file of the tree changed from `old` to `to` on its middle line. */
  const fileChange = (path: string, to: string) => ({
    path,
    file: join(root, path),
    before: '<?php\nold\n// end\n',
    after: `<?php\n${to}\n// end\n`,
  });

  it('shows what applying, or for an applied patch reverting, would make of each file; a conflict gives its line', () => {
    const analysis = analyzeLock(join(root, 'composer.lock'), { bundled: false });
    const status = appliedStatus(analysis);
    const forward = previewPatch(analysis.project, status, 'ACSD-90001');
    assert.deepEqual(forward, {
      kind: 'changes',
      direction: 'forward',
      files: [
        fileChange('vendor/x/A.php', 'new'),
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

  it('shows the same for the local patches: m2-hotfixes from the project root, composer-patches in their package', () => {
    const analysis = analyzeLock(join(root, 'composer.lock'), { bundled: false });
    const status = appliedStatus(analysis);
    const local = (file: string) => {
      const found = status.local.find((l) => l.file === file);
      assert.ok(found, file);
      return previewLocal(analysis.project, status, found);
    };
    assert.deepEqual(local('m2-hotfixes/01-a.patch'), {
      kind: 'changes',
      direction: 'forward',
      files: [fileChange('vendor/x/A.php', 'local')],
    });
    const reverted = local('patches/b.patch');
    assert.equal(reverted.kind === 'changes' && reverted.direction, 'reverse');
    assert.equal(reverted.kind === 'changes' && reverted.files[0]?.file, join(root, 'vendor/x/pkg/B.php'));
    assert.equal(reverted.kind === 'changes' && reverted.files[0]?.after, '<?php\nnew\n// end\n');
    assert.deepEqual(local('patches/c.patch'), {
      kind: 'conflict',
      path: 'vendor/x/pkg/C.php',
      file: join(root, 'vendor/x/pkg/C.php'),
      line: 1,
    });
    const remote = {
      file: 'https://example.com/x.patch',
      origin: 'cweagans/composer-patches',
      state: 'unknown',
    } as const;
    assert.deepEqual(previewLocal(analysis.project, status, remote), { kind: 'none' });
  });
});
