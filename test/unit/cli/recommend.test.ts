import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { realworld, requireRealworld } from '../../support/realworld';
import { runCli } from '../../support/cli';

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env, timeout: 60_000 });

interface RecommendReport {
  projects: Array<{
    lockFile: string;
    product: { version: string } | null;
    recommendations: Array<{
      id: string;
      status: string;
      state?: string;
      recommended: boolean;
      via: string[];
      evidence: Array<
        | { type: 'log'; file: string; line: number; text: string }
        | { type: 'config'; path: string; value: string; source: string }
      >;
    }>;
    deprecated: Array<{ id: string; status: string; apply: string; evidence: unknown[] }>;
  }>;
}

describe('command line: recommend', function () {
  this.timeout(30000);
  let root: string;
  const catalog = () => realworld('qpt-1.1.82', 'support-patches.json');
  before(function () {
    requireRealworld(this);
    root = mkdtempSync(join(tmpdir(), 'cpt-recommend-'));
    copyFileSync(realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock'), join(root, 'composer.lock'));
    writeFileSync(join(root, 'composer.json'), '{}');
    // Every Adobe fixture line, exception.log in var/log, system.log rotated and compressed, the rest downloaded.
    const fixtures = realworld('qpt-1.1.82', 'metadata-fixtures');
    const byName = new Map<string, string[]>();
    for (const id of readdirSync(fixtures)) {
      for (const name of readdirSync(join(fixtures, id, 'var', 'log'))) {
        const text = readFileSync(join(fixtures, id, 'var', 'log', name), 'utf8');
        byName.set(name, [...(byName.get(name) ?? []), text.endsWith('\n') ? text : text + '\n']);
      }
    }
    mkdirSync(join(root, 'var', 'log'), { recursive: true });
    mkdirSync(join(root, 'downloaded'), { recursive: true });
    mkdirSync(join(root, 'app', 'etc'), { recursive: true });
    for (const [name, texts] of byName) {
      const text = texts.join('');
      if (name === 'exception.log') writeFileSync(join(root, 'var/log', name), text);
      else if (name === 'system.log') writeFileSync(join(root, 'var/log', 'system.log.1.gz'), gzipSync(text));
      else writeFileSync(join(root, 'downloaded', name), text);
    }
    writeFileSync(join(root, 'app/etc/env.php'), "<?php\nreturn ['remote_storage' => ['driver' => 'aws-s3']];\n");
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('prints the JSON contract: only applicable patches, each with its evidence', () => {
    const r = cli(['recommend', root, '--catalog', catalog(), '--logs', join(root, 'downloaded'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as RecommendReport;
    assert.equal(report.projects.length, 1);
    const triage = JSON.parse(cli(['triage', root, '--catalog', catalog(), '--format', 'json']).stdout) as {
      projects: Array<{ patches: Array<{ id: string; status: string }> }>;
    };
    const applicable = new Map(triage.projects[0].patches.map((p) => [p.id, p.status]));
    const recs = report.projects[0].recommendations;
    assert.ok(recs.length > 20, `${recs.length} recommendations`);
    for (const rec of recs) {
      assert.equal(applicable.get(rec.id), rec.status, `${rec.id} applies to 2.4.6-p3`);
      assert.notEqual(rec.status, 'deprecated');
      assert.ok(rec.evidence.length > 0);
    }
    // A fixture of a patch that does not apply to 2.4.6-p3 is in the logs, but not recommended.
    assert.ok(!recs.some((r) => r.id === 'ACP2E-3964'), 'ACP2E-3964 (>=2.4.7 <2.4.8) is not for 2.4.6-p3');
    assert.equal(applicable.get('ACP2E-3964'), undefined);
    const s3 = recs.find((r) => r.id === 'ACP2E-4786');
    assert.ok(s3, 'log line and setting');
    assert.deepEqual(
      s3.evidence.map((e) => (e.type === 'log' ? [e.type, e.file, e.line] : [e.type, e.path, e.value, e.source])),
      [
        ['log', join(root, 'var/log/system.log.1.gz'), s3.evidence[0].type === 'log' ? s3.evidence[0].line : 0],
        ['config', 'remote_storage/driver', 'aws-s3', join(root, 'app/etc/env.php')],
      ],
    );
    const downloaded = recs
      .flatMap((r) => r.evidence)
      .filter((e) => e.type === 'log' && e.file.startsWith(join(root, 'downloaded')));
    assert.ok(downloaded.length > 0, 'the extra log folder is read');
  });

  it('lists deprecated patches whose evidence recommends their replacement, apart from the recommendations', () => {
    const args = ['recommend', root, '--catalog', catalog(), '--logs', join(root, 'downloaded')];
    const report = JSON.parse(cli([...args, '--format', 'json']).stdout) as RecommendReport;
    const { recommendations, deprecated } = report.projects[0];
    assert.ok(deprecated.length > 0, 'the 2.4.6-p3 store has fixture lines of deprecated patches');
    for (const d of deprecated) {
      assert.equal(d.status, 'deprecated');
      assert.ok(d.evidence.length > 0, d.id);
      const to = recommendations.find((r) => r.id === d.apply);
      assert.ok(to?.via.includes(d.id), `${d.id}: ${d.apply} lists it among the patches whose signature matched`);
      assert.ok(!recommendations.some((r) => r.id === d.id), `${d.id} is not itself a recommendation`);
    }
    const chain = deprecated.find((d) => d.id === 'ACSD-49970');
    // ACSD-49970 → -V2 → -V3 → ACSD-54095 for 2.4.6-p3.
    assert.equal(chain?.apply, 'ACSD-54095', 'the chain is followed to the patch that is not deprecated');
    const table = cli(args).stdout;
    assert.match(table, new RegExp(`Deprecated, their evidence recommends the replacement \\(${deprecated.length}\\)`));
    assert.match(table, /ACSD-49970 {6}.*\n(?: {19}↳ .*\n)*? {19}↳ evidence → apply ACSD-54095 \(replacement\)/);
  });

  it('prints a table in the display language, and says when nothing matches', () => {
    const r = cli(['recommend', root, '--catalog', catalog(), '--locale', 'sv']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Rekommenderas för den här butiken \(\d+\)/);
    assert.match(r.stdout, /var\/log\/exception\.log:\d+/);
    const empty = mkdtempSync(join(tmpdir(), 'cpt-recommend-empty-'));
    try {
      copyFileSync(join(root, 'composer.lock'), join(empty, 'composer.lock'));
      const none = cli(['recommend', empty, '--catalog', catalog()]);
      assert.equal(none.code, 0, none.stderr);
      assert.match(
        none.stdout,
        /Recommended for this store \(0\)\n {2}No log line or setting of this store matches a signature\./,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('exits 2 on a bad command line or unusable input', () => {
    assert.equal(cli(['recommend', '--format', 'xml', root]).code, 2);
    assert.equal(cli(['recommend', root, root]).code, 2);
    const missing = cli(['recommend', root, '--catalog', join(root, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /catalog file not found/);
  });
});
