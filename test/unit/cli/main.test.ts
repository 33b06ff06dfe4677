import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';
import { runCli } from '../../support/cli';

const CLI = join(repoRoot(), 'dist', 'cli.js');
const QPT = (file: string) => realworld('qpt-1.1.82', file);

interface JsonReport {
  projects: Array<{
    lockFile: string;
    product: { edition: string; version: string; b2b: boolean; cloud: boolean } | null;
    qpt: { installed: string | null };
    patches: Array<{
      id: string;
      status: string;
      title: string;
      categories: string[];
      package: string | null;
      constraint: string | null;
    }>;
  }>;
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env, timeout: 60_000 });

function json(args: string[]): JsonReport {
  return JSON.parse(
    execFileSync(process.execPath, [CLI, 'triage', '--format', 'json', ...args], { encoding: 'utf8' }),
  ) as JsonReport;
}

describe('command line: real composer.lock files', function () {
  this.timeout(20000);
  before(function () {
    requireRealworld(this);
  });

  const expected: Array<[string, string, string, boolean, string | null]> = [
    ['caiced2-magento246_ee-2.4.6-p1.composer.lock', 'commerce', '2.4.6-p1', false, null],
    ['joshinaimish-magento247p4_ce-2.4.7-p1.composer.lock', 'open-source', '2.4.7-p1', false, null],
    ['magento-cloud_2.4.6-p14.composer.lock', 'commerce', '2.4.6-p14', true, '1.1.77'],
    ['magento-cloud_2.4.6-p3.composer.lock', 'commerce', '2.4.6-p3', true, '1.1.43'],
    ['magento-cloud_2.4.6-p8.composer.lock', 'commerce', '2.4.6-p8', true, '1.1.54'],
    ['magento-cloud_2.4.8-p4.composer.lock', 'commerce', '2.4.8-p4', true, '1.1.77'],
    ['magento-cloud_2.4.9-beta1.composer.lock', 'commerce', '2.4.9-beta1', true, '1.1.77'],
    ['vedantjiva-magento24_ee-2.4.1.composer.lock', 'commerce', '2.4.1', false, null],
  ];
  for (const [file, edition, version, cloud, qpt] of expected) {
    it(`${file}: ${edition} ${version}${cloud ? ' Cloud' : ''}`, () => {
      const [p] = json([realworld('composer-lock', file)]).projects;
      assert.deepEqual(p.product, { edition, version, b2b: false, cloud });
      assert.equal(p.qpt.installed, qpt);
    });
  }

  it('ACSD-61103 applies to the 2.4.6 stores only (Composer order for -pN)', () => {
    const catalogs = ['--catalog', QPT('support-patches.json')];
    const has = (file: string) =>
      json([realworld('composer-lock', file), ...catalogs]).projects[0].patches.some((p) => p.id === 'ACSD-61103');
    for (const [file] of expected) assert.equal(has(file), file.includes('2.4.6'), file);
  });

  it('agrees with the releases Adobe computes for that store (patches-info.json as oracle)', () => {
    const report = json([
      realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock'),
      '--no-bundled',
      '--catalog',
      QPT('support-patches.json'),
    ]);
    const read = (file: string): unknown => JSON.parse(readFileSync(QPT(file), 'utf8'));
    const info = read('patches-info.json') as { patches: Array<{ id: string; releases: string[] }> };
    const support = read('support-patches.json') as Record<string, { packages: Record<string, unknown> }>;
    const oracle = new Set(
      info.patches.filter((p) => support[p.id] && p.releases.includes('2.4.6-p3')).map((p) => p.id),
    );
    const got = report.projects[0].patches.map((p) => p.id);
    for (const id of got) assert.ok(oracle.has(id), `${id} listed but Adobe does not list it for 2.4.6-p3`);
    // Adobe's list ignores edition and extensions; every patch on magento2-base itself must be ours too.
    const onBase = [...oracle].filter((id) => Object.keys(support[id].packages).includes('magento/magento2-base'));
    const mine = new Set(got);
    for (const id of onBase) assert.ok(mine.has(id), `${id} missing`);
    assert.ok(got.length > 300, `expected hundreds of patches, got ${got.length}`);
  });

  it('prints a table grouped by status, no line wider than 100 columns', () => {
    const r = cli([
      'triage',
      realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock'),
      '--catalog',
      QPT('support-patches.json'),
      '--all',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Adobe Commerce 2\.4\.6-p3 · Cloud/m);
    assert.match(r.stdout, /^Applicable \(\d+\)$/m);
    assert.match(r.stdout, /^Not applicable \(\d+\)$/m);
    assert.match(r.stdout, /^ {2}ACSD-61103 /m);
    for (const line of r.stdout.split('\n')) assert.ok([...line].length <= 100, `too wide: ${line}`);
  });
});

describe('command line: bad input', function () {
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with one line naming file, line and column for a malformed lock', () => {
    const lock = join(dir, 'composer.lock');
    writeFileSync(lock, '{\n  "packages": [\n    {"name": "magento/magento2-base",, }\n  ]\n}\n');
    const r = cli(['triage', lock]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`${lock.replace(/[.]/g, '\\.')}:3:\\d+`));
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('says to run composer install when only composer.json is there', () => {
    writeFileSync(join(dir, 'composer.json'), '{"require": {}}');
    const r = cli(['triage', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /composer install/);
  });

  it('says when a folder holds no composer.lock', () => {
    const r = cli(['triage', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no composer\.lock/);
  });

  it('reports a lock without Magento as not a Commerce project, not as a failure', () => {
    writeFileSync(
      join(dir, 'composer.lock'),
      JSON.stringify({ packages: [{ name: 'monolog/monolog', version: '3.5.0' }], 'packages-dev': [] }),
    );
    const r = cli(['triage', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.projects[0].product, null);
    assert.deepEqual(report.projects[0].patches, []);
    const table = cli(['triage', dir]);
    assert.match(table.stdout, /not a Commerce project/);
  });

  it('rejects unknown options and formats with usage, exit 2', () => {
    assert.equal(cli(['triage', '--format', 'xml']).code, 2);
    assert.equal(cli(['triage', '--bogus']).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
    assert.match(cli(['--help']).stdout, /Usage: commerce-patches triage/);
  });

  it('warns about a broken extra catalog entry with file and JSON path, and still triages', () => {
    const lock = join(dir, 'composer.lock');
    writeFileSync(lock, JSON.stringify({ packages: [{ name: 'magento/magento2-base', version: '2.4.6-p3' }] }));
    const extra = join(dir, 'extra.json');
    writeFileSync(
      extra,
      JSON.stringify({
        'ACSD-90001': {
          title: 'Good',
          categories: ['Other'],
          packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'a.patch' } } },
        },
        'ACSD-90002': {
          title: 'Bad',
          categories: ['Other'],
          packages: { 'magento/magento2-base': { '>=2.4.6 <<2.4.7': { file: 'b.patch' } } },
        },
      }),
    );
    const r = cli(['triage', lock, '--no-bundled', '--catalog', extra, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /extra\.json.*ACSD-90002/);
    const ids = (JSON.parse(r.stdout) as JsonReport).projects[0].patches.map((p) => p.id);
    assert.deepEqual(ids, ['ACSD-90001']);
  });

  it('exits 2 when a named catalog file does not exist', () => {
    const lock = join(dir, 'composer.lock');
    writeFileSync(lock, JSON.stringify({ packages: [{ name: 'magento/magento2-base', version: '2.4.6' }] }));
    const r = cli(['triage', lock, '--catalog', join(dir, 'missing.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.yaml/);
  });
});
