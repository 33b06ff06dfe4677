import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/realworld';
import { runCli } from '../../support/cli';

const STORE = join(repoRoot(), 'test', 'fixtures', 'cloud-246p3');

/** The part of `plan --format json` these tests read. */
interface PlanJson {
  projects: Array<{
    lockFile: string;
    from: string;
    to: string;
    patches: Array<{ id: string; source: string; outcome: string; blocksUpgrade: boolean }>;
    newlyApplicable: unknown;
  }>;
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['plan', ...args], { env, timeout: 60_000 });

describe('command line: plan', function () {
  this.timeout(20000);
  let dir: string;
  let store: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
    store = join(dir, 'store');
    cpSync(STORE, store, { recursive: true });
    mkdirSync(join(store, 'm2-hotfixes'));
    writeFileSync(join(store, 'm2-hotfixes', 'our-fix.patch'), 'diff --git a/x b/x\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract: sources, outcomes, the Cloud blocker and the newly applicable patches', () => {
    const r = cli([store, '--to', '2.4.7-p4', '--applied', 'ACSD-61103', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const { projects } = JSON.parse(r.stdout) as PlanJson;
    assert.equal(projects.length, 1);
    const [p] = projects;
    assert.deepEqual(Object.keys(p), ['lockFile', 'from', 'to', 'patches', 'newlyApplicable']);
    assert.equal(p.lockFile, join(store, 'composer.lock'));
    assert.equal(p.from, '2.4.6-p3');
    assert.equal(p.to, '2.4.7-p4');
    const byId = new Map(p.patches.map((e) => [e.id, e]));
    assert.deepEqual(byId.get('ACSD-90001'), {
      id: 'ACSD-90001',
      source: 'scheduled',
      outcome: 'no-patch-for-target',
      blocksUpgrade: true,
    });
    assert.equal(p.patches[0].id, 'ACSD-90001', 'the blocker comes first');
    assert.deepEqual(byId.get('ACSD-61103'), {
      id: 'ACSD-61103',
      source: 'applied',
      outcome: 'no-patch-for-target',
      blocksUpgrade: false,
    });
    assert.deepEqual(byId.get('m2-hotfixes/our-fix.patch'), {
      id: 'm2-hotfixes/our-fix.patch',
      source: 'local',
      outcome: 'recheck',
      blocksUpgrade: false,
    });
    assert.equal((byId.get('ACSD-90004') as { outcome: string }).outcome, 'available');
    assert.ok(Array.isArray(p.newlyApplicable));
  });

  it('plans several targets in one run, reads applied patches from a saved QPT status, and fails on a blocker on request', () => {
    const status = join(dir, 'status.json');
    writeFileSync(
      status,
      JSON.stringify([
        {
          Id: 'ACSD-61103',
          Title: 'x',
          Category: 'Customer',
          Origin: 'Adobe Commerce Support',
          Status: 'Applied',
          Details: '',
        },
      ]),
    );
    const r = cli([
      store,
      '--to',
      '2.4.6-p5,2.4.7-p4',
      '--qpt-status',
      status,
      '--format',
      'json',
      '--fail-on',
      'blocked',
    ]);
    assert.equal(r.code, 1, r.stderr);
    const { projects } = JSON.parse(r.stdout) as PlanJson;
    assert.deepEqual(
      projects.map((p) => p.to),
      ['2.4.6-p5', '2.4.7-p4'],
    );
    const on246 = projects[0].patches.find((e) => e.id === 'ACSD-61103');
    assert.deepEqual(on246, { id: 'ACSD-61103', source: 'applied', outcome: 'available', blocksUpgrade: false });
  });

  it('writes a table and a Markdown report', () => {
    const table = cli([store, '--to', '2.4.7-p4']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Adobe Commerce 2\.4\.6-p3 · Cloud → 2\.4\.7-p4$/m);
    assert.match(table.stdout, /^Blocks the upgrade \(1\)$/m);
    assert.match(table.stdout, /Next patches weren't found/);
    assert.match(table.stdout, /^Local patches: re-check after the upgrade \(1\)$/m);
    for (const line of table.stdout.split('\n')) assert.ok(line.length <= 100, line);
    const md = cli([store, '--to', '2.4.7-p4', '--format', 'markdown']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^## Upgrade plan: Adobe Commerce 2\.4\.6-p3 · Cloud → 2\.4\.7-p4$/m);
    assert.match(md.stdout, /^\| Patch \| Title \| Used as \| On 2\.4\.7-p4 \|$/m);
    assert.match(md.stdout, /^\| \[ACSD-90001\]\(https:\/\/experienceleague\.adobe\.com\/[^)]+\) \|/m);
    assert.match(md.stdout, /^### Newly applicable on 2\.4\.7-p4 \(\d+\)$/m);
  });

  it('speaks the display language', () => {
    const r = cli([store, '--to', '2.4.7-p4'], { LANG: 'fr_FR.UTF-8' });
    assert.match(r.stdout, /^Bloque la mise à niveau \(1\)$/m);
  });

  it('with --evidence reads the store once and lists the newly applicable patches its logs call for first', () => {
    const ev = join(dir, 'evidence-store');
    cpSync(join(repoRoot(), 'test', 'fixtures', 'evidence-store'), ev, { recursive: true });
    const logs = join(dir, 'downloaded-logs');
    mkdirSync(logs);
    // ACSD-90104 applies to 2.4.8 only; its signature's line is in a downloaded log.
    writeFileSync(
      join(logs, 'exception.log'),
      '[2026-11-20T08:01:00.000000+00:00] main.CRITICAL: DivisionByZeroError: Division by zero in /app/Model/Order/Tax.php\n',
    );
    const plain = cli([ev, '--to', '2.4.8,2.4.8-p1', '--format', 'json']);
    const without = JSON.parse(plain.stdout) as PlanJson & { projects: Array<{ recommended?: string[] }> };
    assert.equal(without.projects[0].recommended, undefined, 'evidence is read only on request');
    const r = cli([ev, '--to', '2.4.8,2.4.8-p1', '--logs', logs, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as PlanJson & { projects: Array<{ recommended?: string[] }> };
    for (const p of json.projects) {
      assert.deepEqual(p.recommended, ['ACSD-90104']);
      assert.equal((p.newlyApplicable as string[])[0], 'ACSD-90104');
    }
    const table = cli([ev, '--to', '2.4.8', '--logs', logs]);
    assert.match(table.stdout, /ACSD-90104 .*\n +↳ Recommended: .*downloaded-logs\/exception\.log:1\n/);
    const md = cli([ev, '--to', '2.4.8', '--logs', logs, '--format', 'markdown', '--locale', 'sv']);
    assert.match(md.stdout, /^\| Patch \| Titel \| Belägg \|$/m);
    assert.match(md.stdout, /^\| \[ACSD-90104\]\([^)]+\) \| .* \| \*\*Rekommenderas\*\*: .*exception\.log:1 \|$/m);
  });

  it('refuses an unknown release or a missing --to (exit code 2)', () => {
    const unknown = cli([store, '--to', '2.4.99']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown release 2\.4\.99/);
    const missing = cli([store]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /plan needs --to RELEASE/);
  });
});
