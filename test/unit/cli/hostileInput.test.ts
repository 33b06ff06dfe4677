import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, CONTROL, runCli, runCliClosingOutput } from '../../support/cli';
import { realworld, requireRealworld } from '../../support/realworld';

/** What these tests read of `triage --format json`. */
interface TriageJson {
  projects: Array<{ lockFile: string; patches: Array<{ title: string }> }>;
}

const LOCK = (version = '2.4.6-p3') => JSON.stringify({ packages: [{ name: 'magento/magento2-base', version }] });

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** One line on stderr, no stack trace, nothing a terminal would act on. */
function assertOneLine(stderr: string): void {
  assert.equal(stderr.split('\n').length, 2, stderr);
  assert.doesNotMatch(stderr, /\n\s+at |\.js:\d+/);
  assert.doesNotMatch(stderr, CONTROL);
}

describe('command line: hostile files, names and output', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-hostile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never blocks on a FIFO: composer.json, installed QPT metadata, --catalog and PATH', () => {
    writeFileSync(
      join(dir, 'composer.lock'),
      JSON.stringify({
        packages: [
          { name: 'magento/magento2-base', version: '2.4.6' },
          { name: 'magento/quality-patches', version: '1.1.50' },
        ],
      }),
    );
    mkdirSync(join(dir, 'vendor', 'magento', 'quality-patches'), { recursive: true });
    mkfifo(join(dir, 'vendor', 'magento', 'quality-patches', 'support-patches.json'));
    const qpt = runCli(['triage', dir]);
    assert.equal(qpt.code, 0, qpt.stderr);
    assert.match(qpt.stderr, /support-patches\.json: is a named pipe \(FIFO\)/);

    mkfifo(join(dir, 'composer.json'));
    const json = runCli(['triage', dir]);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /composer\.json: is a named pipe \(FIFO\), not a regular file/);
    assertOneLine(json.stderr);

    rmSync(join(dir, 'composer.json'));
    mkfifo(join(dir, 'catalog.yaml'));
    const catalog = runCli(['triage', dir, '--catalog', join(dir, 'catalog.yaml')]);
    assert.equal(catalog.code, 2);
    assert.match(catalog.stderr, /catalog\.yaml: is a named pipe/);
    assertOneLine(catalog.stderr);

    const path = runCli(['triage', join(dir, 'catalog.yaml')]);
    assert.equal(path.code, 2);
    assert.match(path.stderr, /neither a regular file nor a folder/);
  });

  it('refuses a composer.json that leads to /dev/zero instead of reading forever', () => {
    writeFileSync(join(dir, 'composer.lock'), LOCK());
    symlinkSync('/dev/zero', join(dir, 'composer.json'));
    const r = runCli(['triage', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /composer\.json: is a device or socket, not a regular file/);
    assertOneLine(r.stderr);
  });

  it('says a UTF-16 lock is UTF-16, not "Unexpected token"', () => {
    writeFileSync(join(dir, 'composer.lock'), Buffer.from('\ufeff' + LOCK(), 'utf16le'));
    const r = runCli(['triage', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /composer\.lock: is UTF-16 text; save it as UTF-8/);
  });

  it('escapes NUL bytes in JSON syntax errors', () => {
    writeFileSync(join(dir, 'composer.lock'), '{"packages": [\u0000]}');
    const r = runCli(['triage', dir]);
    assert.equal(r.code, 2);
    assertOneLine(r.stderr);
    assert.match(r.stderr, /\\x00|\\u0000/);
  });

  it('shows hostile titles, versions and folder names with their control characters escaped', () => {
    const store = join(dir, 'evil\u001b[2J\nname');
    mkdirSync(store);
    writeFileSync(join(store, 'composer.lock'), LOCK('2.4.6-p3\u001b[31m'));
    const title =
      'Fix \u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007 \u001b[2J and \u009b31m' +
      'x'.repeat(90) +
      '\u001b[2J';
    const catalog = join(dir, 'catalog.json');
    writeFileSync(
      catalog,
      JSON.stringify({
        'ACSD-1': {
          title,
          categories: ['Other'],
          packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'x.patch' } } },
        },
      }),
    );
    const table = runCli(['triage', store, '--catalog', catalog, '--no-bundled', '--all']);
    assert.equal(table.code, 0, table.stderr);
    assert.doesNotMatch(table.stdout, CONTROL);
    assert.match(table.stdout, /Fix \\x1b\]8;;http:\/\/evil\.example\/\\x07click/);
    // The line is cut to the table width at a whole escape, never inside one.
    const line = table.stdout.split('\n').find((l) => l.includes('ACSD-1')) ?? '';
    assert.match(line, /(\\x1b|\\x9b|[^\\]x)[^\\]*…$|[^…]$/);
    assert.doesNotMatch(line, /\\x?[0-9a-f]?…$/);
    const json = runCli(['triage', store, '--catalog', catalog, '--no-bundled', '--all', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.doesNotMatch(json.stdout, CONTROL);
    assert.equal((JSON.parse(json.stdout) as TriageJson).projects[0].patches[0].title, title);
  });

  it('keeps an error about a folder with a line break in its name on one line', () => {
    const store = join(dir, 'two\nlines');
    mkdirSync(store);
    writeFileSync(join(store, 'composer.lock'), '{');
    const r = runCli(['triage', store]);
    assert.equal(r.code, 2);
    assertOneLine(r.stderr);
  });

  it('prints a usage error on one line that points to --help', () => {
    for (const args of [
      ['triage', '--bogus'],
      ['triage', '--format', 'xml'],
      ['frobnicate'],
      ['triage', '--depth', 'x'],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2);
      assertOneLine(r.stderr);
      assert.match(r.stderr, /--help\)$/m);
    }
  });

  it('reads a composer.lock that is a symbolic link inside the folder, not one that leads outside', () => {
    const outside = mkdtempSync(join(tmpdir(), 'cpt-outside-'));
    try {
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'real.lock'), LOCK());
      writeFileSync(join(outside, 'composer.lock'), LOCK());
      symlinkSync(join(dir, 'real.lock'), join(dir, 'a', 'composer.lock'));
      symlinkSync(join(outside, 'composer.lock'), join(dir, 'b', 'composer.lock'));
      const r = runCli(['triage', dir, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as TriageJson).projects.map((p) => p.lockFile),
        [join(dir, 'a', 'composer.lock')],
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('says how deep it searched, and --depth searches deeper', () => {
    const deep = join(dir, '1', '2', '3', '4', '5', '6', '7');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'composer.lock'), LOCK());
    const shallow = runCli(['triage', dir]);
    assert.equal(shallow.code, 2);
    assert.match(shallow.stderr, /no composer\.lock found in this folder or down to 6 levels below it \(see --depth\)/);
    const found = runCli(['triage', dir, '--depth', '7', '--format', 'json']);
    assert.equal(found.code, 0, found.stderr);
    assert.equal((JSON.parse(found.stdout) as TriageJson).projects.length, 1);
  });

  it('works from a current folder whose path is longer than the system allows, given an absolute PATH', () => {
    writeFileSync(join(dir, 'composer.lock'), LOCK());
    // A helper climbs down 25 folders of 200 characters by relative steps, then runs the command line from there.
    const helper = `
      const { mkdirSync } = require('node:fs');
      const { spawnSync } = require('node:child_process');
      for (let i = 0; i < 25; i++) { mkdirSync('d'.repeat(200)); process.chdir('d'.repeat(200)); }
      const run = (path) => spawnSync(process.execPath, [process.argv[1], 'triage', path], { encoding: 'utf8' });
      process.stdout.write(JSON.stringify([run(process.argv[2]), run('.')].map((r) => ({ code: r.status, stderr: r.stderr }))));`;
    const r = spawnSync(process.execPath, ['-e', helper, CLI, dir], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
      timeout: 20_000,
    });
    spawnSync('rm', ['-rf', join(dir, 'd'.repeat(200))]);
    const [absolute, relative] = JSON.parse(r.stdout) as { code: number; stderr: string }[];
    assert.equal(absolute.code, 0, absolute.stderr);
    assert.equal(relative.code, 2);
    assert.match(relative.stderr, /cannot read the current folder/);
    assertOneLine(relative.stderr);
  });

  it('ends quietly when the reader closes the output (| head -1)', async function () {
    requireRealworld(this);
    const r = await runCliClosingOutput([
      'triage',
      realworld('composer-lock', 'magento-cloud_2.4.8-p4.composer.lock'),
      '--catalog',
      realworld('qpt-1.1.82', 'support-patches.json'),
      '--all',
      '--format',
      'json',
    ]);
    assert.doesNotMatch(r.stderr, /EPIPE|Error|\n\s+at /);
    assert.equal(r.code, 0);
  });
});
