import * as assert from 'node:assert/strict';
import { Issues } from '../../../../src/core/catalog/issues';
import { idListAt, isRecord, patchIdAt, stringListAt } from '../../../../src/core/catalog/valueReaders';

describe('catalog: value readers', () => {
  it('tells a mapping from a list, null and scalars', () => {
    assert.equal(isRecord({}), true);
    assert.equal(isRecord([]), false);
    assert.equal(isRecord(null), false);
    assert.equal(isRecord('x'), false);
  });

  it('reads a patch ID, normalizing a safe one, and reports anything else at its path', () => {
    const issues = new Issues();
    assert.equal(patchIdAt('ACSD-1', ['a'], issues), 'ACSD-1');
    assert.equal(issues.list.length, 0);
    assert.equal(patchIdAt('acsd-1 ', ['b'], issues), 'ACSD-1');
    assert.equal(
      patchIdAt('a b', ['c', 0], issues, () => 'patch skipped'),
      undefined,
    );
    assert.equal(patchIdAt(undefined, ['d'], issues, undefined, true), undefined);
    assert.deepEqual(
      issues.list.map((i) => [i.path, i.severity, i.atKey ?? false]),
      [
        [['c', 0], 'error', false],
        [['d'], 'error', true],
      ],
    );
    assert.match(issues.list[0].message, /is not a patch ID.*; patch skipped$/);
    assert.match(issues.list[1].message, /missing/);
  });

  it('reads a list of names, refusing empty or non-text items', () => {
    const issues = new Issues();
    const list = ['a', 'b'];
    assert.equal(stringListAt(list, ['x'], issues), list, 'the list read is kept, not copied');
    assert.equal(stringListAt(['a', ' '], ['y'], issues), undefined);
    assert.equal(stringListAt('a', ['z'], issues), undefined);
    assert.deepEqual(
      issues.list.map((i) => i.path),
      [['y'], ['z']],
    );
  });

  it('reads a list of patch IDs or a single one, without duplicates, reporting the first bad item', () => {
    const issues = new Issues();
    assert.deepEqual(idListAt('ACSD-1', ['r'], issues), ['ACSD-1']);
    assert.deepEqual(idListAt(['ACSD-1', 'acsd-1', 'MDVA-2'], ['r'], issues), ['ACSD-1', 'MDVA-2']);
    assert.equal(issues.list.length, 0);
    assert.equal(idListAt(['ACSD-1', 7], ['r'], issues), undefined);
    assert.equal(idListAt({}, ['s'], issues), undefined);
    assert.deepEqual(
      issues.list.map((i) => i.path),
      [['r', 1], ['s']],
    );
  });
});
