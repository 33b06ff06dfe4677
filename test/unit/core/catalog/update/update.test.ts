import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../../../../src/core/catalog/load';
import { fetchedDir, readCacheInfo } from '../../../../../src/core/catalog/update/cache';
import { updateCatalog, type UpdateOptions } from '../../../../../src/core/catalog/update/update';
import { parseProject } from '../../../../../src/core/lock/parse';
import { triage } from '../../../../../src/core/triage/triage';
import { CatalogServer, release, serve } from '../../../../support/catalogServer';
import { requireRealworld } from '../../../../support/realworld';

/** The part of support-patches.json these tests change. */
type SupportPatches = Record<string, { title: string; packages: Record<string, unknown> }>;

describe('catalog update: fetching QPT metadata from a server on 127.0.0.1', function () {
  this.timeout(30000);
  let server: CatalogServer;
  let base: string;
  let files: Record<string, string>;
  let special: CatalogServer['special'];
  let requests: CatalogServer['requests'];
  let cacheDir: string;

  before(async function () {
    requireRealworld(this);
    server = new CatalogServer(release());
    await server.start();
    ({ base, files, special, requests } = server);
  });
  after(() => server?.stop());

  const update = (extra: Partial<UpdateOptions> = {}) =>
    updateCatalog({ cacheDir, baseUrl: base, timeoutMs: 2000, ...extra });

  beforeEach(async () => {
    special.clear();
    requests.length = 0;
    cacheDir = mkdtempSync(join(tmpdir(), 'catalog-cache-'));
    const first = await update();
    assert.equal(first.outcome, 'updated', first.message);
    requests.length = 0;
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  /** The last good copy is still the one of the first download, and the message says why the update failed. */
  async function failsKeepingLastGood(why: RegExp, extra: Partial<UpdateOptions> = {}): Promise<void> {
    const before = readCacheInfo(cacheDir);
    const support = readFileSync(join(fetchedDir(cacheDir), 'support-patches.json'), 'utf8');
    const result = await update(extra);
    assert.equal(result.outcome, 'failed', result.message);
    assert.match(result.message, why);
    assert.match(result.message, /The last good copy \(QPT 1\.1\.83, fetched \d{4}-\d\d-\d\d\) stays in use\.$/);
    assert.deepEqual(readCacheInfo(cacheDir), before);
    assert.equal(readFileSync(join(fetchedDir(cacheDir), 'support-patches.json'), 'utf8'), support);
    assert.ok(loadCatalog({ cacheDir }).patches.has('ACSD-99999'), 'the last good copy is still loaded');
  }

  it('a fresh download is checked, kept with its QPT version, date and ETags, and used by the catalog', () => {
    const info = readCacheInfo(cacheDir);
    assert.equal(info?.qpt, '1.1.83');
    assert.equal(info?.baseUrl, base);
    assert.ok(Date.now() - Date.parse(info.fetchedAt) < 60_000);
    assert.equal(Object.keys(info.etags).length, 4);
    for (const name of Object.keys(files))
      assert.equal(readFileSync(join(fetchedDir(cacheDir), name), 'utf8'), files[name]);
    const catalog = loadCatalog({ cacheDir });
    const fetched = catalog.sources.filter((s) => s.layer === 'fetched');
    assert.deepEqual(
      fetched.map((s) => s.version),
      ['1.1.83', '1.1.83', '1.1.83'],
    );
    // Fresher than the bundled facts, so it comes after them; its titles are the ones shown.
    assert.equal(catalog.sources[catalog.sources.length - 1].layer, 'fetched');
    assert.equal(catalog.patches.get('ACSD-69308')?.titleSource, 'fetched');
    assert.equal(catalog.patches.get('ACSD-61103')?.titleSource, 'curated');
  });

  it('a patch only the fetched copy has needs QPT 1.1.83 on a store with an older QPT', () => {
    const lock = JSON.stringify({
      packages: [
        { name: 'magento/magento2-base', version: '2.4.6-p3' },
        { name: 'magento/quality-patches', version: '1.1.43' },
      ],
    });
    const project = parseProject(lock, join(cacheDir, 'store', 'composer.lock'));
    const result = triage(project, loadCatalog({ project, cacheDir }));
    const e = result.byId.get('ACSD-99999');
    assert.equal(e?.status, 'needs-qpt-update');
    assert.equal(e?.patch.qptVersion, '1.1.83');
    assert.equal(result.byId.get('ACSD-61103')?.patch.qptVersion, '1.1.54');
  });

  it('304 Not Modified: the copy stays, its check date moves on', async () => {
    const before = readCacheInfo(cacheDir)!;
    await new Promise((r) => setTimeout(r, 5));
    const result = await update();
    assert.equal(result.outcome, 'current', result.message);
    assert.equal(result.message, 'The patch catalog is up to date: QPT 1.1.83.');
    assert.equal(requests.length, 4);
    assert.ok(
      requests.every((r) => r.etag !== undefined),
      'every request sent If-None-Match',
    );
    const after = readCacheInfo(cacheDir)!;
    assert.equal(after.fetchedAt, before.fetchedAt);
    assert.ok(after.checkedAt > before.checkedAt);
  });

  it('a time-out', async () => {
    special.set('patches-info.json', () => undefined); // never answers
    await failsKeepingLastGood(/patches-info\.json: no complete answer within 1 seconds/, { timeoutMs: 800 });
  });

  it('a 500', async () => {
    special.set('support-patches.json', (_req, res) => res.writeHead(500, 'Internal Server Error').end('oops'));
    await failsKeepingLastGood(/support-patches\.json: the server answered 500 Internal Server Error/);
  });

  it('a truncated body', async () => {
    special.set('support-patches.json', (_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(files['support-patches.json'].slice(0, 5000));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await failsKeepingLastGood(/support-patches\.json: the download broke off after 5000 bytes/);
  });

  it('invalid JSON', async () => {
    special.set('community-patches.json', (req, res) => serve(req, res, '{"magento2-1": {"title": "x",}'));
    await failsKeepingLastGood(/community-patches\.json:1:\d+: invalid JSON/);
  });

  it('schema-invalid metadata (a range with a broken constraint) is refused by the catalog readers', async () => {
    const support = JSON.parse(files['support-patches.json']) as SupportPatches;
    support['ACSD-99999'].packages['magento/magento2-base'] = { '>=2.4.6 <<2.4.7': { file: 'x.patch' } };
    special.set('support-patches.json', (req, res) => serve(req, res, JSON.stringify(support)));
    await failsKeepingLastGood(/support-patches\.json \(ACSD-99999\.packages.*Invalid version constraint/);
  });

  const hostile = (title: string) => {
    const support = JSON.parse(files['support-patches.json']) as SupportPatches;
    support['ACSD-99999'].title = title;
    return JSON.stringify(support);
  };
  it('hostile titles: control characters', async () => {
    special.set('support-patches.json', (req, res) =>
      serve(req, res, hostile('Fixes \u001b[31mred\u001b[0m \u202eevil')),
    );
    await failsKeepingLastGood(/support-patches\.json: the text of ACSD-99999 has control characters/);
  });

  it('hostile titles: a Markdown link', async () => {
    special.set('support-patches.json', (req, res) =>
      serve(req, res, hostile('Fixes it, see [details](command:workbench.action.terminal.new)')),
    );
    await failsKeepingLastGood(/support-patches\.json: the text of ACSD-99999 has a Markdown link/);
  });

  it('hostile titles: a 10 MB title', async () => {
    special.set('support-patches.json', (req, res) => serve(req, res, hostile('x'.repeat(10 * 1024 * 1024))));
    await failsKeepingLastGood(/support-patches\.json: the text of ACSD-99999 is longer than 1000 characters/);
  });

  it('an oversized response, announced or not', async () => {
    special.set('magento_releases.json', (_req, res) => {
      res.writeHead(200, { 'content-length': String(17 * 1024 * 1024) });
      res.end();
    });
    await failsKeepingLastGood(/magento_releases\.json: larger than 16777216 bytes; refused/);
    special.set('magento_releases.json', (_req, res) => {
      res.writeHead(200); // chunked: the size shows only while reading
      const chunk = ' '.repeat(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40 && !res.destroyed) res.once('drain', more);
        else res.end();
      };
      more();
    });
    await failsKeepingLastGood(/magento_releases\.json: larger than 2000000 bytes; refused/, { maxBytes: 2_000_000 });
  });

  it('a redirect to another host is refused; one within the base URL is followed', async () => {
    special.set('support-patches.json', (_req, res) =>
      res.writeHead(302, { location: 'http://localhost:1/qpt/support-patches.json' }).end(),
    );
    await failsKeepingLastGood(
      /support-patches\.json: redirected to http:\/\/localhost:1\/qpt\/support-patches\.json, outside http:\/\/127\.0\.0\.1:\d+\/qpt\/; refused/,
    );
    special.set('support-patches.json', (_req, res) =>
      res.writeHead(301, { location: '/elsewhere/support-patches.json' }).end(),
    );
    await failsKeepingLastGood(/redirected to http:\/\/127\.0\.0\.1:\d+\/elsewhere\/support-patches\.json, outside/);
    special.set('support-patches.json', (_req, res) =>
      res.writeHead(307, { location: '/qpt/v2/support-patches.json' }).end(),
    );
    special.set('v2/support-patches.json', (req, res) =>
      serve(req, res, files['support-patches.json'].replace('Made-up patch', 'Moved made-up patch')),
    );
    const result = await update();
    assert.equal(result.outcome, 'updated', result.message);
    assert.match(readFileSync(join(fetchedDir(cacheDir), 'support-patches.json'), 'utf8'), /Moved made-up patch/);
  });

  it('without a last good copy, a failure says the bundled catalog stays in use; a bad base URL is refused', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'catalog-cache-'));
    try {
      special.set('support-patches.json', (_req, res) => res.writeHead(404, 'Not Found').end());
      const result = await updateCatalog({ cacheDir: empty, baseUrl: base, timeoutMs: 2000 });
      assert.equal(result.outcome, 'failed');
      assert.match(result.message, /404 Not Found\. The bundled catalog stays in use\.$/);
      assert.equal(existsSync(fetchedDir(empty)), false);
      const bad = await updateCatalog({ cacheDir: empty, baseUrl: 'file:///etc/' });
      assert.match(bad.message, /^The patch catalog could not be updated: file:\/\/\/etc\/ is not a web address/);
      assert.equal(
        loadCatalog({ cacheDir: empty }).sources.some((s) => s.layer === 'fetched'),
        false,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
