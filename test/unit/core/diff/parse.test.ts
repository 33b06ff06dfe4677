import * as assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DIFF_BYTES, parseDiff } from '../../../../src/core/diff/parse';
import { readPatchText } from '../../../../src/core/applied/patchText';
import { removeTree, tempRoot } from '../../../support/patchTrees';

const HEAD = '--- a/vendor/x.php\n+++ b/vendor/x.php\n';

describe('diff parser', () => {
  it('reads git and plain headers, /dev/null, renames, modes and no-newline markers', () => {
    const diff = parseDiff(
      'From 1 Mon Sep 17 00:00:00 2001\nSubject: x\n\n' +
        'diff --git a/vendor/a.php b/vendor/a.php\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/vendor/a.php\t(revision 1)\n@@ -0,0 +1 @@\n+x\n' +
        'diff -Nuar a/vendor/b.php b/vendor/b.php\n--- a/vendor/b.php\t2024-01-01 00:00:00.000000000 +0000\n+++ /dev/null\n@@ -1 +0,0 @@\n-y\n\\ No newline at end of file\n' +
        'diff --git a/vendor/c.js b/vendor/d.js\nsimilarity index 100%\nrename from vendor/c.js\nrename to vendor/d.js\n' +
        'diff --git a/vendor/e.sh b/vendor/e.sh\nold mode 100644\nnew mode 100755\n',
    );
    assert.equal(diff.defect, undefined);
    assert.deepEqual(
      diff.sections.map((s) => [s.path, s.creates, s.deletes]),
      [
        ['vendor/a.php', true, false],
        ['vendor/b.php', false, true],
      ],
    );
    assert.deepEqual(
      [diff.sections[1].hunks[0].oldSide.toLines(), diff.sections[1].hunks[0].newSide.toLines()],
      [['y'], []],
    );
    assert.deepEqual(
      diff.skipped.map((s) => [s.path, s.git.renameFrom, s.git.newMode]),
      [
        ['vendor/d.js', 'vendor/c.js', undefined],
        ['vendor/e.sh', undefined, '100755'],
      ],
    );
  });

  it('keeps CRLF bytes as they are', () => {
    const diff = parseDiff(HEAD + '@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n');
    assert.deepEqual(
      [diff.sections[0].hunks[0].oldSide.toLines(), diff.sections[0].hunks[0].newSide.toLines()],
      [
        ['a\r\n', 'b\r\n'],
        ['a\r\n', 'B\r\n'],
      ],
    );
  });

  it('reports a truncated diff', () => {
    assert.deepEqual(parseDiff(HEAD + '@@ -1,3 +1,3 @@\n a\n-b\n').defect, {
      kind: 'corrupt',
      line: 6,
      detail: 'ends-inside-hunk',
    });
    assert.deepEqual(parseDiff(HEAD + '@@ -1,2 +1,2 @@\n a\n-b\n+B').defect, {
      kind: 'corrupt',
      line: 6,
      detail: 'ends-inside-hunk',
    });
  });

  // Line numbers as in git's own messages (checked with git apply --check).
  it('reports hunk counts that lie', () => {
    const more = parseDiff(HEAD + '@@ -1,4 +1,4 @@\n a\n-b\n+B\n' + HEAD + '@@ -1 +1 @@\n-a\n+A\n');
    assert.deepEqual(more.defect, { kind: 'corrupt', line: 9, detail: 'not-a-hunk-line' });
    const fewer = parseDiff(HEAD + '@@ -1,1 +1,1 @@\n-a\n+A\n b\n-c\n+C\n@@ -9 +9 @@\n-z\n+Z\n');
    assert.deepEqual(fewer.defect, { kind: 'corrupt', line: 9, detail: 'hunk-without-header' });
    assert.deepEqual(parseDiff(HEAD + '@@ -1,2 +1,1 @@\n a\n b\n').defect, {
      kind: 'corrupt',
      line: 6,
      detail: 'counts-do-not-fit',
    });
  });

  it('refuses paths with .. or absolute paths', () => {
    assert.deepEqual(parseDiff('--- a/../etc/x\n+++ b/../etc/x\n@@ -1 +1 @@\n-a\n+b\n').defect, {
      kind: 'unsafe-path',
      line: 1,
      path: '../etc/x',
    });
    assert.deepEqual(parseDiff('--- a//etc/passwd\n+++ b//etc/passwd\n@@ -1 +1 @@\n-a\n+b\n').defect, {
      kind: 'unsafe-path',
      line: 1,
      path: '/etc/passwd',
    });
    assert.equal(
      parseDiff('--- a/vendor/x/../../../y\n+++ b/vendor/x/../../../y\n@@ -1 +1 @@\n-a\n+b\n').defect?.kind,
      'unsafe-path',
    );
  });

  it('recognises binary patches as not checkable', () => {
    const diff = parseDiff(
      'diff --git a/vendor/i.png b/vendor/i.png\nindex 1..2 100644\nGIT binary patch\nliteral 5\nabc\n',
    );
    assert.deepEqual(diff.defect, { kind: 'binary', line: 3, path: 'vendor/i.png' });
  });

  it('says when there is nothing to apply', () => {
    assert.deepEqual(parseDiff('just text\n').defect, { kind: 'empty' });
  });

  it('gives a clear error for a 100 MB diff, at once', () => {
    const started = Date.now();
    const huge = 'x'.repeat(100 * 1024 * 1024);
    assert.deepEqual(parseDiff(huge).defect, { kind: 'too-large', bytes: huge.length, limit: MAX_DIFF_BYTES });
    const root = tempRoot('huge');
    try {
      mkdirSync(join(root, 'p'));
      const fd = openSync(join(root, 'p', 'huge.patch'), 'w');
      ftruncateSync(fd, 100 * 1024 * 1024);
      closeSync(fd);
      const read = readPatchText(join(root, 'p'), 'huge.patch');
      assert.ok('reason' in read && read.reason.kind === 'too-large');
      assert.ok('reason' in readPatchText(join(root, 'p'), '../escape.patch'));
    } finally {
      removeTree(root);
    }
    assert.ok(Date.now() - started < 5000);
  });
});
