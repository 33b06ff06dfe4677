import * as assert from 'node:assert/strict';
import { qptVendorDirProblem } from '../../../../src/core/qpt/vendorDir';

describe('core/qpt/vendorDir: what QPT does with a custom vendor-dir', () => {
  it('has nothing to say about vendor', () => {
    assert.equal(qptVendorDirProblem({ root: '/srv/shop', vendorDir: '/srv/shop/vendor' }), undefined);
  });

  it('two levels deep: every command fails with "No lockfile found"', () => {
    const p = qptVendorDirProblem({ root: '/srv/shop', vendorDir: '/srv/shop/lib/vendor' });
    assert.equal(p?.kind, 'too-deep');
    assert.equal(p?.vendorDir, 'lib/vendor');
    assert.match(p?.message ?? '', /takes lib\/ as the Magento root.*"No lockfile found"/);
    assert.match(p?.message ?? '', /extension's own applied-state check .* lib\/vendor\//);
  });

  it('one level deep with another name: nearly every patch N/A', () => {
    const p = qptVendorDirProblem({ root: '/srv/shop', vendorDir: '/srv/shop/vendor2' });
    assert.equal(p?.kind, 'renamed');
    assert.match(p?.message ?? '', /vendor-dir vendor2: .* nearly every patch as N\/A/);
  });

  it('outside the project: the absolute folder is named', () => {
    const p = qptVendorDirProblem({ root: '/srv/shop', vendorDir: '/opt/vendor' });
    assert.equal(p?.kind, 'renamed');
    assert.equal(p?.vendorDir, '/opt/vendor');
  });
});
