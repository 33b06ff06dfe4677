import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkQptPrefix,
  defaultQptPrefix,
  isQptInstalled,
  qptApplyCommand,
  qptRevertCommand,
  qptStatusCommand,
  QptPrefixError,
  type QptProject,
} from '../../../../src/core/qpt/command';
import { checkPatchIds, isSafePatchId, PatchIdError } from '../../../../src/core/qpt/patchId';

const project: QptProject = { root: '/srv/shop', vendorDir: '/srv/shop/vendor', binDir: '/srv/shop/vendor/bin' };
const known = new Set([
  'ACSD-61103',
  'MDVA-39305-V3',
  'magento2-33723',
  'magento/magento2/34529',
  'MCLOUD-6139_MCLOUD-6211',
]);

/** IDs a hostile workspace could put in a file, a setting or a patch list. */
const HOSTILE = [
  'ACSD-1; touch pwned',
  '$(id)',
  '`id`',
  '-rf',
  '--all',
  'ACSD-1 && x',
  'ACSD-1 ',
  ' ACSD-1',
  "ACSD-1'",
  'ACSD-1"',
  'ACSD-1|sh',
  'ACSD-1\nid',
  'ACSD-1>out',
  '../../etc/passwd',
  'ACSD--1',
  'ACSD-1-',
  'magento//34529',
  '/ACSD-1',
  '1234',
  '',
  'ACSD-1\0',
  'A'.repeat(101),
];

describe('qpt patch IDs', () => {
  it('accepts every ID shape QPT uses', () => {
    for (const id of [...known, 'ACP2E-3705', 'B2B-2674', 'MCLOUD_6139', 'Revert-AC-15165', 'MSI-GH-2350']) {
      assert.ok(isSafePatchId(id), id);
    }
  });
  it('refuses shell syntax, options, whitespace and paths', () => {
    for (const id of HOSTILE) assert.equal(isSafePatchId(id), false, JSON.stringify(id));
    assert.equal(isSafePatchId(42), false);
    assert.equal(isSafePatchId(undefined), false);
  });
  it('drops duplicates, keeps order, and names the first bad ID', () => {
    assert.deepEqual(checkPatchIds(['MDVA-39305-V3', 'ACSD-61103', 'MDVA-39305-V3'], known), [
      'MDVA-39305-V3',
      'ACSD-61103',
    ]);
    assert.throws(
      () => checkPatchIds(['ACSD-61103', '$(id)', 'ACSD-99'], known),
      (e: unknown) =>
        e instanceof PatchIdError && e.reason === 'malformed' && e.id === '$(id)' && e.message.includes('"$(id)"'),
    );
    assert.throws(
      () => checkPatchIds(['ACSD-61103', 'ACSD-99'], known),
      (e: unknown) =>
        e instanceof PatchIdError &&
        e.reason === 'unknown' &&
        e.id === 'ACSD-99' &&
        /Unknown patch ID "ACSD-99"/.test(e.message),
    );
    assert.throws(
      () => checkPatchIds([], known),
      (e: unknown) => e instanceof PatchIdError && e.reason === 'empty',
    );
    assert.throws(
      () => checkPatchIds([7], known),
      (e: unknown) => e instanceof PatchIdError && e.id === '7',
    );
  });
  it('accepts a catalog map as the set of known IDs', () => {
    const catalog = new Map([['ACSD-61103', { title: 'x' }]]);
    assert.deepEqual(checkPatchIds(['ACSD-61103'], catalog), ['ACSD-61103']);
    assert.throws(() => checkPatchIds(['MDVA-39305-V3'], catalog), PatchIdError);
  });
});

