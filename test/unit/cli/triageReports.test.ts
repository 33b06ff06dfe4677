import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realworld, repoRoot, requireRealworld } from '../../support/realworld';
import { sarifValidator as validator } from '../../support/sarifSchema';
import { runCli } from '../../support/cli';

const STORE = join(repoRoot(), 'test', 'fixtures', 'cloud-246p3');
const cli = (args: string[], cwd?: string) => runCli(['triage', ...args], { cwd, timeout: 60_000 });

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
  }[];
  properties: { patchId: string };
  suppressions?: { kind: string; justification: string }[];
}

/** The part of a SARIF log these tests read. */
interface SarifLog {
  runs: { tool: { driver: { name: string; rules: { helpUri: string }[] } }; results: SarifResult[] }[];
}

/** The part of `triage --format json` these tests read. */
interface TriageJson {
  projects: { patches: { id: string; decision?: unknown }[] }[];
}

const DECISIONS = [
  '# Our calls on quality patches',
  'decisions:',
  '  ACSD-61103:',
  '    decision: skip',
  '    note: We do not sign customers in through the API.',
  '    by: Jane',
  '    date: 2026-11-26',
  '  ACSD-48366:',
  '    decision: investigate',
  '  ACSD-1:',
  '    decision: later',
  '',
].join('\n');

describe('command line: triage reports for CI', function () {
  this.timeout(30000);
  let dir: string;
  let store: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-ci-'));
    store = join(dir, 'store');
    cpSync(STORE, store, { recursive: true });
    writeFileSync(join(store, '.commerce-patches.yaml'), DECISIONS);
    const env = join(store, '.magento.env.yaml');
    writeFileSync(
      env,
      readFileSync(env, 'utf8').replace(
        '      - ACSD-90004\n',
        '      - ACSD-90004\n      - ACSD-90003\n      - MDVA-404\n',
      ),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes SARIF 2.1.0 that validates against the official schema, one result per patch needing attention', () => {
    const r = cli(['.', '--format', 'sarif', '--applied', 'ACP2E-4813'], store);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors(), null, 2));
    assert.equal(
      validate({ ...log, version: '2.0.0' }),
      false,
      'the validator does reject a log that breaks the schema',
    );
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'commerce-patches');
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/experienceleague\.adobe\.com\//);
    const results = run.results;
    const byId = new Map(results.map((x) => [x.properties.patchId, x]));
    assert.equal(byId.has('ACP2E-4813'), false, 'applied patches need nothing');

    const lockLine =
      readFileSync(join(store, 'composer.lock'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"name": "magento/magento2-base"')) + 1;
    const applicable = byId.get('ACSD-48366')!;
    assert.equal(applicable.ruleId, 'applicable-patch');
    assert.deepEqual(applicable.locations[0].physicalLocation, {
      artifactLocation: { uri: 'composer.lock', uriBaseId: '%SRCROOT%' },
      region: { startLine: lockLine },
    });

    const skipped = byId.get('ACSD-61103')!;
    assert.equal(skipped.ruleId, 'needs-qpt-update');
    assert.deepEqual(skipped.suppressions, [
      { kind: 'external', justification: 'We do not sign customers in through the API.' },
    ]);

    const env = readFileSync(join(store, '.magento.env.yaml'), 'utf8').split('\n');
    for (const x of results.filter(
      (y) => y.locations[0].physicalLocation.artifactLocation.uri === '.magento.env.yaml',
    )) {
      const line = env[x.locations[0].physicalLocation.region.startLine - 1];
      assert.ok(line.includes(x.properties.patchId), `${x.properties.patchId} at "${line}"`);
    }
    assert.equal(byId.has('ACSD-90001'), false, 'a scheduled patch that applies needs nothing');
    assert.equal(byId.get('ACSD-90003')?.ruleId, 'deprecated-patch-in-use');
    assert.equal(byId.get('MDVA-404')?.ruleId, 'scheduled-patch-not-applicable');
    assert.equal(byId.get('MDVA-404')?.level, 'error');
    assert.match(
      r.stderr,
      /\.commerce-patches\.yaml:11:5: ACSD-1: decision must be apply, skip or investigate; entry skipped/,
    );
  });

  it('validates SARIF for a real Cloud lock with the real QPT catalog', function () {
    requireRealworld(this);
    const lock = realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock');
    const r = cli(
      [lock, '--format', 'sarif', '--no-bundled', '--catalog', realworld('qpt-1.1.82', 'support-patches.json')],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors()?.slice(0, 3), null, 2));
    assert.ok(log.runs[0].results.length > 300);
    assert.match(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\//);
  });

  it('writes Markdown for a job summary: counts and a table with the decisions', () => {
    const r = cli(['.', '--format', 'markdown'], store);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Adobe Commerce 2\.4\.6-p3 · Cloud · composer\.lock$/m);
    assert.match(r.stdout, /^\| Patch \| Finding \| Where \| Decision \|$/m);
    assert.match(
      r.stdout,
      /^\| \[ACSD-48366\]\([^)]+\) \| ACSD-48366 applies to 2\.4\.6-p3 and is not applied: .* \| `composer\.lock:\d+` \| investigate \|$/m,
    );
    assert.match(r.stdout, /^- Skipped by a decision \*\*1\*\*$/m);
  });

  it('shows decisions in the table and JSON, and --fail-on undecided fails until every applicable patch is decided', () => {
    const table = cli(['.'], store);
    assert.match(table.stdout, /↳ decision: skip · We do not sign customers in through the API\. · \(Jane, 2026-11/);
    const json = JSON.parse(cli(['.', '--format', 'json'], store).stdout) as TriageJson;
    const p = json.projects[0].patches.find((x) => x.id === 'ACSD-61103');
    assert.deepEqual(p?.decision, {
      decision: 'skip',
      note: 'We do not sign customers in through the API.',
      by: 'Jane',
      date: '2026-11-26',
    });

    const failing = cli(['.', '--fail-on', 'undecided'], store);
    assert.equal(failing.code, 1);
    const m = /(\d+) applicable patches are neither applied, scheduled nor decided: (.*)$/m.exec(failing.stderr);
    assert.ok(m, failing.stderr);
    assert.ok(!m[2].split(', ').includes('ACSD-61103') && !m[2].split(', ').includes('ACSD-90001'));
    const passing = cli(['.', '--fail-on', 'undecided', '--applied', m[2].split(', ').join(',')], store);
    assert.equal(passing.code, 0, passing.stderr);
  });
});
