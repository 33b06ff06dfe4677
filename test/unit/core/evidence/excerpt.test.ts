import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readExcerpt } from '../../../../src/core/evidence/excerpt';
import { newMatches } from '../../../../src/core/evidence/newEvidence';
import type { Recommendation } from '../../../../src/core/evidence/recommend';

describe('evidence: excerpts of big logs and new matches', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'cpt-excerpt-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const lines = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} é`);

  it('streams the lines around a line, from plain and gzip logs, CRLF and long lines included', async () => {
    const plain = join(dir, 'system.log');
    writeFileSync(plain, lines.join('\r\n') + '\r\n');
    assert.deepEqual(await readExcerpt(plain, 2500, 2), {
      text: 'line 2498 é\nline 2499 é\nline 2500 é\nline 2501 é\nline 2502 é',
      firstLine: 2498,
      at: 2,
    });
    assert.deepEqual(await readExcerpt(plain, 1, 1), { text: 'line 1 é\nline 2 é', firstLine: 1, at: 0 });
    const gz = join(dir, 'system.log.2.gz');
    writeFileSync(gz, gzipSync(lines.join('\n')));
    assert.deepEqual(await readExcerpt(gz, 5000, 1), { text: 'line 4999 é\nline 5000 é', firstLine: 4999, at: 1 });
    assert.equal((await readExcerpt(gz, 9000, 1)).at, -1);
    const long = join(dir, 'long.log');
    writeFileSync(long, `a\n${'x'.repeat(100_000)}\nb\n`);
    const e = await readExcerpt(long, 2, 1);
    assert.equal(e.text.split('\n')[1].length, 2001);
  });

  it('tells which recommended patches match new lines since the previous scan', () => {
    const rec = (id: string, count: number, recommended = true): Recommendation =>
      ({
        entry: { patch: { id } },
        recommended,
        via: [id],
        evidence: [{ type: 'log', file: '/s/var/log/exception.log', line: 9, text: 'x', match: 'x', count }],
      }) as unknown as Recommendation;
    assert.deepEqual(newMatches([rec('ACSD-1', 1)], [rec('ACSD-1', 1)]), []);
    assert.deepEqual(newMatches([rec('ACSD-1', 1)], [rec('ACSD-1', 2), rec('ACSD-2', 1), rec('ACSD-3', 1, false)]), [
      { id: 'ACSD-1', file: '/s/var/log/exception.log' },
      { id: 'ACSD-2', file: '/s/var/log/exception.log' },
    ]);
  });
});
