import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeCatalog } from '../../../../src/core/catalog/merge';
import type { Signature } from '../../../../src/core/catalog/signature';
import { readYamlCatalog } from '../../../../src/core/catalog/yamlCatalog';
import { evaluateSignature } from '../../../../src/core/evidence/evaluate';
import type { Evidence } from '../../../../src/core/evidence/evidence';
import { storeEvidence } from '../../../../src/core/evidence/storeEvidence';
import { readProject } from '../../../../src/core/lock/read';
import { triage } from '../../../../src/core/triage/triage';
import { repoRoot } from '../../../support/realworld';

const SAMPLE = join(repoRoot(), 'test', 'fixtures', 'sample-store');

const CATALOG = `
patches:
  ACSD-90001:
    title: Plain log evidence
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { and: [ { type: log, path: var/log/exception.log, match: "*boom one in */One.php" } ] }
  ACSD-90002:
    title: Old fix
    packages: { magento/magento2-base: { ">=2.4 <2.5": { replaced-with: ACSD-90004 } } }
    metadata: { or: [ { type: log, path: var/log/system.log, match: "chain signature" } ] }
  ACSD-90003:
    title: Middle fix
    packages: { magento/magento2-base: { ">=2.4 <2.5": { replaced-with: ACSD-90004 } } }
    metadata: { type: log, path: var/log/system.log, match: "chain signature" }
  ACSD-90004:
    title: Current fix
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
  ACSD-90005:
    title: Not for this version
    packages: { magento/magento2-base: { ">=9.0": {} } }
    metadata: { type: log, path: var/log/exception.log, match: "boom one" }
  ACSD-90006:
    title: Applied already
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { type: log, path: var/log/exception.log, match: "boom one" }
  ACSD-50336:
    title: Scheduled in .magento.env.yaml
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { type: log, path: var/log/exception.log, match: "boom one" }
  ACSD-90007:
    title: Log and setting
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { and: [ { type: log, path: var/log/exception.log, match: "boom two" }, { type: config, path: dev/js/minify_files, match: 1 } ] }
  ACSD-90008:
    title: A setting, or a log that is missing
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { or: [ { type: log, path: var/log/cron.log, match: "never" }, { and: [ { type: config, path: remote_storage/driver, match: aws-s3 } ] } ] }
  ACSD-90009:
    title: A log line, but a setting not in the files
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { and: [ { type: log, path: var/log/exception.log, match: "boom two" }, { type: config, path: carriers/dhl/active, match: "1" } ] }
  ACSD-90010:
    title: A setting with another value
    packages: { magento/magento2-base: { ">=2.4 <2.5": {} } }
    metadata: { or: [ { type: config, path: dev/js/minify_files, match: "0" }, { type: log, path: var/log/exception.log, match: "absent text" } ] }
`;

