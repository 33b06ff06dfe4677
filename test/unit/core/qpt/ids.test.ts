import * as assert from 'node:assert/strict';
import { qptApplyCommand, qptRevertCommand, type QptProject } from '../../../../src/core/qpt/command';
import { caseInsensitiveIds, catalogIdLookup, qptCommandLineId } from '../../../../src/core/qpt/patchId';
import { parseQptStatus, withCatalogIds } from '../../../../src/core/qpt/status';

const project: QptProject = { root: '/srv/shop', vendorDir: '/srv/shop/vendor', binDir: '/srv/shop/vendor/bin' };
const known = new Map([
  ['ACP2E-3705', {}],
  ['magento/magento2/34528', {}],
  ['magento2-33723', {}],
  ['MDVA-39305-V3', {}],
]);

// Rows in the shape the real `status --format=json` prints (QPT 1.1.82 on a 2.4.3 store); titles invented.
const STATUS = JSON.stringify([
  {
    Id: 'MAGENTO/MAGENTO2/34528',
    Title: 'Invented title\n',
    Category: 'Performance\nShopping Cart',
    Origin: 'Magento OS Community',
    Status: 'Applied',
    Details: 'Affected components:\n - magento/module-quote',
  },
  {
    Id: 'MAGENTO2-33723',
    Title: 'Invented\n',
    Category: 'Other',
    Origin: 'Magento OS Community',
    Status: 'Not applied',
    Details: '',
  },
  {
    Id: 'MDVA-39305-V3',
    Title: 'Invented\n',
    Category: 'Other',
    Origin: 'Adobe Commerce Support',
    Status: 'N/A',
    Details: 'Patch type: Optional\nRequired patches:\n - MAGENTO2-33723',
  },
  {
    Id: 'AC-384',
    Title: 'Invented\n',
    Category: 'Other',
    Origin: 'Adobe Commerce Support',
    Status: 'N/A',
    Details: '',
  },
]);

describe('core/qpt IDs: upper-cased on the command line only, mapped back from QPT output', () => {
  it('upper-cases IDs for apply and revert, keeping the order and dropping case duplicates', () => {
    assert.equal(qptCommandLineId('magento/magento2/34528'), 'MAGENTO/MAGENTO2/34528');
    const apply = qptApplyCommand(project, ['magento/magento2/34528', 'ACP2E-3705'], { known });
    assert.deepEqual(apply.args.slice(1), ['apply', '-n', 'MAGENTO/MAGENTO2/34528', 'ACP2E-3705']);
    const revert = qptRevertCommand(project, ['magento2-33723'], { known });
    assert.deepEqual(revert.args.slice(1), ['revert', '-n', 'MAGENTO2-33723']);
  });

  it('still checks IDs against the catalog as the catalog spells them', () => {
    assert.throws(() => qptApplyCommand(project, ['MAGENTO/MAGENTO2/34528'], { known }), /Unknown patch ID/);
  });

  it('finds the catalog spelling regardless of case, an exact match first', () => {
    const lookup = catalogIdLookup(['magento/magento2/34528', 'ACP2E-3705']);
    assert.equal(lookup('MAGENTO/MAGENTO2/34528'), 'magento/magento2/34528');
    assert.equal(lookup('ACP2E-3705'), 'ACP2E-3705');
    assert.equal(lookup('AC-384'), undefined);
  });

  it('keys the status by catalog IDs, required patches included; unknown IDs keep QPT spelling', () => {
    const states = withCatalogIds(parseQptStatus(STATUS), known.keys());
    assert.deepEqual([...states.keys()], ['magento/magento2/34528', 'magento2-33723', 'MDVA-39305-V3', 'AC-384']);
    assert.equal(states.get('magento/magento2/34528')?.id, 'magento/magento2/34528');
    assert.equal(states.get('magento/magento2/34528')?.status, 'Applied');
    assert.deepEqual(states.get('MDVA-39305-V3')?.require, ['magento2-33723']);
  });

  it('a set of IDs as written whose has() ignores case (QUALITY_PATCHES against catalog IDs)', () => {
    const ids = caseInsensitiveIds(['MAGENTO/MAGENTO2/34528', 'ACSD-47920']);
    assert.equal(ids.has('magento/magento2/34528'), true);
    assert.equal(ids.has('acsd-47920'), true);
    assert.equal(ids.has('ACSD-1'), false);
    assert.deepEqual([...ids], ['MAGENTO/MAGENTO2/34528', 'ACSD-47920']);
    assert.equal(ids.size, 2);
  });
});
