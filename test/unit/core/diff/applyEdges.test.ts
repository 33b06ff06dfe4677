/**
 * Hand-made edge cases of `git apply`, each judged by the real git (`--check` and `--check --reverse`, in a
 * temporary folder outside any repository, on the diff in QPT's form): the in-memory applier must give the same
 * verdicts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { applyDiff } from '../../../../src/core/diff/apply';
import { parseDiff } from '../../../../src/core/diff/parse';
import { ProjectFiles } from '../../../../src/core/applied/projectFiles';
import { gitApply, gitCheck, qptForm, readBytes, removeTree, tempRoot, writeFile } from '../../../support/patchTrees';

interface Case {
  name: string;
  files: Record<string, string>;
  diff: string;
}

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

/** Indented code, as nearly every vendor file has: the search looks for a hunk from its first non-blank character. */
const code = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `        $value${from + i} = $this->call(${from + i});\n`).join('');
/** A hunk at line `at` changing the `indentedBlock`, without its file header (to follow another hunk of the file). */
const indentedHunkBody = (at: number) =>
  `@@ -${at},3 +${at},3 @@\n     {\n-        return $old;\n+        return $new;\n     }\n`;
const indentedHunk = (at: number) => '--- a/vendor/x.php\n+++ b/vendor/x.php\n' + indentedHunkBody(at);
const indentedBlock = '    {\n        return $old;\n    }\n';
/** Changes `$value26` at line 28 of a file whose line 28 holds `$value25`. */
const changeAt28 =
  '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -28,3 +28,3 @@\n         $value25 = $this->call(25);\n' +
  '-        $value26 = $this->call(26);\n+        $changed = 26;\n         $value27 = $this->call(27);\n';

