import * as assert from 'node:assert/strict';
import { checkDiff } from '../../../../src/core/applied/checkDiff';
import type { FileSource } from '../../../../src/core/diff/apply';
import { parseDiff } from '../../../../src/core/diff/parse';
import { FileText } from '../../../../src/core/diff/lines';

const source = (files: Record<string, string>): FileSource => ({
  lines: (p) => (p in files ? new FileText(files[p]) : null),
});
const section = (path: string, hunks: string) => `--- a/${path}\n+++ b/${path}\n${hunks}`;
const hunk = (at: number, from: string, to: string) =>
  `@@ -${at},3 +${at},3 @@\n ctx ${at}\n-${from}\n+${to}\n end ${at}\n`;
const file = (...blocks: string[]) => blocks.join('filler\nfiller\n');

describe('applied state and its reason', () => {
  it('not applied, applied', () => {
    const diff = parseDiff(section('x', hunk(3, 'a', 'A')));
    assert.deepEqual(checkDiff(diff, source({ x: file('', 'ctx 3\na\nend 3\n') }), 'p'), { state: 'not-applied' });
    assert.deepEqual(checkDiff(diff, source({ x: file('', 'ctx 3\nA\nend 3\n') }), 'p'), { state: 'applied' });
  });

  it('names the hunk that matches neither way, with its file and line, and says when the rest is applied', () => {
    const diff = parseDiff(section('x', hunk(3, 'a', 'A') + hunk(9, 'b', 'B') + hunk(15, 'c', 'C')));
    const files = source({ x: file('', 'ctx 3\nA\nend 3\n', 'ctx 9\nzzz\nend 9\n', 'ctx 15\nc\nend 15\n') });
    assert.deepEqual(checkDiff(diff, files, 'p'), {
      state: 'conflict',
      reason: { kind: 'hunk-mismatch', path: 'x', hunk: 2, line: 9, partly: { applied: 1, total: 3 } },
    });
  });

  it('a partly applied patch whose pieces are all found', () => {
    const diff = parseDiff(section('x', hunk(3, 'a', 'A')) + section('y', hunk(3, 'b', 'B')));
    const files = source({ x: file('', 'ctx 3\nA\nend 3\n'), y: file('', 'ctx 3\nb\nend 3\n') });
    assert.deepEqual(checkDiff(diff, files, 'p'), {
      state: 'conflict',
      reason: { kind: 'partly-applied', partly: { applied: 1, total: 2 } },
    });
  });

  it('a missing file, a file the patch would create', () => {
    assert.deepEqual(checkDiff(parseDiff(section('gone', hunk(3, 'a', 'A'))), source({}), 'p').reason, {
      kind: 'file-missing',
      path: 'gone',
    });
    const create = parseDiff('--- /dev/null\n+++ b/new\n@@ -0,0 +1 @@\n+x\n' + section('x', hunk(3, 'a', 'A')));
    assert.deepEqual(checkDiff(create, source({ new: 'other\n', x: 'ctx 3\nzz\nend 3\n' }), 'p').reason, {
      kind: 'file-exists',
      path: 'new',
    });
  });

  it('both directions apply: not applied, with the warning', () => {
    const diff = parseDiff('--- a/x\n+++ b/x\n@@ -2,2 +2,3 @@\n b\n+b\n c\n');
    assert.deepEqual(checkDiff(diff, source({ x: 'a\nb\nb\nc\n' }), 'p'), {
      state: 'not-applied',
      reason: { kind: 'may-be-applied' },
    });
  });

  it('a corrupt or binary diff cannot be checked', () => {
    assert.equal(checkDiff(parseDiff(section('x', '@@ -1,3 +1,3 @@\n a\n')), source({}), 'p').reason?.kind, 'corrupt');
    assert.equal(
      checkDiff(parseDiff('diff --git a/i b/i\nBinary files a/i and b/i differ\n'), source({}), 'p').state,
      'unknown',
    );
  });
});