describe('qpt command', () => {
  it('runs php on the project bin-dir script by default, from the project root', () => {
    assert.deepEqual(qptApplyCommand(project, ['ACSD-61103', 'MDVA-39305-V3'], { known }), {
      command: 'php',
      args: ['vendor/bin/magento-patches', 'apply', '-n', 'ACSD-61103', 'MDVA-39305-V3'],
      cwd: '/srv/shop',
    });
    // QPT accepts only upper-cased IDs on its command line (it answers "Next patches weren't found" otherwise).
    assert.deepEqual(qptRevertCommand(project, ['magento/magento2/34529'], { known }).args, [
      'vendor/bin/magento-patches',
      'revert',
      '-n',
      'MAGENTO/MAGENTO2/34529',
    ]);
    assert.deepEqual(qptStatusCommand(project), {
      command: 'php',
      args: ['vendor/bin/magento-patches', 'status', '--format=json'],
      cwd: '/srv/shop',
    });
  });
  it('follows a custom bin-dir, also outside the root', () => {
    assert.deepEqual(defaultQptPrefix({ ...project, binDir: '/srv/shop/bin' }), ['php', 'bin/magento-patches']);
    assert.deepEqual(defaultQptPrefix({ ...project, binDir: '/opt/tools' }), [
      'php',
      '../../opt/tools/magento-patches',
    ]);
  });
  it('puts a user prefix (ddev, warden) in front, unchanged', () => {
    const ddev = qptApplyCommand(project, ['ACSD-61103'], {
      known,
      prefix: ['ddev', 'exec', 'vendor/bin/magento-patches'],
    });
    assert.deepEqual(ddev, {
      command: 'ddev',
      args: ['exec', 'vendor/bin/magento-patches', 'apply', '-n', 'ACSD-61103'],
      cwd: '/srv/shop',
    });
    const warden = qptStatusCommand(project, ['warden', 'env', 'exec', '-T', 'php-fpm', 'vendor/bin/magento-patches']);
    assert.equal(warden.command, 'warden');
    assert.deepEqual(warden.args, [
      'env',
      'exec',
      '-T',
      'php-fpm',
      'vendor/bin/magento-patches',
      'status',
      '--format=json',
    ]);
  });
  it('does not let the returned invocation share the prefix array', () => {
    const prefix = ['ddev', 'exec', 'vendor/bin/magento-patches'];
    qptStatusCommand(project, prefix).args.push('x');
    assert.deepEqual(prefix, ['ddev', 'exec', 'vendor/bin/magento-patches']);
  });
  it('refuses every hostile ID before building anything, naming it', () => {
    for (const id of HOSTILE) {
      for (const build of [qptApplyCommand, qptRevertCommand]) {
        assert.throws(
          () => build(project, ['ACSD-61103', id], { known: new Set([...known, id]) }),
          (e: unknown) => e instanceof PatchIdError && e.reason === 'malformed' && e.id === id,
          JSON.stringify(id),
        );
      }
    }
  });
  it('refuses well-formed IDs the catalog does not know, and an empty list', () => {
    assert.throws(() => qptApplyCommand(project, ['ACSD-1'], { known }), /Unknown patch ID "ACSD-1"/);
    assert.throws(() => qptRevertCommand(project, [], { known }), /No patch ID given/);
  });
  it('refuses prefixes that are not a list of non-empty strings', () => {
    assert.throws(
      () => checkQptPrefix('ddev exec vendor/bin/magento-patches'),
      (e: unknown) => e instanceof QptPrefixError && /not the string "ddev exec/.test(e.message),
    );
    assert.throws(() => checkQptPrefix([]), QptPrefixError);
    assert.throws(() => checkQptPrefix(null), QptPrefixError);
    assert.throws(() => checkQptPrefix(['ddev', '']), /argument 2 \(""\)/);
    assert.throws(() => checkQptPrefix(['ddev', 3]), /argument 2 \(3\)/);
    assert.throws(() => checkQptPrefix(['php\0']), QptPrefixError);
    assert.throws(() => qptStatusCommand(project, [] as string[]), QptPrefixError);
    assert.deepEqual(checkQptPrefix(['bin/qpt']), ['bin/qpt']);
  });
});

describe('isQptInstalled', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'qpt-installed-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const at = (r: string): QptProject => ({ root: r, vendorDir: join(r, 'vendor'), binDir: join(r, 'vendor', 'bin') });

  it('is false in a project without the tool', () => {
    assert.equal(isQptInstalled(at(root)), false);
    mkdirSync(join(root, 'vendor', 'magento', 'module-customer'), { recursive: true });
    assert.equal(isQptInstalled(at(root)), false);
  });
  it('is true with the quality-patches package', () => {
    mkdirSync(join(root, 'vendor', 'magento', 'quality-patches'), { recursive: true });
    assert.equal(isQptInstalled(at(root)), true);
  });
  it('is true with the bin script in a custom bin-dir', () => {
    mkdirSync(join(root, 'tools'));
    writeFileSync(join(root, 'tools', 'magento-patches'), '');
    assert.equal(isQptInstalled({ ...at(root), binDir: join(root, 'tools') }), true);
    assert.equal(isQptInstalled(at(root)), false);
  });
});
