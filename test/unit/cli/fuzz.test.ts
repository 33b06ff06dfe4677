import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeLock } from '../../../src/core/analyze';
import { InputError } from '../../../src/core/problem';
import { english } from '../../../src/core/text/translate';
import { jsonReport } from '../../../src/cli/jsonReport';
import { tableReport } from '../../../src/cli/tableReport';
import { CLI, CONTROL } from '../../support/cli';
import { FUZZ_SCALE, FUZZ_SEED, hostileVersion, mutateJson, mutateText, Random } from '../../support/fuzz';

const LOCK = {
  packages: [
    { name: 'magento/magento2-base', version: '2.4.6-p3' },
    { name: 'magento/magento2-ee-base', version: '2.4.6-p3' },
    { name: 'magento/quality-patches', version: '1.1.50' },
    { name: 'magento/module-page-builder', version: '2.2.4-p3' },
  ],
  'packages-dev': [],
};

const SUPPORT = {
  'ACSD-1': {
    title: 'One',
    categories: ['Other'],
    packages: { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'os/ACSD-1.patch' } } },
  },
  'MDVA-2': {
    title: 'Two',
    categories: ['Checkout'],
    packages: {
      'magento/magento2-ee-base': {
        '>=2.4.4 <2.4.6-p4 || 2.4.7': { file: 'commerce/MDVA-2.patch', require: ['ACSD-1'] },
      },
    },
  },
  'ACP2E-3': {
    title: 'Three',
    categories: ['Other'],
    packages: { 'magento/module-page-builder': { '^2.2': { file: 'x.patch', 'replaced-with': 'ACSD-1' } } },
  },
};

const INFO = {
  version: '1.1.50',
  patches: [
    {
      id: 'ACSD-1',
      releases: ['2.4.6', '2.4.6-p3'],
      description: 'One',
      categories: ['Other'],
      origin: 'Adobe Commerce Support',
      components: [],
    },
    {
      id: 'MDVA-2',
      releases: ['2.4.5'],
      description: 'Two',
      categories: ['Checkout'],
      origin: 'Adobe Commerce Support',
      components: ['magento/module-checkout'],
    },
  ],
};

const YAML = `patches:
  ACSD-1:
    title:
      en: One
      sv: Ett
    categories: [Other]
    fixed-in: "2.4.7"
    packages:
      magento/magento2-base:
        ">=2.4.6 <2.4.7":
          file: os/ACSD-1.patch
  MDVA-2:
    title: Two
    require: [ACSD-1]
    packages:
      magento/magento2-ee-base:
        "~2.4.6-p1 || ^2.5":
          replaced-with: ACSD-1
`;

type Format = 'yaml' | 'support' | 'info';

/** One fuzz case: a mutated lock and a mutated catalog of one of the three formats, written into `dir`. */
function writeCase(r: Random, dir: string): { lock: string; catalog: string; format: Format } {
  const lockData = r.chance(0.5) ? mutateJson(LOCK, r, 0.3) : LOCK;
  let lockText = JSON.stringify(lockData, null, r.chance(0.5) ? 4 : undefined);
  if (r.chance(0.3)) lockText = mutateText(lockText, r);
  if (r.chance(0.2))
    lockText = JSON.stringify({ packages: [{ name: 'magento/magento2-base', version: hostileVersion(r) }] });
  const format: Format = r.pick(['yaml', 'support', 'info'] as const);
  let catalogText: string;
  if (format === 'yaml') catalogText = r.chance(0.8) ? mutateText(YAML, r) : YAML;
  else {
    const data = format === 'support' ? SUPPORT : INFO;
    catalogText = JSON.stringify(r.chance(0.7) ? mutateJson(data, r, 0.3) : data);
    if (r.chance(0.3)) catalogText = mutateText(catalogText, r);
  }
  const lock = join(dir, 'composer.lock');
  const catalog = join(
    dir,
    format === 'yaml' ? 'catalog.yaml' : format === 'support' ? 'support-patches.json' : 'patches-info.json',
  );
  writeFileSync(lock, lockText);
  writeFileSync(catalog, catalogText);
  return { lock, catalog, format };
}

