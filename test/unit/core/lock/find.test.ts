import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeFolder } from '../../../../src/core/lock/describe';
import { findLockFiles, scanComposerFiles } from '../../../../src/core/lock/find';
import { repoRoot } from '../../../support/realworld';

const fixture = (...parts: string[]) => join(repoRoot(), 'test', 'fixtures', ...parts);

describe('lock: finding composer.lock files', () => {
  it('finds both stores of the monorepo and none of the decoys in vendor, node_modules or generated code', () => {
    assert.deepEqual(findLockFiles(fixture('monorepo')), [
      fixture('monorepo', 'stores', 'a', 'composer.lock'),
      fixture('monorepo', 'stores', 'b', 'composer.lock'),
    ]);
  });

  it('skips the vendor folder a composer.json configures (monorepo store b uses lib/composer)', () => {
    const found = findLockFiles(fixture('monorepo', 'stores', 'b'));
    assert.deepEqual(found, [fixture('monorepo', 'stores', 'b', 'composer.lock')]);
  });

  it('finds every fixture store from the fixture root, sorted folder by folder', () => {
    const found = findLockFiles(fixture());
    const stores = ['broken-lock', 'cloud-246p3', 'monorepo/stores/a', 'monorepo/stores/b', 'no-commerce', 'os-247p1'];
    assert.deepEqual(
      found.filter((f) => stores.some((s) => f === fixture(s, 'composer.lock'))),
      stores.map((s) => fixture(s, 'composer.lock')),
    );
    assert.deepEqual(
      found.filter((f) => /[\\/](vendor|node_modules|generated|lib)[\\/]/.test(f)),
      [],
    );
  });

  describe('in a temporary tree', () => {
    let root: string;
    const touch = (rel: string, text = '{}') => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'lock-find-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it("puts a folder's own lock before its sub-folders' and stops at the depth bound", () => {
      touch('composer.lock');
      touch('app/composer.lock');
      touch('1/2/3/4/5/6/composer.lock');
      touch('1/2/3/4/5/6/7/composer.lock');
      assert.deepEqual(findLockFiles(root), [
        join(root, 'composer.lock'),
        join(root, '1/2/3/4/5/6/composer.lock'),
        join(root, 'app/composer.lock'),
      ]);
      assert.deepEqual(findLockFiles(root, 0), [join(root, 'composer.lock')]);
    });

    it('does not follow symbolic links (no loops)', () => {
      touch('shop/composer.lock');
      symlinkSync(root, join(root, 'shop', 'loop'));
      assert.deepEqual(findLockFiles(root), [join(root, 'shop/composer.lock')]);
    });

    it('survives a broken composer.json while looking for its vendor-dir', () => {
      touch('shop/composer.json', '{ not json');
      touch('shop/composer.lock');
      touch('shop/vendor/x/composer.lock');
      assert.deepEqual(findLockFiles(root), [join(root, 'shop/composer.lock')]);
    });

    it('skips Magento runtime folders only below a Composer project', () => {
      touch('shop/composer.json');
      touch('shop/composer.lock');
      touch('shop/var/composer.lock');
      touch('var/composer.lock');
      assert.deepEqual(findLockFiles(root), [join(root, 'shop/composer.lock'), join(root, 'var/composer.lock')]);
    });

    it('returns nothing for a missing folder', () => {
      assert.deepEqual(findLockFiles(join(root, 'nope')), []);
    });

    it('lists composer.json files without a lock', () => {
      touch('a/composer.json');
      touch('b/composer.json');
      touch('b/composer.lock');
      assert.deepEqual(scanComposerFiles(root), {
        lockFiles: [join(root, 'b/composer.lock')],
        unlockedComposerJsons: [join(root, 'a/composer.json')],
      });
    });
  });
});

describe('lock: describeFolder', () => {
  it('locks found', () => {
    const status = describeFolder(fixture('monorepo'));
    assert.equal(status.kind, 'locks');
    assert.equal(status.kind === 'locks' && status.lockFiles.length, 2);
    assert.equal(status.message, '2 composer.lock files found.');
  });

  it('only composer.json: tells to run composer install', () => {
    const status = describeFolder(fixture('composer-json-only'));
    assert.equal(status.kind, 'composer-json-only');
    assert.deepEqual(status.kind === 'composer-json-only' && status.composerJsonFiles, [
      fixture('composer-json-only', 'composer.json'),
    ]);
    assert.match(status.message, /composer install/);
  });

  it('no Composer files at all', () => {
    const status = describeFolder(fixture('cloud-246p3', 'vendor', 'magento'));
    assert.equal(status.kind, 'no-composer');
  });
});
