import * as assert from 'node:assert/strict';
import { parseQptRunOutput } from '../../../../src/core/qpt/runOutput';
import { qptRunMessage } from '../../../../src/core/qpt/runMessage';

// Outputs of the real engine (magento-cloud-patches 1.1.0, QPT data 1.1.82) on an Open Source 2.4.7-p1 store,
// captured from stdout (QPT prints nothing on stderr); titles replaced by invented ones, paths shortened.
export const REAL_OUTPUT = {
  applied: [
    'Patch ACP2E-3705 has been applied',
    'Title: Invented title of the first patch.',
    'File: os/ACP2E-3705_2.4.7-p4_v2.patch',
    'Affected components: magento/framework magento/module-indexer',
    '',
  ].join('\n'),
  alreadyApplied: 'Patch ACP2E-3705 (os/ACP2E-3705_2.4.7-p4_v2.patch) was already applied\n',
  reverted: [
    'Patch ACP2E-3705 has been reverted',
    'Title: Invented title of the first patch.',
    'File: os/ACP2E-3705_2.4.7-p4_v2.patch',
    'Affected components: magento/framework magento/module-indexer',
    '',
  ].join('\n'),
  notApplied: 'Patch ACP2E-3705 (os/ACP2E-3705_2.4.7-p4_v2.patch) is not applied\n',
  cannotApply: [
    "Error: patch MDVA-30106 can't be applied",
    'Magento 2 Community Edition, version 2.4.7.0-patch1',
    'Applying patch MDVA-30106 (/srv/shop/vendor/magento/quality-patches/src/../patches/os/MDVA-30106_2.3.4.patch) failed.',
    'error: vendor/magento/module-ui/view/base/web/js/lib/validation/rules.js: No such file or directory',
    '',
  ].join('\n'),
  lowerCase: [
    'Magento 2 Community Edition, version 2.4.7.0-patch1',
    'Next patches weren\'t found: acp2e-3705. Please, check with "status" command availability of these patches for the current Magento version.',
  ].join('\n'),
  community: [
    'Magento 2 Community Edition, version 2.4.3',
    'Next patches weren\'t found: magento/magento2/34528. Please, check with "status" command availability of these patches for the current Magento version.',
  ].join('\n'),
  minorLine: [
    'Warning for those on a previous minor line! Magento recommends installing a limited number of quality patches to ensure a smooth upgrade to the latest line. Please begin planning an upgrade to the latest release line.',
    'Patch MDVA-39305-V3 has been applied',
    'Title: Invented title.',
    'File: os/ACSD-63776_2.4.7.patch',
    'Affected components: magento/module-contact',
    '',
    'Patch ACSD-59036 has been applied',
    'Title: Invented title.',
    'File: os/ACSD-59036_2.4.7.patch',
    'Affected components: magento/module-elasticsearch',
    '',
  ].join('\n'),
};

const catalog = ['ACP2E-3705', 'MDVA-30106', 'MDVA-39305-V3', 'ACSD-59036', 'magento/magento2/34528'];

describe('core/qpt/runOutput: what apply and revert printed (outputs of the real engine)', () => {
  it('reads applied, already applied, reverted and not applied', () => {
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.applied).applied, ['ACP2E-3705']);
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.alreadyApplied).alreadyApplied, ['ACP2E-3705']);
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.reverted).reverted, ['ACP2E-3705']);
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.notApplied).notApplied, ['ACP2E-3705']);
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.applied).failed, []);
  });

  it("reads a patch that can't be applied, with git's reason", () => {
    const report = parseQptRunOutput(REAL_OUTPUT.cannotApply);
    assert.deepEqual(report.failed, [
      {
        id: 'MDVA-30106',
        reason: 'error: vendor/magento/module-ui/view/base/web/js/lib/validation/rules.js: No such file or directory',
      },
    ]);
    assert.deepEqual(report.applied, []);
  });

  it('reads IDs QPT did not find, mapped back to the catalog spelling', () => {
    assert.deepEqual(parseQptRunOutput(REAL_OUTPUT.lowerCase).notFound, ['acp2e-3705']);
    assert.deepEqual(
      parseQptRunOutput("Next patches weren't found: NOPE-1 MAGENTO/MAGENTO2/34528. Please, check", catalog).notFound,
      ['NOPE-1', 'magento/magento2/34528'],
    );
  });

  it('maps upper-cased IDs to the catalog spelling', () => {
    const out = 'Patch MAGENTO/MAGENTO2/34528 has been applied\nTitle: Invented.\n';
    assert.deepEqual(parseQptRunOutput(out, catalog).applied, ['magento/magento2/34528']);
    assert.deepEqual(parseQptRunOutput(out).applied, ['MAGENTO/MAGENTO2/34528']);
  });

  it('sees the warning about previous minor lines', () => {
    const report = parseQptRunOutput(REAL_OUTPUT.minorLine);
    assert.equal(report.minorLineWarning, true);
    assert.deepEqual(report.applied, ['MDVA-39305-V3', 'ACSD-59036']);
    assert.equal(parseQptRunOutput(REAL_OUTPUT.applied).minorLineWarning, false);
  });

  it('tells patches rolled back after a failure from reverted ones', () => {
    const out = [
      'Patch ACSD-59036 has been applied',
      "Error: patch MDVA-30106 can't be applied",
      'Patch ACSD-59036 has been reverted',
      'Applying patch MDVA-30106 (/srv/x.patch) failed.',
      'error: patch failed: vendor/x.php:3',
      'error: vendor/x.php: patch does not apply',
    ].join('\n');
    const report = parseQptRunOutput(out);
    assert.deepEqual(report.rolledBack, ['ACSD-59036']);
    assert.deepEqual(report.reverted, []);
    assert.equal(
      report.failed[0].reason,
      'error: patch failed: vendor/x.php:3\nerror: vendor/x.php: patch does not apply',
    );
  });

  it('reads a failed revert', () => {
    const out = 'Reverting patch ACP2E-3705 (/srv/x.patch) failed.\nerror: patch failed: vendor/y.php:80\n';
    assert.deepEqual(parseQptRunOutput(out).failed, [
      { id: 'ACP2E-3705', reason: 'error: patch failed: vendor/y.php:80' },
    ]);
  });

  it('ignores colour codes and CRLF line ends', () => {
    const out = '\u001b[32mPatch ACP2E-3705 has been applied\u001b[39m\r\nTitle: x\r\n';
    assert.deepEqual(parseQptRunOutput(out).applied, ['ACP2E-3705']);
  });
});

