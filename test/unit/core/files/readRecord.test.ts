import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogCache } from '../../../../src/core/catalog/catalogCache';
import { type LoadCatalogOptions, loadCatalog } from '../../../../src/core/catalog/load';
import { readProject } from '../../../../src/core/lock/read';
import { FETCHED_FILES, writeCache } from '../../../../src/core/catalog/update/cache';
import { recordReads, settled, unchanged } from '../../../../src/core/files/readRecord';
import { FILE_LIMITS, readTextFile } from '../../../../src/core/files/readTextFile';
import { repoRoot } from '../../../support/realworld';

const FIXTURES = join(repoRoot(), 'test', 'fixtures');
const STORE = join(FIXTURES, 'sample-store');

/** Every path the file system is asked about while `work` runs (opened, read, looked at or listed). */
function touched(work: () => void): Set<string> {
  const names = [
    'openSync',
    'readFileSync',
    'statSync',
    'lstatSync',
    'existsSync',
    'readdirSync',
    'accessSync',
  ] as const;
  // The module object itself (an `import *` gives a read-only view of it), whose functions core calls.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fsObject = require('node:fs') as Record<string, (...args: unknown[]) => unknown>;
  const saved = names.map((n) => fsObject[n]);
  const paths = new Set<string>();
  names.forEach((n, i) => {
    fsObject[n] = (...args: unknown[]) => {
      if (typeof args[0] === 'string') paths.add(resolve(args[0]));
      return saved[i](...args);
    };
  });
  try {
    work();
  } finally {
    names.forEach((n, i) => (fsObject[n] = saved[i]));
  }
  return paths;
}

describe('reads recorded by the reads themselves', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(join(tmpdir(), 'cp-read-record-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every file read, a missing one too, and sees when one changes or appears', () => {
    const a = join(dir, 'a.txt');
    const missing = join(dir, 'missing.txt');
    fs.writeFileSync(a, 'one');
    const { value, reads } = recordReads(() => {
      const text = readTextFile(a, FILE_LIMITS.catalog);
      assert.throws(() => readTextFile(missing, FILE_LIMITS.catalog));
      return text;
    });
    assert.equal(value, 'one');
    assert.deepEqual(
      reads.map((r) => r.file),
      [a, missing],
    );
    assert.equal(reads[1].identity, 'ENOENT');
    assert.ok(unchanged(reads));
    fs.writeFileSync(a, 'two');
    assert.ok(!unchanged(reads), 'a rewritten file');
    const again = recordReads(() => readTextFile(a, FILE_LIMITS.catalog)).reads;
    assert.ok(unchanged(again));
    fs.writeFileSync(missing, 'now here');
    assert.ok(!unchanged(reads), 'a file that appeared');
  });

  it('does not count a file changed a moment ago as settled (its file system may not tick before it changes again)', () => {
    const now = Date.now();
    const ns = (ms: number) => `${BigInt(ms) * 1_000_000n + 123n}`;
    const read = (changedMs: number, exact = true) => ({
      file: 'f',
      identity: exact ? `1:2:3:${ns(changedMs)}:${ns(changedMs)}` : `1:2:3:${changedMs}000000000:${changedMs}000000000`,
    });
    assert.ok(settled([read(now - 10_000), { file: 'g', identity: 'ENOENT' }], now));
    assert.ok(!settled([read(now - 10_000), read(now - 5)], now));
    assert.ok(settled([read(now - 200)], now), 'fine-grained times: a fifth of a second is long enough');
    const second = Math.floor(now / 1000) - 1;
    assert.ok(!settled([read(second, false)], second * 1000 + 1500), 'times in whole seconds need two');
    assert.ok(settled([read(second, false)], second * 1000 + 2500));
    const a = join(dir, 'a.txt');
    fs.writeFileSync(a, 'new');
    assert.ok(!settled(recordReads(() => readTextFile(a, FILE_LIMITS.catalog)).reads, Date.now()));
  });

  it('counts an inner recording for the outer one', () => {
    const a = join(dir, 'a.txt');
    fs.writeFileSync(a, 'x');
    const outer = recordReads(() => recordReads(() => readTextFile(a, FILE_LIMITS.catalog)));
    assert.deepEqual(
      outer.reads.map((r) => r.file),
      [a],
    );
    assert.deepEqual(outer.value.reads, outer.reads);
  });

  it('a catalog load records every file it looks at, and a load served from the run’s cache records the same', () => {
    // Every layer: the bundled facts, the store's installed QPT metadata, a fetched copy, extra JSON and YAML files.
    const cacheDir = join(dir, 'cache');
    const qpt = join(STORE, 'vendor', 'magento', 'quality-patches');
    const files = Object.fromEntries(
      FETCHED_FILES.map((name) => {
        const file = join(qpt, name);
        return [name, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '{}'];
      }),
    ) as Parameters<typeof writeCache>[1];
    const now = new Date().toISOString();
    writeCache(cacheDir, files, {
      qpt: '1.1.99',
      baseUrl: 'https://example.test/',
      fetchedAt: now,
      checkedAt: now,
      etags: {},
    });
    const project = readProject(join(STORE, 'composer.lock'));
    const options: LoadCatalogOptions = {
      project,
      cacheDir,
      extraFiles: [join(FIXTURES, 'catalogs', 'qpt-extra.json'), join(FIXTURES, 'catalogs', 'extra.yaml')],
    };
    const cache = new CatalogCache();
    let first: Set<string> = new Set();
    const seen = touched(() => {
      first = new Set(recordReads(() => loadCatalog({ ...options, cache })).reads.map((r) => r.file));
    });
    // Not recorded: only the search for the bundled facts file, in the folders above the code (the one found is).
    const outsideRecord = [...seen].filter((p) => !first.has(p));
    assert.deepEqual(
      outsideRecord.filter((p) => !p.endsWith(join('data', 'qpt-facts.json'))),
      [],
    );
    assert.ok(seen.size > 8, [...seen].join(' '));
    for (const expected of [
      join(qpt, 'support-patches.json'),
      join(cacheDir, 'qpt', 'catalog.json'),
      join(cacheDir, 'qpt', 'support-patches.json'),
      join(FIXTURES, 'catalogs', 'extra.yaml'),
    ]) {
      assert.ok(first.has(expected), expected);
    }
    assert.ok(
      [...first].some((p) => p.endsWith('qpt-facts.json')),
      'the bundled facts',
    );
    // Everything now comes from the run's cache, and still counts.
    const second = new Set(recordReads(() => loadCatalog({ ...options, cache })).reads.map((r) => r.file));
    assert.deepEqual([...second].sort(), [...first].sort());
  });
});
