import * as assert from 'node:assert/strict';
import { LineScanner } from '../../../../src/core/evidence/lineScanner';
import { LogRuleSet } from '../../../../src/core/evidence/logRules';

function scan(rules: LogRuleSet, data: Buffer, size: number, lineLimit?: number) {
  const scanner = new LineScanner(rules, 1, undefined, lineLimit);
  for (let i = 0; i < data.length; i += size) scanner.push(data.subarray(i, i + size));
  scanner.finish();
  return { hits: scanner.hits, tail: scanner.tail, complete: scanner.completeBytes, next: scanner.nextLine };
}

describe('evidence: the line scanner', () => {
  const rules = new LogRuleSet([
    "Integrity constraint violation: 1062 Duplicate entry '*' for key 'PRIMARY'",
    'a?b',
    '*',
    'Deadlock found when trying to get lock',
    'lock',
  ]);
  const text =
    'noise\r\n' +
    "x Integrity constraint violation: 1062 Duplicate entry '7' for key 'PRIMARY' y\n" +
    'Deadlock found when trying to get lock\r\n' +
    'é😀 axb\n' +
    '\n' +
    'Integrity constraint violation: 1062 Duplicate entry' +
    ' no key\n' +
    'last lock';
  const data = Buffer.from(text);

  it('finds the same lines whatever the chunk size, anchors cut across chunks included', () => {
    const whole = scan(rules, data, data.length);
    assert.deepEqual(
      whole.hits[0]?.recent.map((h) => h.line),
      [2],
    );
    assert.deepEqual(
      whole.hits[1]?.recent.map((h) => h.line),
      [4],
      'a glob with a short anchor is tested on every line',
    );
    assert.equal(whole.hits[2]?.count, 6, '"*" matches every complete line, the empty one included');
    assert.deepEqual(
      whole.hits[3]?.recent.map((h) => h.text),
      ['Deadlock found when trying to get lock'],
    );
    assert.deepEqual(
      whole.hits[4]?.recent.map((h) => h.line),
      [3],
    );
    assert.deepEqual(
      whole.tail[4]?.recent.map((h) => [h.line, h.text]),
      [[7, 'last lock']],
    );
    assert.equal(whole.complete, data.length - 'last lock'.length);
    assert.equal(whole.next, 7);
    for (const size of [1, 2, 3, 5, 16, 17, 64]) {
      assert.deepEqual(scan(rules, data, size), whole, `chunks of ${size}`);
      assert.deepEqual(
        scan(rules, data, size, 8).hits[0],
        whole.hits[0],
        `chunks of ${size}, long lines piece by piece`,
      );
    }
  });
});