describe('core/qpt/runMessage: what the user is told after apply or revert (real exit codes and outputs)', () => {
  const where = 'Magento Open Source 2.4.7-p1';
  const msg = (action: 'apply' | 'revert', ids: string[], code: number | undefined, out?: string) =>
    qptRunMessage(action, ids, where, code, out === undefined ? undefined : parseQptRunOutput(out, catalog));

  it('exit 0, applied / reverted', () => {
    assert.deepEqual(msg('apply', ['ACP2E-3705'], 0, REAL_OUTPUT.applied), {
      level: 'info',
      failed: false,
      text: `Applied ACP2E-3705 to ${where}.`,
    });
    assert.deepEqual(msg('revert', ['ACP2E-3705'], 0, REAL_OUTPUT.reverted), {
      level: 'info',
      failed: false,
      text: `Reverted ACP2E-3705 in ${where}.`,
    });
  });

  it('exit 0 that changed nothing: "was already applied", "is not applied"', () => {
    const already = msg('apply', ['ACP2E-3705'], 0, REAL_OUTPUT.alreadyApplied);
    assert.equal(already.level, 'warning');
    assert.equal(already.text, `ACP2E-3705 was already applied to ${where}: nothing changed.`);
    const notApplied = msg('revert', ['ACP2E-3705'], 0, REAL_OUTPUT.notApplied);
    assert.equal(notApplied.text, `ACP2E-3705 was not applied to ${where}: nothing to revert.`);
    assert.equal(notApplied.failed, false);
  });

  it("exit 1, can't be applied: names the patch and git's reason", () => {
    const m = msg('apply', ['MDVA-30106'], 1, REAL_OUTPUT.cannotApply);
    assert.equal(m.level, 'error');
    assert.equal(m.failed, true);
    assert.match(
      m.text,
      /^MDVA-30106 cannot be applied to Magento Open Source 2\.4\.7-p1: .*\(error: vendor\/magento\/module-ui\/.*No such file or directory\)\.$/,
    );
  });

  it('exit 1, not found: says QPT does not offer the patch, in the catalog spelling', () => {
    const m = msg('revert', ['magento/magento2/34528'], 1, REAL_OUTPUT.community);
    assert.equal(m.failed, true);
    assert.match(m.text, /^The Quality Patches Tool does not offer magento\/magento2\/34528 for /);
  });

  it('adds the warning about previous minor lines', () => {
    const m = msg('apply', ['MDVA-39305-V3', 'ACSD-59036'], 0, REAL_OUTPUT.minorLine);
    assert.equal(m.level, 'warning');
    assert.match(
      m.text,
      /^Applied MDVA-39305-V3, ACSD-59036 to .*\. The Quality Patches Tool warns that 8 or more quality patches/,
    );
  });

  it('without the output, goes by the exit code alone', () => {
    assert.equal(msg('apply', ['ACP2E-3705'], 0).text, `Applied ACP2E-3705 to ${where}.`);
    assert.equal(
      msg('apply', ['ACP2E-3705'], 1).text,
      'Applying ACP2E-3705 failed: the Quality Patches Tool exited with code 1.',
    );
    assert.equal(msg('revert', ['ACP2E-3705'], undefined).level, 'error');
  });
});
