import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogCache } from '../../../../src/core/catalog/catalogCache';
import { loadCatalog } from '../../../../src/core/catalog/load';
import { readQptInfo } from '../../../../src/core/catalog/qptJson';
import { readYamlCatalog } from '../../../../src/core/catalog/yamlCatalog';

describe('catalog: hostile and large catalogs', () => {
  it('reads YAML catalogs in time that grows linearly with the entries, and still finds a duplicate ID', function () {
    this.timeout(60_000);
    const catalog = (n: number) => {
      let text = 'patches:\n';
      for (let i = 0; i < n; i++) text += `  ACSD-${10000 + i}:\n    title: T${i}\n`;
      return text;
    };
    const best = (text: string) => {
      let min = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        assert.ok(readYamlCatalog(text, 'big.yaml').entries.length > 0);
        min = Math.min(min, Number(process.hrtime.bigint() - t0));
      }
      return min;
    };
    const small = catalog(2000);
    const large = catalog(16_000);
    best(small);
    // Eight times the entries: about eight times the time when linear, sixty-four times when quadratic (as it was).
    const ratio = best(large) / best(small);
    assert.ok(ratio < 24, `8x the entries took ${ratio.toFixed(1)}x the time`);
    const dup = readYamlCatalog(large + '  ACSD-10005:\n    title: again\n', 'dup.yaml');
    assert.deepEqual(dup.entries, []);
    assert.match(dup.problems[0].message, /the key "ACSD-10005" appears twice/);
    assert.equal(dup.problems[0].line, 32_002);
  });

  it('refuses brackets nested thousands deep before parsing', () => {
    const file = readYamlCatalog('patches:\n  ACSD-1:\n    title: ' + '['.repeat(40_000), 'deep.yaml');
    assert.match(file.problems[0].message, /brackets nested more than 64 deep/);
    assert.equal(file.problems[0].line, 3);
  });

  it('names what is missing: a title, or the ID of a patches-info entry', () => {
    const yaml = readYamlCatalog('patches:\n  ACSD-1:\n    categories: [Other]\n', 'x.yaml');
    assert.match(yaml.problems[0].message, /^"title" is missing/);
    const info = readQptInfo(
      { version: '1.1.50', patches: [{ releases: ['2.4.6'], description: 'x' }] },
      'patches-info.json',
    );
    assert.match(info.problems[0].message, /the patch ID is missing/);
    assert.doesNotMatch(info.problems[0].message, /\{0\}/);
  });

  it("turns the YAML library's warnings into problems instead of console lines", () => {
    const file = readYamlCatalog('patches:\n  ACSD-1:\n    title: !custom Title\n', 'x.yaml');
    assert.ok(
      file.problems.some((p) => p.severity === 'warning' && /YAML warning: /.test(p.message)),
      JSON.stringify(file.problems),
    );
  });

  it('reads an extra catalog once per run and shares the merged catalog between the locks that use it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpt-cache-'));
    try {
      const extra = join(dir, 'extra.yaml');
      writeFileSync(extra, 'patches:\n  ACSD-1:\n    title: One\n');
      const cache = new CatalogCache();
      const a = loadCatalog({ bundled: true, extraFiles: [extra], cache });
      writeFileSync(extra, 'patches:\n  ACSD-2:\n    title: Two\n');
      const b = loadCatalog({ bundled: true, extraFiles: [extra], cache });
      assert.equal(a.patches, b.patches);
      assert.ok(b.patches.has('ACSD-1'));
      assert.ok(loadCatalog({ bundled: true, extraFiles: [extra] }).patches.has('ACSD-2'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