describe('evidence: recommendations for a store', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cpt-store-'));
    for (const f of ['composer.json', 'composer.lock', '.magento.env.yaml'])
      copyFileSync(join(SAMPLE, f), join(root, f));
    mkdirSync(join(root, 'var', 'log'), { recursive: true });
    mkdirSync(join(root, 'app', 'etc'), { recursive: true });
    writeFileSync(
      join(root, 'var/log/exception.log'),
      '[2025-01-02T03:04:05+00:00] main.CRITICAL: boom one in /app/One.php\nboom two\n',
    );
    writeFileSync(join(root, 'var/log/system.log.1'), 'x\nchain signature\n');
    writeFileSync(
      join(root, 'app/etc/env.php'),
      "<?php return ['remote_storage' => ['driver' => 'aws-s3'], 'system' => ['default' => ['dev' => ['js' => ['minify_files' => true]]]]];",
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function run(applied: readonly string[] = ['ACSD-90006']) {
    const loaded = readYamlCatalog(CATALOG, 'test.yaml');
    assert.deepEqual(loaded.problems, []);
    const result = triage(readProject(join(root, 'composer.lock')), mergeCatalog([loaded]));
    return storeEvidence(result, { applied: (id) => (applied.includes(id) ? 'applied' : undefined) });
  }

  it('recommends applicable patches whose signature holds, with the evidence, and lists applied ones apart', async () => {
    const { recommendations, problems, logFiles } = await run();
    assert.deepEqual(problems, []);
    assert.deepEqual(logFiles.sort(), [join(root, 'var/log/exception.log'), join(root, 'var/log/system.log.1')]);
    const summary = recommendations.map((r) => [r.entry.patch.id, r.recommended, r.state ?? null, r.via]);
    assert.deepEqual(summary, [
      ['ACSD-90001', true, null, ['ACSD-90001']],
      ['ACSD-90004', true, null, ['ACSD-90002', 'ACSD-90003']],
      ['ACSD-90007', true, null, ['ACSD-90007']],
      ['ACSD-90008', true, null, ['ACSD-90008']],
      ['ACSD-50336', false, 'scheduled', ['ACSD-50336']],
      ['ACSD-90002', false, null, ['ACSD-90002']],
      ['ACSD-90003', false, null, ['ACSD-90003']],
      ['ACSD-90006', false, 'applied', ['ACSD-90006']],
    ]);
    assert.deepEqual(
      recommendations.map((r) => r.replacement?.patch.id ?? null),
      [null, null, null, null, null, 'ACSD-90004', 'ACSD-90004', null],
      'a deprecated patch whose signature holds names the replacement its evidence recommends',
    );
    const byId = new Map(recommendations.map((r) => [r.entry.patch.id, r.evidence]));
    assert.deepEqual(byId.get('ACSD-90001'), [
      {
        type: 'log',
        file: join(root, 'var/log/exception.log'),
        line: 1,
        text: '[2025-01-02T03:04:05+00:00] main.CRITICAL: boom one in /app/One.php',
        timestamp: '2025-01-02T03:04:05+00:00',
        match: '*boom one in */One.php',
        count: 1,
      },
    ]);
    assert.deepEqual(
      byId.get('ACSD-90004'),
      [
        {
          type: 'log',
          file: join(root, 'var/log/system.log.1'),
          line: 2,
          text: 'chain signature',
          match: 'chain signature',
          count: 1,
        },
      ],
      'shared evidence once',
    );
    assert.deepEqual(
      byId.get('ACSD-90007')?.map((e) => e.type),
      ['log', 'config'],
    );
    assert.deepEqual(byId.get('ACSD-90008'), [
      { type: 'config', path: 'remote_storage/driver', value: 'aws-s3', source: join(root, 'app/etc/env.php') },
    ]);
    assert.equal(byId.get('ACSD-90006')?.length, 1, 'an applied patch keeps its evidence');
    assert.deepEqual(byId.get('ACSD-90002'), byId.get('ACSD-90004'), 'a deprecated patch keeps its own evidence');
    assert.deepEqual(byId.get('ACSD-90003'), byId.get('ACSD-90004'));
  });

  it("points a deprecated patch's evidence at its replacement when that is applied, recommending nothing", async () => {
    const { recommendations } = await run(['ACSD-90004']);
    const chain = recommendations
      .filter((r) => ['ACSD-90002', 'ACSD-90003', 'ACSD-90004'].includes(r.entry.patch.id))
      .map((r) => [r.entry.patch.id, r.recommended, r.state ?? null, r.replacement?.patch.id ?? null]);
    assert.deepEqual(chain, [
      ['ACSD-90002', false, null, 'ACSD-90004'],
      ['ACSD-90003', false, null, 'ACSD-90004'],
      ['ACSD-90004', false, 'applied', null],
    ]);
  });

  it('evaluates a deprecated patch that is applied itself as its own, not as its replacement', async () => {
    const { recommendations } = await run(['ACSD-90002']);
    const own = recommendations.find((r) => r.entry.patch.id === 'ACSD-90002');
    assert.deepEqual([own?.recommended, own?.state, own?.replacement], [false, 'applied', undefined]);
    assert.deepEqual(recommendations.find((r) => r.entry.patch.id === 'ACSD-90004')?.via, ['ACSD-90003']);
  });

  it('evaluates and/or with unknown values: unknown unless the other parts decide', () => {
    const yes = { type: 'log', path: 'y', match: 'y' } as const;
    const no = { type: 'log', path: 'n', match: 'n' } as const;
    const unknown = { type: 'config', path: 'a/b', match: '1' } as const;
    const line: Evidence = { type: 'log', file: 'f', line: 1, text: 'y', match: 'y', count: 1 };
    const facts = { logHits: (r: { path: string }) => (r.path === 'y' ? [line] : []) };
    const verdict = (s: Signature) => evaluateSignature(s, facts).verdict;
    assert.equal(verdict({ type: 'and', items: [yes, yes] }), 'yes');
    assert.equal(verdict({ type: 'and', items: [yes, no] }), 'no');
    assert.equal(verdict({ type: 'and', items: [yes, unknown] }), 'unknown');
    assert.equal(verdict({ type: 'and', items: [unknown, no] }), 'no');
    assert.equal(verdict({ type: 'or', items: [no, yes] }), 'yes');
    assert.equal(verdict({ type: 'or', items: [no, unknown] }), 'unknown');
    assert.equal(verdict({ type: 'or', items: [no, no] }), 'no');
    assert.equal(
      verdict({ type: 'or', items: [{ type: 'and', items: [yes, { type: 'or', items: [no, yes] }] }] }),
      'yes',
    );
    assert.deepEqual(evaluateSignature({ type: 'or', items: [yes, no, yes] }, facts).evidence, [line, line]);
  });
});
