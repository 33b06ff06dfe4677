import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { childPath } from '../../../../src/core/files/childPath';

describe('childPath', () => {
  it('gives what join gives for plain relative names', () => {
    for (const name of ['os/ACSD-1_2.4.6.patch', 'a', 'a/b/c.php', '.hidden/x', 'a/.b', 'a..b/c', '...', 'a/...']) {
      assert.equal(childPath('/base/dir', name), join('/base/dir', name), name);
    }
    assert.equal(childPath('/', 'a/b'), '/a/b');
  });

  it('leaves every other name to the general way', () => {
    for (const name of ['', './a', 'a/./b', 'a/../b', '..', '.', 'a//b', 'a/', '/abs', 'a\\b']) {
      assert.equal(childPath('/base/dir', name), undefined, name);
    }
  });
});