/** Where the search finds a hunk away from its stated line (the files git leaves are compared too, below). */
const SEARCH_CASES: Case[] = [
  {
    name: 'an indented hunk far from its stated line (beyond the lines searched first)',
    files: { 'vendor/x.php': code(300) + indentedBlock + code(20, 301) },
    diff: indentedHunk(5),
  },
  {
    name: 'an indented hunk stated far below where it is',
    files: { 'vendor/x.php': code(10) + indentedBlock + code(400, 11) },
    diff: indentedHunk(380),
  },
  {
    name: 'of two places outside the lines searched first, the nearer one (before) wins',
    files: { 'vendor/x.php': code(30) + indentedBlock + code(160, 31) + indentedBlock + code(10, 191) },
    diff:
      indentedHunk(100) +
      '@@ -500,2 +500,2 @@\n         $value35 = $this->call(35);\n-        $value36 = $this->call(36);\n+        $changed = 1;\n',
  },
  {
    // The block is at lines 41 and 83; looked for at line 63: 22 lines back, 20 forward.
    name: 'of two places, the nearer one (after) wins',
    files: { 'vendor/x.php': code(40) + indentedBlock + code(39, 41) + indentedBlock + code(40, 80) },
    diff: indentedHunk(63),
  },
  {
    // The same places, looked for at line 61: 20 lines back, 22 forward.
    name: 'of two places, the nearer one (before) wins',
    files: { 'vendor/x.php': code(40) + indentedBlock + code(39, 41) + indentedBlock + code(40, 80) },
    diff: indentedHunk(61),
  },
  {
    // The block is at lines 41 and 85; looked for at line 63: 22 lines either way.
    name: 'at the same distance, the place after wins',
    files: { 'vendor/x.php': code(40) + indentedBlock + code(41, 41) + indentedBlock + code(40, 82) },
    diff: indentedHunk(63),
  },
  {
    name: 'the lines inside a longer line, or with other indentation, are no match',
    files: {
      'vendor/x.php':
        code(5) +
        '    // {\n        return $old;\n    }\n' +
        code(5, 6) +
        '  {\n        return $old;\n    }\n' +
        code(5, 11),
    },
    diff: indentedHunk(7),
  },
  {
    // The first hunk changes lines 28–30, between the block's two places (lines 6 and 45), which so lie in two
    // stretches of untouched lines; the second hunk is looked for at line 27: 21 lines back, 18 forward.
    name: 'after a first hunk, the nearest place in the next stretch of untouched lines',
    files: { 'vendor/x.php': code(5) + indentedBlock + code(36, 6) + indentedBlock + code(10, 42) },
    diff: changeAt28 + indentedHunkBody(27),
  },
  {
    // The block at lines 21 and 45; the second hunk looked for at line 31: 10 lines back, 14 forward.
    name: 'after a first hunk, the nearest place in the stretch before',
    files: { 'vendor/x.php': code(20) + indentedBlock + code(21, 21) + indentedBlock + code(10, 42) },
    diff: changeAt28 + indentedHunkBody(31),
  },
  {
    name: 'a hunk of blank lines only',
    files: { 'vendor/x.php': 'a\n\n\nb\n\n\n\nc\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,3 +2,3 @@\n \n-\n+x\n \n',
  },
];

const CASES: Case[] = [
  {
    name: 'a hunk at line 1 must match at the file start (an offset is not allowed)',
    files: { 'vendor/x.php': 'extra\n' + lines(5) },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+LINE 2\n line 3\n',
  },
  {
    name: 'a hunk further down may sit at another line',
    files: { 'vendor/x.php': 'extra\nextra\n' + lines(12) },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -5,3 +5,3 @@\n line 5\n-line 6\n+LINE 6\n line 7\n',
  },
  {
    name: 'a hunk without trailing context must match at the file end',
    files: { 'vendor/x.php': lines(8) },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -3,2 +3,2 @@\n line 3\n-line 4\n+LINE 4\n',
  },
  {
    name: 'a hunk without trailing context at the end',
    files: { 'vendor/x.php': lines(4) },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -3,2 +3,2 @@\n line 3\n-line 4\n+LINE 4\n',
  },
  {
    name: 'a second hunk may not match over lines the first one produced',
    files: { 'vendor/x.php': lines(10) },
    diff:
      '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -3,3 +3,4 @@\n line 3\n line 4\n+new\n line 5\n' +
      '@@ -4,3 +5,3 @@\n line 4\n-new\n+newer\n line 5\n',
  },
  {
    name: 'a second hunk may sit before the first one',
    files: { 'vendor/x.php': lines(20) },
    diff:
      '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -12,3 +12,3 @@\n line 12\n-line 13\n+LINE 13\n line 14\n' +
      '@@ -14,3 +14,3 @@\n line 4\n-line 5\n+LINE 5\n line 6\n',
  },
  {
    name: 'the nearest of two equal places wins, forward first',
    files: { 'vendor/x.php': 'a\nb\nc\n' + lines(6) + 'a\nb\nc\n' + lines(3, 'tail') },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -6,3 +6,3 @@\n a\n-b\n+B\n c\n@@ -14,2 +14,2 @@\n c\n-tail 1\n+TAIL 1\n tail 2\n',
  },
  {
    name: 'no newline at the end, on both sides',
    files: { 'vendor/x.php': 'a\nb\nc' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+C\n\\ No newline at end of file\n',
  },
  {
    name: 'the diff says no newline, the file has one',
    files: { 'vendor/x.php': 'a\nb\nc\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+C\n',
  },
  {
    name: 'a newline added at the end',
    files: { 'vendor/x.php': 'a\nb\nc' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+c\n',
  },
  {
    name: 'CRLF lines are compared as bytes: an LF diff on a CRLF file',
    files: { 'vendor/x.php': 'a\r\nb\r\nc\r\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
  },
  {
    name: 'CRLF lines are compared as bytes: a CRLF diff on a CRLF file',
    files: { 'vendor/x.php': 'a\r\nb\r\nc\r\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n',
  },
  {
    name: 'one file touched twice: the second part applies to the result of the first',
    files: { 'vendor/x.php': lines(10) },
    diff:
      'diff --git a/vendor/x.php b/vendor/x.php\n--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,3 +2,3 @@\n line 2\n-line 3\n+LINE 3\n line 4\n' +
      'diff --git a/vendor/x.php b/vendor/x.php\n--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,3 +2,3 @@\n line 2\n-LINE 3\n+THIRD\n line 4\n',
  },
  {
    name: 'a new file that exists already',
    files: { 'vendor/new.php': 'x\n' },
    diff: 'diff --git a/vendor/new.php b/vendor/new.php\nnew file mode 100644\n--- /dev/null\n+++ b/vendor/new.php\n@@ -0,0 +1,1 @@\n+x\n',
  },
  {
    name: 'a new file',
    files: {},
    diff: 'diff --git a/vendor/new.php b/vendor/new.php\nnew file mode 100644\n--- /dev/null\n+++ b/vendor/new.php\n@@ -0,0 +1,2 @@\n+x\n+y\n',
  },
  {
    name: 'a deleted file with more lines than the diff says',
    files: { 'vendor/old.php': 'x\ny\nz\n' },
    diff: 'diff --git a/vendor/old.php b/vendor/old.php\ndeleted file mode 100644\n--- a/vendor/old.php\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n',
  },
  {
    name: 'a deleted file',
    files: { 'vendor/old.php': 'x\ny\n' },
    diff: 'diff --git a/vendor/old.php b/vendor/old.php\ndeleted file mode 100644\n--- a/vendor/old.php\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n',
  },
  {
    name: 'a hunk without old lines on a missing file creates it (diff -N)',
    files: {},
    diff: '--- a/vendor/maybe.php\n+++ b/vendor/maybe.php\n@@ -0,0 +1,1 @@\n+x\n',
  },
  {
    name: 'an empty context line',
    files: { 'vendor/x.php': 'a\n\nb\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n a\n\n-b\n+B\n',
  },
  {
    name: 'a missing file',
    files: {},
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
  },
  {
    name: 'lines added that repeat their own context apply both ways',
    files: { 'vendor/x.php': 'a\nb\nb\nc\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -2,2 +2,3 @@\n b\n+b\n c\n',
  },
  ...SEARCH_CASES,
  {
    name: 'a second section on a file may match across what the first one changed',
    files: { 'vendor/x.php': lines(12) },
    diff:
      '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+LINE 5\n line 6\n' +
      '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -3,5 +3,5 @@\n line 3\n line 4\n-LINE 5\n+NEW 5\n line 6\n line 7\n',
  },
  {
    name: 'a line that lost its line break in the middle of a hunk',
    files: { 'vendor/x.php': 'a\nb\nc\n' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,3 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+B\n c\n',
  },
  {
    name: 'the same on a file whose last line has no line break',
    files: { 'vendor/x.php': 'a\nb' },
    diff: '--- a/vendor/x.php\n+++ b/vendor/x.php\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n',
  },
];

/** Runs `check` on a temporary tree holding the case's files (removed afterwards), read through `ProjectFiles`. */
function inTree(c: Case, check: (root: string, files: ProjectFiles) => void): void {
  const root = tempRoot('edge');
  try {
    for (const [path, bytes] of Object.entries(c.files)) writeFile(root, path, bytes);
    check(root, new ProjectFiles(root, join(root, 'vendor')));
  } finally {
    removeTree(root);
  }
}

describe('diff applier: the same verdicts as git apply on hand-made edge cases', function () {
  this.timeout(60_000);
  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
  });

  for (const c of CASES) {
    it(c.name, () => {
      inTree(c, (root, files) => {
        const diff = parseDiff(c.diff);
        assert.equal(diff.defect, undefined);
        const engine = [applyDiff(diff.sections, files, 'forward').ok, applyDiff(diff.sections, files, 'reverse').ok];
        const git = [gitCheck(root, qptForm(c.diff), false), gitCheck(root, qptForm(c.diff), true)];
        assert.deepEqual(engine, git, 'forward, reverse');
      });
    });
  }
});

describe('diff applier: the files it would leave are those git apply writes', function () {
  this.timeout(60_000);
  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
  });

  for (const c of [
    ...SEARCH_CASES,
    ...CASES.filter((x) => x.name.includes('touched twice') || x.name.includes('across')),
  ]) {
    it(c.name, () => {
      inTree(c, (root, files) => {
        const result = applyDiff(parseDiff(c.diff).sections, files, 'forward');
        const applied = gitApply(root, qptForm(c.diff));
        assert.equal(result.ok, applied, 'applies');
        if (!result.ok) return;
        for (const [path, image] of result.files) {
          assert.equal(image?.toText(), readBytes(join(root, path)), path);
        }
      });
    });
  }
});
