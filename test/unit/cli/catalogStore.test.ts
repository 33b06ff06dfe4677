import * as assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { runCli } from '../../support/cli';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';

const FIXTURES = join(repoRoot(), 'test', 'fixtures');
const LOCK = join(FIXTURES, 'sample-store', 'composer.lock');
const BROKEN = join(FIXTURES, 'catalogs', 'broken.yaml');

describe('command line: loaded catalogs kept between runs', function () {
  this.timeout(120000);
  let home: string;
  let dir: string;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(args, { env: { XDG_CACHE_HOME: home, ...env }, timeout: 30_000 });
  const kept = () => readdirSync(dir).filter((f) => f.endsWith('.bin'));
  /** The same command where no catalog can be kept: a file stands where the folder would go. */
  const uncached = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const other = mkdtempSync(join(tmpdir(), 'cp-no-catalog-cache-'));
    try {
      mkdirSync(join(other, 'commerce-patches'));
      writeFileSync(join(other, 'commerce-patches', 'catalogs'), 'not a folder');
      return runCli(args, { env: { XDG_CACHE_HOME: other, ...env }, timeout: 30_000 });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  };
  const same = (a: ReturnType<typeof run>, b: ReturnType<typeof run>, what: string) =>
    assert.deepEqual([a.code, a.stdout, a.stderr], [b.code, b.stdout, b.stderr], what);

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'cp-catalog-cache-'));
    dir = join(home, 'commerce-patches', 'catalogs');
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('prints for the real locks, table and JSON, what a run without a kept catalog prints', function () {
    requireRealworld(this);
    const qpt = realworld('qpt-1.1.82');
    const catalogs = ['support-patches.json', 'community-patches.json', 'patches-info.json'].flatMap((f) => [
      '--catalog',
      join(qpt, f),
    ]);
    const locks = readdirSync(realworld('composer-lock')).filter((f) => f.endsWith('.lock'));
    assert.ok(locks.length >= 8);
    for (const lock of locks) {
      for (const format of ['table', 'json']) {
        const args = ['triage', realworld('composer-lock', lock), '--format', format, ...catalogs];
        const first = run(args);
        assert.equal(first.code, 0, first.stderr);
        const warm = run(args);
        same(warm, first, `${lock} ${format}: from the kept catalog`);
        same(warm, uncached(args), `${lock} ${format}: without any kept catalog`);
      }
    }
    // One per QPT version the locks name (its installed metadata would be read from the same folder).
    assert.ok(kept().length >= 1 && kept().length < locks.length, kept().join(' '));
  });

  it('reports the problems of the catalog files again, in the language of the run', () => {
    const args = ['triage', LOCK, '--catalog', BROKEN];
    const first = run(args);
    assert.match(first.stderr, /patch skipped/);
    same(run(args), first, 'English, from the kept catalog');
    const sv = run(args, { LANG: 'sv_SE.UTF-8' });
    assert.notEqual(sv.stderr, first.stderr, 'another language is not served the English problems');
    same(sv, uncached(args, { LANG: 'sv_SE.UTF-8' }), 'Swedish');
    same(run(args, { LANG: 'sv_SE.UTF-8' }), sv, 'Swedish, from the kept catalog');
    same(run(['status', LOCK, '--catalog', BROKEN]), uncached(['status', LOCK, '--catalog', BROKEN]), 'status');
  });

  it('loads again when a catalog file changes, appears or disappears', () => {
    const work = mkdtempSync(join(tmpdir(), 'cp-catalog-input-'));
    try {
      const extra = join(work, 'extra.json');
      copyFileSync(join(FIXTURES, 'catalogs', 'qpt-extra.json'), extra);
      const args = ['triage', LOCK, '--all', '--catalog', extra];
      assert.match(run(args).stdout, /Made-up patch from an extra QPT file/);
      assert.match(run(args).stdout, /Made-up patch from an extra QPT file/);
      const text = readFileSync(extra, 'utf8').replace('Made-up patch from an extra QPT file', 'Changed title');
      writeFileSync(extra, text);
      const changed = run(args);
      assert.match(changed.stdout, /Changed title/);
      same(changed, uncached(args), 'after the change');
      // The store's installed QPT metadata: a file that appears, then goes again.
      const store = join(work, 'store');
      const vendor = join(store, 'vendor', 'magento', 'quality-patches');
      mkdirSync(vendor, { recursive: true });
      copyFileSync(LOCK, join(store, 'composer.lock'));
      const before = run(['triage', store, '--all']);
      const source = join(FIXTURES, 'sample-store', 'vendor', 'magento', 'quality-patches');
      copyFileSync(join(source, 'support-patches.json'), join(vendor, 'support-patches.json'));
      const added = run(['triage', store, '--all']);
      same(added, uncached(['triage', store, '--all']), 'with the installed file');
      assert.notEqual(added.stdout, before.stdout);
      rmSync(join(vendor, 'support-patches.json'));
      same(run(['triage', store, '--all']), before, 'without it again');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('keeps a few catalogs per run and a bounded number in the folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'cp-catalog-many-'));
    try {
      // Ten stores, each with QPT metadata of its own: ten different catalogs in one run.
      const source = join(FIXTURES, 'sample-store', 'vendor', 'magento', 'quality-patches');
      for (let i = 0; i < 10; i++) {
        const vendor = join(work, `store${i}`, 'vendor', 'magento', 'quality-patches');
        mkdirSync(vendor, { recursive: true });
        copyFileSync(LOCK, join(work, `store${i}`, 'composer.lock'));
        copyFileSync(join(source, 'support-patches.json'), join(vendor, 'support-patches.json'));
      }
      // Files changed a moment before a load are not kept with it: these were just written.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      const first = run(['triage', work, '--format', 'json']);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(kept().length, 8);
      same(run(['triage', work, '--format', 'json']), first, 'the same run again');
      same(first, uncached(['triage', work, '--format', 'json']), 'without any kept catalog');
      for (let i = 0; i < 40; i++) {
        const old = join(dir, `catalog-0000000${i % 10}-${i}-old.bin`);
        writeFileSync(old, 'old');
        utimesSync(old, new Date(2000, 0, 1), new Date(2000, 0, 1));
      }
      rmSync(
        join(
          dir,
          kept().find((f) => !f.includes('-old'))!,
        ),
      );
      run(['triage', work, '--format', 'json']);
      assert.equal(kept().length, 32);
      assert.equal(kept().filter((f) => !f.includes('-old')).length, 8, 'the oldest go first');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('ignores a damaged, foreign or unreadable kept catalog and keeps a good one in its place', () => {
    const args = ['triage', LOCK, '--catalog', BROKEN];
    const good = run(args);
    const [name] = kept();
    const file = join(dir, name);
    const header = readFileSync(file, 'latin1').split('\n')[0];
    const size = readFileSync(file).length;
    const foreign = serialize({ patches: 'not a map' });
    for (const damaged of [
      Buffer.from('garbage'),
      Buffer.from(`${header}\n${'x'.repeat(5000)}`, 'latin1'),
      Buffer.from(`${header}\n`, 'latin1'),
      Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), foreign]),
      Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), readFileSync(file).subarray(header.length + 1, size - 100)]),
    ]) {
      writeFileSync(file, damaged);
      same(run(args), good, 'loaded again');
      assert.equal(readFileSync(file).length, size, 'written anew');
    }
    rmSync(file);
    mkdirSync(file);
    same(run(args), good, 'a folder in its place');
  });
});
