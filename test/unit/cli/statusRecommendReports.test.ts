import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { removeTree, tempRoot, writeFile } from '../../support/patchTrees';
import { repoRoot } from '../../support/realworld';
import { sarifValidator } from '../../support/sarifSchema';
import { makeStore } from '../../support/statusStore';

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } };
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  properties: { patchId: string };
  suppressions?: { kind: string; justification: string }[];
}

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: SarifResult[] }[];
}

/** The SARIF log a command prints, checked against the official schema. */
function sarif(args: string[], cwd: string): SarifLog {
  const r = runCli([...args, '--format', 'sarif'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors()?.slice(0, 3), null, 2));
  for (const rule of log.runs[0].tool.driver.rules)
    assert.match(rule.helpUri, /^https:\/\/experienceleague\.adobe\.com\//);
  return log;
}

const uri = (l: SarifLocation) => l.physicalLocation.artifactLocation.uri;
const line = (l: SarifLocation) => l.physicalLocation.region?.startLine;

describe('command line: status reports for CI', function () {
  this.timeout(30000);
  let root: string;
  before(() => {
    root = tempRoot('cli-status-reports');
    makeStore(root);
    writeFile(
      root,
      '.commerce-patches.yaml',
      'decisions:\n  ACSD-90004:\n    decision: skip\n    note: Not our grid.\n',
    );
  });
  after(() => removeTree(root));

  it('writes valid SARIF: a result per conflict, not-applied patch and local conflict, with the vendor file as related place', () => {
    const results = sarif(['status', '.', '--no-bundled'], root).runs[0].results;
    const byId = new Map(results.map((r) => [r.properties.patchId, r]));
    assert.deepEqual(
      results.map((r) => [r.properties.patchId, r.ruleId, r.level]),
      [
        ['ACSD-90001', 'patch-not-applied', 'note'],
        ['ACSD-90003', 'patch-conflict', 'warning'],
        ['ACSD-90004', 'patch-not-applied', 'note'],
        ['m2-hotfixes/02-b.patch', 'local-patch-conflict', 'warning'],
      ],
    );
    const conflict = byId.get('ACSD-90003')!;
    assert.equal(uri(conflict.locations[0]), 'composer.lock');
    assert.equal(line(conflict.locations[0]), 1, 'the lock line of magento/magento2-base (a one-line lock)');
    assert.match(
      conflict.message.text,
      /ACSD-90003 conflicts with the vendor files \(vendor\/.*Gone\.php is missing\)/,
    );
    assert.equal(uri(conflict.relatedLocations![0]), 'vendor/magento/framework/Gone.php');
    const local = byId.get('m2-hotfixes/02-b.patch')!;
    assert.equal(uri(local.locations[0]), 'm2-hotfixes/02-b.patch');
    assert.deepEqual(
      [uri(local.relatedLocations![0]), line(local.relatedLocations![0])],
      ['vendor/magento/framework/C.php', 1],
    );
    assert.deepEqual(byId.get('ACSD-90004')!.suppressions, [{ kind: 'external', justification: 'Not our grid.' }]);
    assert.equal(byId.has('ACSD-90002'), false, 'an applied patch needs nothing');
  });

  it('locates a conflicting patch scheduled in .magento.env.yaml at its line, as an error', () => {
    const cloud = tempRoot('cli-status-cloud');
    try {
      makeStore(cloud);
      const lock = JSON.parse(readFileSync(join(cloud, 'composer.lock'), 'utf8')) as { packages: object[] };
      lock.packages.push({ name: 'magento/magento-cloud-metapackage', version: '2.4.6-p3', type: 'metapackage' });
      writeFileSync(join(cloud, 'composer.lock'), JSON.stringify(lock));
      writeFile(
        cloud,
        '.magento.env.yaml',
        'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-90001\n      - ACSD-90003\n',
      );
      const results = sarif(['status', '.', '--no-bundled'], cloud).runs[0].results;
      const byId = new Map(results.map((r) => [r.properties.patchId, r]));
      assert.equal(byId.has('ACSD-90001'), false, 'the Cloud build applies a scheduled patch');
      const scheduled = byId.get('ACSD-90003')!;
      assert.equal(scheduled.ruleId, 'scheduled-patch-conflict');
      assert.equal(scheduled.level, 'error');
      assert.deepEqual([uri(scheduled.locations[0]), line(scheduled.locations[0])], ['.magento.env.yaml', 5]);
    } finally {
      removeTree(cloud);
    }
  });

  it('writes Markdown for a job summary: counts per rule and a table with the places', () => {
    const r = runCli(['status', '.', '--no-bundled', '--format', 'markdown'], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Magento Open Source 2\.4\.6-p3 · composer\.lock$/m);
    assert.match(r.stdout, /^- A patch that applies to the installed version matches the vendor files .* \*\*1\*\*$/m);
    assert.match(
      r.stdout,
      /^\| \[ACSD-90003\]\([^)]+\) \| ACSD-90003 conflicts with the vendor files .* · `vendor\/magento\/framework\/Gone\.php` \| `composer\.lock:1` \| {2}\|$/m,
    );
    assert.match(r.stdout, /^- Skipped by a decision \*\*1\*\*$/m);
    const sv = runCli(['status', '.', '--no-bundled', '--format', 'markdown', '--locale', 'sv'], { cwd: root });
    assert.match(sv.stdout, /^\| Patch \| Fynd \| Var \| Beslut \|$/m);
  });

  it('names the four formats in its help and refuses others', () => {
    assert.match(runCli(['status', '--help']).stdout, /--format table\|json\|markdown\|sarif/);
    const bad = runCli(['status', root, '--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be table, json, markdown or sarif, not 'xml'/);
  });
});

describe('command line: recommend reports for CI', function () {
  this.timeout(30000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cpt-recommend-reports-'));
    cpSync(join(repoRoot(), 'test', 'fixtures', 'evidence-store'), root, { recursive: true });
    writeFile(
      root,
      'var/log/exception.log',
      '[2026-11-20T08:00:00.000000+00:00] main.CRITICAL: noise\n' +
        '[2026-11-20T08:01:00.000000+00:00] main.CRITICAL: DivisionByZeroError: Division by zero in /app/vendor/magento/module-sales/Model/Order/Tax.php\n',
    );
    writeFile(
      root,
      'app/etc/env.php',
      "<?php\nreturn ['system' => ['default' => ['dev' => ['js' => ['minify_files' => true]]]]];\n",
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes valid SARIF: one result per recommended patch at the lock line, its evidence as related places', () => {
    const results = sarif(['recommend', '.'], root).runs[0].results;
    assert.deepEqual(
      results.map((r) => [r.properties.patchId, r.ruleId, r.level]),
      [
        ['ACSD-90101', 'recommended-patch', 'warning'],
        ['ACSD-90103', 'recommended-patch', 'warning'],
      ],
    );
    const lockLine =
      readFileSync(join(root, 'composer.lock'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"name": "magento/magento2-base"')) + 1;
    const [log, config] = results;
    assert.deepEqual([uri(log.locations[0]), line(log.locations[0])], ['composer.lock', lockLine]);
    assert.deepEqual([uri(log.relatedLocations![0]), line(log.relatedLocations![0])], ['var/log/exception.log', 2]);
    assert.match(log.relatedLocations![0].message!.text, /^\[2026-11-20T08:01:00\.000000\+00:00\] main\.CRITICAL: Div/);
    assert.match(
      log.message.text,
      /ACSD-90101 is recommended: this store shows what it fixes \(var\/log\/exception\.log:2\)/,
    );
    assert.equal(uri(config.relatedLocations![0]), 'app/etc/env.php');
    assert.equal(config.relatedLocations![0].message!.text, 'dev/js/minify_files = "1"');
  });

  it('marks a scheduled patch whose evidence is still there as a note at its .magento.env.yaml line', () => {
    writeFile(root, '.magento.env.yaml', 'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-90103\n');
    try {
      const results = sarif(['recommend', '.'], root).runs[0].results;
      const scheduled = results.find((r) => r.properties.patchId === 'ACSD-90103')!;
      assert.equal(scheduled.ruleId, 'evidence-after-fix');
      assert.equal(scheduled.level, 'note');
      assert.deepEqual([uri(scheduled.locations[0]), line(scheduled.locations[0])], ['.magento.env.yaml', 4]);
    } finally {
      rmSync(join(root, '.magento.env.yaml'));
    }
  });

  it('writes Markdown with the evidence after each finding, translated', () => {
    const r = runCli(['recommend', '.', '--format', 'markdown'], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Magento Open Source 2\.4\.7-p1 · composer\.lock$/m);
    assert.match(
      r.stdout,
      /^\| \[ACSD-90101\]\([^)]+\) \| .* · `var\/log\/exception\.log:2` \| `composer\.lock:\d+` \|/m,
    );
    const ja = runCli(['recommend', '.', '--format', 'markdown', '--locale', 'ja'], { cwd: root });
    assert.equal(ja.code, 0, ja.stderr);
    assert.doesNotMatch(ja.stdout, /is recommended: this store shows/);
    assert.match(runCli(['recommend', '--help']).stdout, /--format table\|json\|markdown\|sarif/);
  });
});
