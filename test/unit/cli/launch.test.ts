import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { repoRoot } from '../../support/realworld';

const LOCK = join(repoRoot(), 'test', 'fixtures', 'sample-store', 'composer.lock');

describe('command line: the code cache', function () {
  this.timeout(30000);
  let home: string;
  let dir: string;
  const run = (args: string[]) => runCli(args, { env: { XDG_CACHE_HOME: home } });
  const caches = () => readdirSync(dir).filter((f) => f.endsWith('.bin'));

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'cp-code-cache-'));
    dir = join(home, 'commerce-patches', 'code');
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('the bundle it runs is ASCII, so it is read without UTF-8 decoding (and held as a one-byte string)', () => {
    const bytes = readFileSync(join(repoRoot(), 'dist', 'cliMain.js'));
    const at = bytes.findIndex((b) => b > 0x7f);
    const line = bytes.subarray(0, Math.max(at, 0)).toString('latin1').split('\n').length;
    assert.equal(at, -1, `a non-ASCII byte at line ${line} of dist/cliMain.js`);
  });

  it('keeps one cache per subcommand, and a run from it prints what a run without it prints', () => {
    const first = run(['triage', LOCK, '--all']);
    assert.equal(first.code, 0, first.stderr);
    const [triage] = caches();
    assert.match(triage, /^cli-[0-9a-f]{8}-triage-v\d+\.\d+\.\d+-\w+\.bin$/);
    const written = statSync(join(dir, triage)).mtimeMs;
    const second = run(['triage', LOCK, '--all']);
    assert.deepEqual([second.code, second.stdout, second.stderr], [0, first.stdout, first.stderr]);
    assert.equal(statSync(join(dir, triage)).mtimeMs, written, 'a cache that fits is used, not written again');
    assert.equal(run(['--version']).code, 0);
    assert.equal(caches().length, 2);
  });

  it('writes no cache after a usage error', () => {
    assert.equal(run(['no-such-command']).code, 2);
    assert.deepEqual(readdirSync(home), []);
  });

  it('ignores a damaged cache and writes a good one in its place', () => {
    const good = run(['triage', LOCK]);
    const [name] = caches();
    const file = join(dir, name);
    const header = readFileSync(file, 'latin1').split('\n')[0];
    for (const damaged of ['garbage', `${header}\n${'x'.repeat(5000)}`, `${header}\n`]) {
      writeFileSync(file, damaged, 'latin1');
      const r = run(['triage', LOCK]);
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, good.stdout, good.stderr]);
      assert.ok(statSync(file).size > 10_000, 'written anew');
    }
  });

  it('runs without a cache where none can be kept or read: a folder in its place, a FIFO, an unwritable folder', function () {
    const good = run(['triage', LOCK]);
    const [name] = caches();
    rmSync(dir, { recursive: true });
    mkdirSync(join(dir, name), { recursive: true });
    let r = run(['triage', LOCK]);
    assert.deepEqual([r.code, r.stdout], [0, good.stdout]);
    rmSync(dir, { recursive: true });
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync('mkfifo', [join(dir, name)]);
    } catch {
      this.skip();
    }
    r = run(['triage', LOCK]);
    assert.deepEqual([r.code, r.stdout], [0, good.stdout], 'a FIFO is never opened for a blocking read');
    rmSync(home, { recursive: true });
    writeFileSync(home, 'a file where the cache folder would go');
    r = run(['triage', LOCK]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, good.stdout, good.stderr]);
  });
});
