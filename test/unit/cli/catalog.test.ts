import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirFor } from '../../../src/cli/cacheDir';
import { CatalogServer, release } from '../../support/catalogServer';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';

const CLI = join(repoRoot(), 'dist', 'cli.js');

/** The part of `triage --format json` these tests read. */
interface TriageJson {
  projects: Array<{
    catalog: { bundled: string | null; installed: string | null; fetched: string | null; freshest: string };
    patches: Array<{ id: string; status: string; title: string; qpt?: string | null; reason?: string }>;
  }>;
}

/** Runs the CLI without blocking this process (the test's server must keep answering). */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('command line: catalog update and info', function () {
  this.timeout(60000);
  let server: CatalogServer;
  let cache: string;

  before(async function () {
    requireRealworld(this);
    server = new CatalogServer(release());
    await server.start();
  });
  after(() => server?.stop());
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'cli-catalog-'));
    server.special.clear();
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  it('the cache folder: --cache-dir, else $XDG_CACHE_HOME/commerce-patches, else ~/.cache/commerce-patches', () => {
    assert.equal(cacheDirFor('/tmp/x', { XDG_CACHE_HOME: '/xdg' }), '/tmp/x');
    assert.equal(cacheDirFor(undefined, { XDG_CACHE_HOME: '/xdg' }), '/xdg/commerce-patches');
    assert.equal(cacheDirFor(undefined, { XDG_CACHE_HOME: 'relative' }), join(homedir(), '.cache', 'commerce-patches'));
    assert.equal(cacheDirFor(undefined, {}), join(homedir(), '.cache', 'commerce-patches'));
  });

  it('update fetches into the cache, info shows both catalogs, triage uses the freshest and says which', async () => {
    const before = await cli(['catalog', 'info', '--cache-dir', cache]);
    assert.equal(before.code, 0, before.stderr);
    assert.equal(
      before.stdout,
      `Bundled: QPT 1.1.82, 1,096 patches\nFetched: none in ${cache} (run: commerce-patches catalog update)\n`,
    );

    const update = await cli(['catalog', 'update', '--url', server.base, '--cache-dir', cache]);
    assert.equal(update.code, 0, update.stderr);
    assert.equal(update.stdout, `The patch catalog was updated to QPT 1.1.83.\n  kept in ${join(cache, 'qpt')}\n`);
    const again = await cli(['catalog', 'update', '--url', server.base, '--cache-dir', cache]);
    assert.match(again.stdout, /^The patch catalog is up to date: QPT 1\.1\.83\./);

    // The default cache folder comes from XDG_CACHE_HOME.
    const info = await cli(['catalog', 'info'], { XDG_CACHE_HOME: cache.replace(/\/?$/, ''), HOME: '/nonexistent' });
    assert.equal(info.code, 0, info.stderr);
    assert.equal(
      info.stdout,
      `Bundled: QPT 1.1.82, 1,096 patches\nFetched: none in ${join(cache, 'commerce-patches')} (run: commerce-patches catalog update)\n`,
    );
    const fetched = await cli(['catalog', 'info', '--cache-dir', cache, '--locale', 'sv']);
    assert.match(
      fetched.stdout,
      /^Medföljande: QPT 1\.1\.82, 1\u00a0096 patchar\nHämtad: QPT 1\.1\.83, hämtad \d{4}-\d\d-\d\dT/,
    );
    assert.match(fetched.stdout, new RegExp(`\\n  från ${server.base.replace(/[.]/g, '\\.')}\\n`));

    const lock = realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock');
    const triage = await cli(['triage', lock, '--format', 'json', '--cache-dir', cache]);
    assert.equal(triage.code, 0, triage.stderr);
    const [project] = (JSON.parse(triage.stdout) as TriageJson).projects;
    assert.deepEqual(project.catalog, { bundled: '1.1.82', installed: null, fetched: '1.1.83', freshest: 'fetched' });
    const made = project.patches.find((p) => p.id === 'ACSD-99999');
    assert.equal(made?.status, 'needs-qpt-update');
    assert.equal(
      made?.reason,
      'ACSD-99999 is in QPT 1.1.83 (you have 1.1.43): composer update magento/quality-patches',
    );
    assert.equal(made?.title, 'Made-up patch that arrived after the bundled release.');

    const offline = await cli(['triage', lock, '--format', 'json', '--cache-dir', cache, '--no-fetched']);
    assert.deepEqual((JSON.parse(offline.stdout) as TriageJson).projects[0].catalog, {
      bundled: '1.1.82',
      installed: null,
      fetched: null,
      freshest: 'bundled',
    });
  });

  it('a failed update exits 1, says why, and keeps the last good copy', async () => {
    assert.equal((await cli(['catalog', 'update', '--url', server.base, '--cache-dir', cache])).code, 0);
    server.special.set('patches-info.json', (_req, res) => res.writeHead(500, 'Internal Server Error').end());
    const r = await cli(['catalog', 'update', '--url', server.base, '--cache-dir', cache]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^commerce-patches: The patch catalog could not be updated: http:\/\/127\.0\.0\.1:\d+\/qpt\/patches-info\.json: the server answered 500 Internal Server Error\. The last good copy \(QPT 1\.1\.83, fetched \d{4}-\d\d-\d\d\) stays in use\.\n$/,
    );
    assert.match((await cli(['catalog', 'info', '--cache-dir', cache])).stdout, /Fetched: QPT 1\.1\.83/);
  });

  it('usage errors exit 2', async () => {
    for (const args of [
      ['catalog'],
      ['catalog', 'fetch'],
      ['catalog', 'info', '--url', 'http://x/'],
      ['catalog', 'update', 'extra'],
    ]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
      // One line that points to the help.
      assert.match(r.stderr, /^commerce-patches: .*\(see commerce-patches catalog --help\)\n$/, args.join(' '));
    }
    const help = await cli(['catalog', '--help']);
    assert.match(help.stdout, /^Usage: commerce-patches catalog update \[--url URL\] \[--cache-dir DIR\]/);
  });
});

describe('command line: a patch that needs a QPT update says which QPT has it', function () {
  this.timeout(30000);
  before(function () {
    requireRealworld(this);
  });

  it('in the table and in the JSON report', async () => {
    const lock = realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock');
    const table = await cli(['triage', lock, '--no-fetched']);
    const lines = table.stdout.split('\n');
    const row = lines.findIndex((l) => l.startsWith('  ACSD-61103 '));
    assert.equal(lines[row + 1].trim(), '↳ in QPT 1.1.54 (you have 1.1.43): composer update magento/quality-patches');
    const json = JSON.parse(
      (await cli(['triage', lock, '--no-fetched', '--format', 'json', '--locale', 'ja'])).stdout,
    ) as TriageJson;
    const p = json.projects[0].patches.find((e) => e.id === 'ACSD-61103');
    assert.equal(p?.status, 'needs-qpt-update');
    assert.equal(p?.qpt, '1.1.54');
    assert.equal(p?.reason, 'ACSD-61103 is in QPT 1.1.54 (you have 1.1.43): composer update magento/quality-patches');
    assert.deepEqual(json.projects[0].catalog, {
      bundled: '1.1.82',
      installed: null,
      fetched: null,
      freshest: 'bundled',
    });
  });
});
