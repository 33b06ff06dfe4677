import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { localPatchStates } from '../../../../src/core/applied/localPatches';
import { ProjectFiles } from '../../../../src/core/applied/projectFiles';
import type { Project } from '../../../../src/core/lock/project';
import { removeTree, tempRoot, writeFile } from '../../../support/patchTrees';

const fix = (path: string, from: string, to: string) =>
  `--- a/${path}\n+++ b/${path}\n@@ -1,2 +1,2 @@\n-${from}\n+${to}\n end\n`;

function project(root: string, packages: string[] = []): Project {
  return {
    lockFile: join(root, 'composer.lock'),
    root,
    product: { edition: 'commerce', version: '2.4.6-p3', b2b: false, cloud: true },
    qpt: { installed: null },
    packages: new Map(packages.map((p) => [p, '1.0.0'])),
    vendorDir: join(root, 'lib', 'vendor'),
    binDir: join(root, 'lib', 'vendor', 'bin'),
  };
}

describe('local patches', () => {
  let root: string;
  beforeEach(() => {
    root = tempRoot('local');
    writeFile(root, 'lib/vendor/acme/module-a/A.php', 'old\nend\n');
  });
  afterEach(() => removeTree(root));

  it('lists m2-hotfixes by name, with paths from the project root and vendor/ mapped to the vendor folder', () => {
    writeFile(root, 'm2-hotfixes/b.patch', fix('vendor/acme/module-a/A.php', 'old', 'new'));
    writeFile(root, 'm2-hotfixes/a.patch', fix('vendor/acme/module-a/A.php', 'new', 'newer'));
    writeFile(root, 'm2-hotfixes/notes.txt', 'not a patch');
    const states = localPatchStates(project(root), new ProjectFiles(root, join(root, 'lib', 'vendor')));
    assert.deepEqual(
      states.map((s) => [s.file, s.origin, s.state]),
      [
        ['m2-hotfixes/a.patch', 'm2-hotfixes', 'conflict'],
        ['m2-hotfixes/b.patch', 'm2-hotfixes', 'not-applied'],
      ],
    );
  });

  it('reads vaimo/composer-patches entries and patches-file lists, paths inside the package folder', () => {
    writeFile(root, 'patches/a.patch', fix('A.php', 'old', 'new'));
    writeFile(root, 'patches/b.patch', fix('A.php', 'new', 'newer'));
    writeFile(
      root,
      'more.json',
      JSON.stringify({ patches: { 'acme/module-a': [{ label: 'Second', source: 'patches/b.patch' }] } }),
    );
    writeFile(
      root,
      'composer.json',
      JSON.stringify({
        extra: {
          patches: { 'acme/module-a': { First: { source: 'patches/a.patch' } } },
          'patches-file': ['more.json', '../outside.json'],
        },
      }),
    );
    const states = localPatchStates(
      project(root, ['vaimo/composer-patches']),
      new ProjectFiles(root, join(root, 'lib', 'vendor')),
    );
    assert.deepEqual(
      states.map((s) => [s.file, s.origin, s.package, s.description, s.state]),
      [
        ['patches/a.patch', 'vaimo/composer-patches', 'acme/module-a', 'First', 'not-applied'],
        ['patches/b.patch', 'vaimo/composer-patches', 'acme/module-a', 'Second', 'conflict'],
      ],
    );
  });

  it('refuses a patch file outside the project and never fetches an address', () => {
    writeFile(
      root,
      'composer.json',
      JSON.stringify({
        extra: { patches: { 'acme/module-a': { Out: '../../etc/x.patch', Web: 'https://example.invalid/p.patch' } } },
      }),
    );
    const states = localPatchStates(project(root), new ProjectFiles(root, join(root, 'lib', 'vendor')));
    assert.deepEqual(
      states.map((s) => [s.state, s.reason?.kind]),
      [
        ['unknown', 'unsafe-path'],
        ['unknown', 'remote'],
      ],
    );
  });
});
