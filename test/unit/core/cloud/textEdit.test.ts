import * as assert from 'node:assert/strict';
import { applyTextEdits, normalizeEdits } from '../../../../src/core/cloud/textEdit';

describe('text edits', () => {
  it('applies edits given in any order, at positions in the original text', () => {
    const edits = [
      { offset: 6, length: 5, newText: 'there' },
      { offset: 0, length: 0, newText: '>> ' },
      { offset: 11, length: 0, newText: '!' },
    ];
    assert.equal(applyTextEdits('hello world', edits), '>> hello there!');
    assert.equal(applyTextEdits('hello world', [...edits].reverse()), '>> hello there!');
    assert.equal(applyTextEdits('abc', []), 'abc');
  });
  it('joins touching edits so none shares a boundary', () => {
    assert.deepEqual(
      normalizeEdits([
        { offset: 4, length: 2, newText: '' },
        { offset: 0, length: 4, newText: 'X' },
        { offset: 6, length: 0, newText: 'Y' },
        { offset: 9, length: 1, newText: '' },
      ]),
      [
        { offset: 0, length: 6, newText: 'XY' },
        { offset: 9, length: 1, newText: '' },
      ],
    );
  });
  it('refuses overlapping edits and edits outside the text', () => {
    assert.throws(
      () =>
        normalizeEdits([
          { offset: 0, length: 3, newText: '' },
          { offset: 2, length: 1, newText: '' },
        ]),
      /Overlapping/,
    );
    assert.throws(() => applyTextEdits('ab', [{ offset: 1, length: 5, newText: '' }]), /outside/);
  });
});
