import * as assert from 'node:assert/strict';
import { FileText } from '../../../../src/core/diff/lines';

const numbered = (n: number, line = (i: number) => `line ${i}\n`) =>
  Array.from({ length: n }, (_, i) => line(i)).join('');

/** Every line from which `block` is held, by comparing line by line (what the text search must agree with). */
function heldAt(file: FileText, block: FileText): number[] {
  const lines = file.toLines();
  const want = block.toLines();
  const out: number[] = [];
  for (let i = 0; i + want.length <= lines.length; i++) {
    if (want.every((l, k) => lines[i + k] === l)) out.push(i);
  }
  return out;
}

/** The line git's search order takes of the nearest before and after (at the same distance, the one after). */
function nearest([before, after]: number[], start: number): number {
  if (before < 0) return after;
  if (after < 0) return before;
  return after - start <= start - before ? after : before;
}

describe('FileText: lines of bytes, searched as blocks', () => {
  it('splits into lines that keep their line breaks, the last one maybe without', () => {
    assert.deepEqual(new FileText('a\nb\r\nc').toLines(), ['a\n', 'b\r\n', 'c']);
    assert.deepEqual(new FileText('a\n').toLines(), ['a\n']);
    assert.deepEqual(new FileText('\n\n').toLines(), ['\n', '\n']);
    assert.equal(new FileText('').count, 0);
  });

  it('finds the lines of a file of many short lines (the line table grows as it is read)', () => {
    const text = numbered(5000, () => '\n') + 'x';
    const file = new FileText(text);
    assert.equal(file.count, 5001);
    assert.equal(file.line(5000), 'x');
    assert.equal(file.slice(4999, 5001), '\nx');
  });

  it('a side counted by its reader works out its lines only when asked', () => {
    const side = new FileText('a\nb\n', 2);
    assert.equal(side.count, 2);
    assert.deepEqual(side.toLines(), ['a\n', 'b\n']);
  });

  it('holds a block only at whole lines', () => {
    const file = new FileText('  foo\nfoo\nxfoo\nfoo');
    const block = new FileText('foo\n');
    assert.deepEqual(heldAt(file, block), [1]);
    assert.equal(file.holds(0, block), false);
    assert.equal(file.holds(1, block), true);
    assert.equal(file.holds(2, block), false);
    // The last line has no line break: a block line with one is not it, one without is.
    assert.equal(file.holds(3, block), false);
    assert.equal(file.holds(3, new FileText('foo')), true);
  });

  it('a side whose line lost its break before another line is held nowhere', () => {
    const file = new FileText('ab\n');
    const broken = new FileText('ab\n', 2, false);
    assert.equal(file.holds(0, broken), false);
    assert.deepEqual(file.around(broken, 0, 0, 0), [-1, -1]);
  });

  it('finds the nearest place on either side, near the stated line or far from it, as line-by-line comparison does', () => {
    const line = (i: number) => (i % 37 === 0 ? '    {\n' : `        $v${i % 3} = 1;\n`);
    const file = new FileText(numbered(600, line));
    const block = new FileText('    {\n        $v1 = 1;\n');
    const places = heldAt(file, block);
    assert.ok(places.length > 5);
    for (let start = 0; start < 600; start += 7) {
      const before = places.filter((p) => p < start).pop() ?? -1;
      const after = places.find((p) => p > start) ?? -1;
      assert.equal(nearest(file.around(block, start, 0, file.count - 1), start), nearest([before, after], start));
    }
  });

  it('searches only within the lines it is given', () => {
    const file = new FileText(numbered(300, (i) => (i % 100 === 50 ? 'mark\n' : 'x\n')));
    const block = new FileText('mark\n');
    assert.deepEqual(heldAt(file, block), [50, 150, 250]);
    // 50 is farther than 150: left out once 150 is found near line 140.
    assert.deepEqual(file.around(block, 140, 0, 299), [-1, 150]);
    assert.deepEqual(file.around(block, 100, 0, 299), [50, 150]);
    assert.deepEqual(file.around(block, 140, 60, 200), [-1, 150]);
    assert.deepEqual(file.around(block, 140, 60, 149), [-1, -1]);
    assert.deepEqual(file.around(block, 150, 0, 299), [50, 250]);
    assert.deepEqual(file.around(block, 20, 0, 299), [-1, 50]);
    // A block that would run past the last line given never starts there.
    assert.deepEqual(new FileText('a\nb\n').around(new FileText('a\nb\n'), 1, 0, 0), [0, -1]);
  });

  it('finds a block of blank lines', () => {
    const file = new FileText('a\n\n\nb\n\n\n\nc\n');
    const block = new FileText('\n\n');
    assert.deepEqual(heldAt(file, block), [1, 4, 5]);
    assert.deepEqual(file.around(block, 0, 0, file.count - 1), [-1, 1]);
    assert.deepEqual(file.around(block, 4, 0, file.count - 1), [1, 5]);
    assert.deepEqual(file.around(block, 7, 0, file.count - 1), [5, -1]);
    assert.deepEqual(file.around(new FileText('\n\n\n'), 0, 0, file.count - 1), [-1, 4]);
  });
});
