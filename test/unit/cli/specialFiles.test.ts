import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { repoRoot } from '../../support/realworld';

const FIXTURES = join(repoRoot(), 'test', 'fixtures');

/** Replaces `file` (in a copy of a store) with a named pipe that no one ever writes to. */
function fifo(file: string): void {
  rmSync(file, { force: true });
  mkdirSync(join(file, '..'), { recursive: true });
  execFileSync('mkfifo', [file]);
}

describe('command line: special files in a store never block status or recommend', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-special-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('status: a FIFO as a vendor file a patch changes, as installed.json and as a patches-file', () => {
    cpSync(join(FIXTURES, 'applied-store'), dir, { recursive: true });
    fifo(join(dir, 'vendor', 'magento', 'framework', 'Export.php'));
    fifo(join(dir, 'vendor', 'composer', 'installed.json'));
    writeFileSync(join(dir, 'composer.json'), JSON.stringify({ extra: { 'patches-file': 'patches.json' } }));
    fifo(join(dir, 'patches.json'));
    const r = runCli(['status', dir, '--format', 'json']);
    assert.equal(r.signal, null, 'status was stopped: it blocked on a FIFO');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { projects: Array<{ patches: Array<{ id: string; state: string }> }> };
    const states = new Map(json.projects[0].patches.map((p) => [p.id, p.state]));
    // ACSD-91003 changes Export.php: a pipe is no file to check, so the patch is not found applied.
    assert.notEqual(states.get('ACSD-91003'), 'applied');
    assert.equal(states.get('ACSD-91002'), 'applied');
  });

  it('recommend: a FIFO as a log and as app/etc/env.php, a folder as a rotated log', () => {
    cpSync(join(FIXTURES, 'evidence-store'), dir, { recursive: true });
    fifo(join(dir, 'var', 'log', 'exception.log'));
    fifo(join(dir, 'app', 'etc', 'env.php'));
    mkdirSync(join(dir, 'var', 'log', 'system.log.1'), { recursive: true });
    const r = runCli(['recommend', dir, '--format', 'json']);
    assert.equal(r.signal, null, 'recommend was stopped: it blocked on a FIFO');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /env\.php.*named pipe \(FIFO\)/);
    JSON.parse(r.stdout);
  });
});