describe('fuzzing locks and catalogs in the three formats', function () {
  this.timeout(0);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-fuzz-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const inProcess = Math.round(300 * FUZZ_SCALE);
  it(`${inProcess} cases in process (seed ${FUZZ_SEED}): an unusable lock is an InputError, the table has no control character`, () => {
    const r = new Random(FUZZ_SEED);
    let usable = 0;
    for (let i = 0; i < inProcess; i++) {
      const caseDir = join(dir, `in-${i % 4}`);
      mkdirSync(caseDir, { recursive: true });
      const { lock, catalog } = writeCase(r, caseDir);
      const label = `case ${i} (${JSON.stringify(readFileSync(lock, 'utf8').slice(0, 60))}…, ${JSON.stringify(readFileSync(catalog, 'utf8').slice(0, 60))}…)`;
      const t0 = Date.now();
      let analysis;
      try {
        analysis = analyzeLock(lock, { bundled: r.chance(0.3), extraCatalogs: [catalog] });
      } catch (e) {
        assert.ok(e instanceof InputError, `${label}: ${(e as Error).stack}`);
        assert.doesNotMatch(e.message, /\n/, `a line break in the message of ${label}`);
      }
      if (analysis !== undefined) {
        const table = tableReport([analysis], true, 'en', english, dir);
        assert.doesNotMatch(table, CONTROL, `a control character in the table of ${label}`);
        for (const line of table.split('\n'))
          assert.ok([...line].length <= 100, `${JSON.stringify(line)} is too long in ${label}`);
        JSON.parse(jsonReport([analysis], true, 'en'));
        for (const p of analysis.problems)
          assert.doesNotMatch(p.message, /\n/, `a line break in ${JSON.stringify(p.message)} of ${label}`);
        usable++;
      }
      assert.ok(Date.now() - t0 < 2000, `${label}: took ${Date.now() - t0} ms`);
    }
    assert.ok(usable > inProcess / 4, `only ${usable} usable cases`);
  });

  const processes = Math.round(8 * FUZZ_SCALE);
  it(`${processes} whole command-line runs (seed ${FUZZ_SEED}): exit 0 or 2, one-line messages, clean output, < 2 s CPU, bounded memory`, () => {
    const r = new Random(FUZZ_SEED + 1);
    // Each run reports its CPU time and peak memory from a script loaded before the command line.
    const report = join(dir, 'usage.json');
    const preload = join(dir, 'usage.js');
    writeFileSync(
      preload,
      `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS })); });`,
    );
    for (let i = 0; i < processes; i++) {
      const caseDir = join(dir, `run-${i}`);
      mkdirSync(caseDir, { recursive: true });
      const { lock, catalog } = writeCase(r, caseDir);
      const format = r.pick(['table', 'json']);
      const run = spawnSync(
        process.execPath,
        ['-r', preload, CLI, 'triage', lock, '--catalog', catalog, '--all', '--format', format],
        {
          encoding: 'utf8',
          env: { ...process.env, LANG: 'C', LC_ALL: '', LANGUAGE: '' },
          timeout: 30_000,
        },
      );
      const label = `run ${i} (${JSON.stringify(readFileSync(lock, 'utf8').slice(0, 60))}…, ${JSON.stringify(readFileSync(catalog, 'utf8').slice(0, 60))}…): ${JSON.stringify(run.stderr.slice(0, 500))}`;
      assert.ok(run.status === 0 || run.status === 2, `${label}: exit ${run.status}`);
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      if (run.status === 2) assert.equal(lines.length, 1, label);
      for (const line of lines) assert.match(line, /^commerce-patches: /, label);
      assert.doesNotMatch(run.stderr, /\n\s+at |node:internal|\.js:\d+:\d+\)/, label);
      assert.doesNotMatch(run.stderr, CONTROL, label);
      if (format === 'table') assert.doesNotMatch(run.stdout, CONTROL, label);
      else if (run.status === 0) JSON.parse(run.stdout);
      const usage = JSON.parse(readFileSync(report, 'utf8')) as { cpu: number; rss: number };
      assert.ok(usage.cpu < 2000, `${label}: ${usage.cpu} ms of CPU`);
      assert.ok(usage.rss < 400 * 1024, `${label}: ${usage.rss} KB of memory`);
    }
  });
});
