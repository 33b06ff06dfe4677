import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanLogFile } from '../../../../src/core/evidence/logFile';
import { LogRuleSet } from '../../../../src/core/evidence/logRules';
import { logFilesFor } from '../../../../src/core/evidence/logSources';

describe('evidence: scanning a log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rules = new LogRuleSet([
    'Division by zero in */Tax.php',
    'Cannot return null for non-nullable field "*"',
    'id ?,',
  ]);

  it('reports each matching line with its number, trimmed text and time stamp', async () => {
    const file = join(dir, 'exception.log');
    writeFileSync(
      file,
      [
        'noise',
        '[2024-03-13T22:10:46.449411+00:00] report.CRITICAL: DivisionByZeroError: Division by zero in /app/Model/Tax.php',
        '  Cannot return null for non-nullable field "CompanyTeam.structure_id"  ',
        '[2021-11-22 08:30:56] main.INFO: id 7, fine',
        '',
      ].join('\n'),
    );
    const scan = await scanLogFile(file, rules);
    assert.equal(scan.problem, undefined);
    assert.deepEqual(scan.hits[0], {
      count: 1,
      recent: [
        {
          line: 2,
          text: '[2024-03-13T22:10:46.449411+00:00] report.CRITICAL: DivisionByZeroError: Division by zero in /app/Model/Tax.php',
          timestamp: '2024-03-13T22:10:46.449411+00:00',
        },
      ],
    });
    assert.deepEqual(scan.hits[1], {
      count: 1,
      recent: [{ line: 3, text: 'Cannot return null for non-nullable field "CompanyTeam.structure_id"' }],
    });
    assert.deepEqual(scan.hits[2]?.recent[0], {
      line: 4,
      text: '[2021-11-22 08:30:56] main.INFO: id 7, fine',
      timestamp: '2021-11-22 08:30:56',
    });
  });

  it('reads CRLF logs: the \\r is part of the line ending', async () => {
    const file = join(dir, 'crlf.log');
    writeFileSync(file, 'a\r\nid 7,\r\nDivision by zero in x/Tax.php\r\nlast id 8,\r');
    const scan = await scanLogFile(file, new LogRuleSet(['id ?,', '*/Tax.php', 'Tax.php?']));
    assert.deepEqual(
      scan.hits[0]?.recent.map((h) => [h.line, h.text]),
      [
        [2, 'id 7,'],
        [4, 'last id 8,'],
      ],
    );
    assert.deepEqual(
      scan.hits[1]?.recent.map((h) => h.line),
      [3],
    );
    assert.equal(scan.hits[2], undefined, 'the \\r is not a character of the line');
  });

  it('reads invalid UTF-8 as U+FFFD and goes on matching', async () => {
    const file = join(dir, 'bad.log');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('id '),
        Buffer.from([0xff]),
        Buffer.from(',\nDivision by zero in \xe9/Tax.php\n', 'latin1'),
      ]),
    );
    const scan = await scanLogFile(file, rules);
    assert.deepEqual(
      scan.hits[2]?.recent.map((h) => [h.line, h.text]),
      [[1, 'id \uFFFD,']],
    );
    assert.deepEqual(
      scan.hits[0]?.recent.map((h) => [h.line, h.text]),
      [[2, 'Division by zero in \uFFFD/Tax.php']],
    );
  });

  it('matches very long lines piece by piece, with bounded memory, and keeps counting lines', async () => {
    const file = join(dir, 'long.log');
    const long = 'Division by zero in ' + 'x'.repeat(3_000_000) + '/Tax.php';
    writeFileSync(file, `first\n${long}\r\n${'y'.repeat(2_000_000)}\nCannot return null for non-nullable field "a"\n`);
    for (const lineLimit of [undefined, 1024]) {
      const scan = await scanLogFile(file, rules, undefined, lineLimit);
      assert.equal(scan.hits[0]?.recent[0]?.line, 2);
      assert.ok(scan.hits[0].recent[0].text.length <= 301);
      assert.equal(scan.hits[1]?.recent[0]?.line, 4);
    }
  });

  it('keeps the last three matches of a rule and counts them all', async () => {
    const file = join(dir, 'many.log');
    writeFileSync(file, Array.from({ length: 10 }, (_, i) => `id ${i},`).join('\n') + '\n');
    const scan = await scanLogFile(file, rules);
    assert.equal(scan.hits[2]?.count, 10);
    assert.deepEqual(
      scan.hits[2]?.recent.map((h) => h.line),
      [8, 9, 10],
    );
  });

  it('has no hits and no problem for a missing file', async () => {
    const scan = await scanLogFile(join(dir, 'missing.log'), rules);
    assert.deepEqual(scan, { file: join(dir, 'missing.log'), hits: [], bytesRead: 0 });
  });

  it('reads gzip as a stream, and a truncated gzip up to where it ends, with a problem', async () => {
    const lines =
      Array.from({ length: 20_000 }, (_, i) =>
        i % 1000 === 5 ? `id ${i % 10},` : `noise line ${i} ${'z'.repeat(40)}`,
      ).join('\n') + '\n';
    const gz = gzipSync(lines);
    const whole = join(dir, 'exception.log.2.gz');
    writeFileSync(whole, gz);
    const scan = await scanLogFile(whole, rules);
    assert.equal(scan.problem, undefined);
    assert.equal(scan.hits[2]?.count, 20);
    const cut = join(dir, 'exception.log.3.gz');
    writeFileSync(cut, gz.subarray(0, gz.length >> 1));
    const partial = await scanLogFile(cut, rules);
    assert.match(partial.problem ?? '', /cut short; read up to line \d+/);
    assert.ok(partial.hits[2]!.count > 0 && partial.hits[2]!.count < 20);
    const junk = join(dir, 'exception.log.4.gz');
    writeFileSync(junk, 'not gzip at all');
    assert.match((await scanLogFile(junk, rules)).problem ?? '', /gzip/);
  });

  it('reads only what was appended to a grown log, and a rotated, truncated or rewritten one anew', async () => {
    const file = join(dir, 'system.log');
    writeFileSync(file, 'id 1,\nnoise\nid 2,');
    const first = await scanLogFile(file, rules);
    assert.deepEqual(
      first.hits[2]?.recent.map((h) => h.line),
      [1, 3],
      'the unfinished last line counts',
    );
    appendFileSync(file, '3\n' + 'n'.repeat(1000) + '\nid 4,\n');
    const grown = await scanLogFile(file, rules, first.state);
    assert.equal(grown.bytesRead, 'id 2,'.length + 2 + 1001 + 6, 'from the start of the unfinished line');
    assert.deepEqual(
      grown.hits[2]?.recent.map((h) => [h.line, h.text]),
      [
        [1, 'id 1,'],
        [3, 'id 2,3'],
        [5, 'id 4,'],
      ],
    );
    assert.equal(grown.hits[2]?.count, 3);
    const again = await scanLogFile(file, rules, grown.state);
    assert.equal(again.bytesRead, 0);
    assert.equal(again.hits[2]?.count, 3);
    // Rotated: a new file under the name.
    renameSync(file, file + '.1');
    writeFileSync(file, 'id 9,\n');
    const rotated = await scanLogFile(file, rules, again.state);
    assert.deepEqual(
      rotated.hits[2]?.recent.map((h) => h.text),
      ['id 9,'],
    );
    // Truncated, then grown past the old size with other content.
    truncateSync(file, 0);
    appendFileSync(file, 'id 5, ' + 'q'.repeat(100) + '\n');
    const rewritten = await scanLogFile(file, rules, rotated.state);
    assert.deepEqual(
      rewritten.hits[2]?.recent.map((h) => h.line),
      [1],
    );
    assert.equal(rewritten.hits[2]?.count, 1);
    // Other rules: read anew.
    const other = await scanLogFile(file, new LogRuleSet(['q']), rewritten.state);
    assert.equal(other.hits[0]?.count, 1);
  });

  it('finds a log, its copies in extra folders and their rotated copies, most recent first', async () => {
    const logs = join(dir, 'var', 'log');
    const extra = join(dir, 'downloaded');
    for (const d of [logs, extra]) mkdirSync(d, { recursive: true });
    for (const name of [
      'exception.log',
      'exception.log.10.gz',
      'exception.log.2.gz',
      'exception.log.1',
      'exception.log.bak',
      'exception.logx',
      'system.log',
    ]) {
      writeFileSync(join(logs, name), '');
    }
    writeFileSync(join(extra, 'exception.log-20250102.gz'), '');
    writeFileSync(join(extra, 'exception.log'), '');
    assert.deepEqual(await logFilesFor(dir, 'var/log/exception.log', ['downloaded', join(dir, 'nowhere')]), [
      join(logs, 'exception.log'),
      join(logs, 'exception.log.1'),
      join(logs, 'exception.log.2.gz'),
      join(logs, 'exception.log.10.gz'),
      join(extra, 'exception.log'),
      join(extra, 'exception.log-20250102.gz'),
    ]);
    assert.deepEqual(await logFilesFor(dir, 'var/log/cron.log'), []);
  });
});
