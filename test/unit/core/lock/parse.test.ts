import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { composerJsonFor, parseProject } from '../../../../src/core/lock/parse';
import { readProject } from '../../../../src/core/lock/read';
import { InputError, type Problem } from '../../../../src/core/problem';
import { repoRoot } from '../../../support/realworld';

const fixture = (...parts: string[]) => join(repoRoot(), 'test', 'fixtures', ...parts);

const lockText = (packages: object[], dev: object[] | null = []) =>
  JSON.stringify({ 'content-hash': 'x', packages, 'packages-dev': dev });
const p = (name: string, version: string) => ({ name, version, type: 'library' });

function inputError(fn: () => unknown): Problem {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e.problem;
  }
  assert.fail('expected an InputError');
}

describe('lock: parseProject', () => {
  it('takes the version from magento2-base, never from the cloud metapackage', () => {
    const project = parseProject(
      lockText([
        p('magento/magento-cloud-metapackage', '2.4.6-p2'),
        p('magento/magento2-base', '2.4.6-p14'),
        p('magento/magento2-ee-base', '2.4.6-p14'),
      ]),
      '/stores/x/composer.lock',
    );
    assert.deepEqual(project.product, { edition: 'commerce', version: '2.4.6-p14', b2b: false, cloud: true });
    assert.equal(project.root, '/stores/x');
    assert.equal(project.lockFile, '/stores/x/composer.lock');
  });

  it('tells Open Source, Commerce, B2B and cloud apart', () => {
    const os = parseProject(lockText([p('magento/magento2-base', '2.4.7')]), '/a/composer.lock').product;
    assert.deepEqual(os, { edition: 'open-source', version: '2.4.7', b2b: false, cloud: false });
    const b2b = parseProject(
      lockText([
        p('magento/magento2-base', '2.4.7'),
        p('magento/magento2-ee-base', '2.4.7'),
        p('magento/magento2-b2b-base', '1.4.2'),
      ]),
      '/a/composer.lock',
    ).product;
    assert.deepEqual(b2b, { edition: 'commerce', version: '2.4.7', b2b: true, cloud: false });
    const eceOnly = parseProject(
      lockText([p('magento/magento2-base', '2.4.7'), p('magento/ece-tools', '2002.2.0')]),
      '/a/composer.lock',
    );
    assert.equal(eceOnly.product?.cloud, true);
  });

  it('reads packages-dev too, and Composer 1 locks where packages-dev is null', () => {
    const dev = parseProject(
      lockText([p('acme/app', '1.0.0')], [p('magento/magento2-base', '2.4.5-p1')]),
      '/a/composer.lock',
    );
    assert.equal(dev.product?.version, '2.4.5-p1');
    assert.equal(dev.packages.get('acme/app'), '1.0.0');
    const c1 = parseProject(
      JSON.stringify({ hash: 'h', packages: [p('magento/magento2-base', '2.3.5')], 'packages-dev': null }),
      '/a/composer.lock',
    );
    assert.equal(c1.product?.version, '2.3.5');
    const noDevKey = parseProject(JSON.stringify({ packages: [] }), '/a/composer.lock');
    assert.equal(noDevKey.packages.size, 0);
  });

  it('strips a leading v from the product and QPT versions but keeps package versions as locked', () => {
    const project = parseProject(
      lockText([
        p('magento/magento2-base', 'v2.4.6'),
        p('magento/quality-patches', 'v1.1.54'),
        p('symfony/console', 'v5.4.34'),
      ]),
      '/a/composer.lock',
    );
    assert.equal(project.product?.version, '2.4.6');
    assert.deepEqual(project.qpt, { installed: '1.1.54' });
    assert.equal(project.packages.get('symfony/console'), 'v5.4.34');
  });

  it('returns product null (not an error) for a lock without Magento', () => {
    const project = parseProject(lockText([p('symfony/console', 'v6.4.8')]), '/a/composer.lock');
    assert.equal(project.product, null);
    assert.deepEqual(project.qpt, { installed: null });
  });

  it('accepts a UTF-8 byte order mark', () => {
    const project = parseProject('\uFEFF' + lockText([p('magento/magento2-base', '2.4.8')]), '/a/composer.lock');
    assert.equal(project.product?.version, '2.4.8');
  });

  it('resolves vendor and bin folders from composer.json', () => {
    const defaults = parseProject(lockText([]), '/srv/shop/composer.lock');
    assert.equal(defaults.vendorDir, '/srv/shop/vendor');
    assert.equal(defaults.binDir, '/srv/shop/vendor/bin');
    const custom = parseProject(
      lockText([]),
      '/srv/shop/composer.lock',
      JSON.stringify({ config: { 'vendor-dir': 'lib/php/' } }),
    );
    assert.equal(custom.vendorDir, '/srv/shop/lib/php');
    assert.equal(custom.binDir, '/srv/shop/lib/php/bin');
    const bin = parseProject(
      lockText([]),
      '/srv/shop/composer.lock',
      '\uFEFF' + JSON.stringify({ config: { 'vendor-dir': '/opt/deps', 'bin-dir': '{$vendor-dir}/../tools' } }),
    );
    assert.equal(bin.vendorDir, '/opt/deps');
    assert.equal(bin.binDir, '/opt/tools');
    const nullConfig = parseProject(lockText([]), '/srv/shop/composer.lock', JSON.stringify({ config: null }));
    assert.equal(nullConfig.vendorDir, '/srv/shop/vendor');
  });

  it('reports invalid JSON with file, line and column', () => {
    const text = '{\n  "packages": [\n    {"name": "a", "version": "1.0"\n    {"name": "b"}\n  ]\n}';
    const problem = inputError(() => parseProject(text, '/srv/shop/composer.lock'));
    assert.equal(problem.file, '/srv/shop/composer.lock');
    assert.equal(problem.line, 4);
    assert.equal(problem.column, 5);
    assert.match(problem.message, /^invalid JSON: /);
  });

  it('reports a wrong shape as "not a composer.lock", with the JSON path', () => {
    for (const text of ['[]', '"x"', 'null', '{"name": "acme/app", "require": {}}']) {
      const problem = inputError(() => parseProject(text, '/a/composer.lock'));
      assert.match(problem.message, /^not a composer\.lock/, text);
    }
    assert.equal(inputError(() => parseProject('{"packages": {}}', '/a/composer.lock')).path, 'packages');
    assert.equal(
      inputError(() => parseProject('{"packages": [], "packages-dev": 3}', '/a/composer.lock')).path,
      'packages-dev',
    );
    assert.equal(inputError(() => parseProject('{"packages": [null]}', '/a/composer.lock')).path, 'packages[0]');
    assert.equal(
      inputError(() => parseProject('{"packages": [{"version": "1"}]}', '/a/composer.lock')).path,
      'packages[0].name',
    );
    const noVersion = inputError(() => parseProject(lockText([p('a/b', '1'), { name: 'c/d' }]), '/a/composer.lock'));
    assert.equal(noVersion.path, 'packages[1].version');
    assert.match(noVersion.message, /c\/d/);
  });

  it('reports a broken composer.json by its own name', () => {
    const bad = inputError(() =>
      parseProject(lockText([]), '/srv/shop/composer.lock', '{"config": {"vendor-dir": 7}}'),
    );
    assert.equal(bad.file, '/srv/shop/composer.json');
    assert.equal(bad.path, 'config.vendor-dir');
    const syntax = inputError(() => parseProject(lockText([]), '/srv/shop/composer.lock', '{\n"config": }'));
    assert.deepEqual([syntax.file, syntax.line], ['/srv/shop/composer.json', 2]);
  });

  it('pairs x.lock with x.json', () => {
    assert.equal(composerJsonFor('/a/composer.lock'), '/a/composer.json');
    assert.equal(composerJsonFor('/a/composer-dev.lock'), '/a/composer-dev.json');
  });
});

describe('lock: readProject on fixtures', () => {
  it('cloud-246p3: Commerce on cloud 2.4.6-p3 with QPT 1.1.43', () => {
    const project = readProject(fixture('cloud-246p3', 'composer.lock'));
    assert.deepEqual(project.product, { edition: 'commerce', version: '2.4.6-p3', b2b: false, cloud: true });
    assert.deepEqual(project.qpt, { installed: '1.1.43' });
    assert.equal(project.packages.get('magento/magento-cloud-metapackage'), '2.4.6');
    assert.equal(project.vendorDir, fixture('cloud-246p3', 'vendor'));
    assert.equal(project.binDir, fixture('cloud-246p3', 'vendor', 'bin'));
  });

  it('os-247p1: Open Source 2.4.7-p1 without QPT, dev packages included', () => {
    const project = readProject(fixture('os-247p1', 'composer.lock'));
    assert.deepEqual(project.product, { edition: 'open-source', version: '2.4.7-p1', b2b: false, cloud: false });
    assert.equal(project.qpt.installed, null);
    assert.equal(project.packages.get('phpunit/phpunit'), '9.6.19');
  });

  it('monorepo: a Composer 1 store and a B2B store with its own vendor and bin folders', () => {
    const a = readProject(fixture('monorepo', 'stores', 'a', 'composer.lock'));
    assert.deepEqual(a.product, { edition: 'commerce', version: '2.4.1', b2b: false, cloud: false });
    const b = readProject(fixture('monorepo', 'stores', 'b', 'composer.lock'));
    assert.deepEqual(b.product, { edition: 'commerce', version: '2.4.6-p8', b2b: true, cloud: false });
    assert.equal(b.qpt.installed, '1.1.54');
    assert.equal(b.vendorDir, fixture('monorepo', 'stores', 'b', 'lib', 'composer'));
    assert.equal(b.binDir, fixture('monorepo', 'stores', 'b', 'tools', 'bin'));
  });

  it('no-commerce: product null', () => {
    const project = readProject(fixture('no-commerce', 'composer.lock'));
    assert.equal(project.product, null);
    assert.equal(project.packages.get('symfony/framework-bundle'), 'v6.4.8');
  });

  it('broken-lock: file, line and column of the syntax error', () => {
    const problem = inputError(() => readProject(fixture('broken-lock', 'composer.lock')));
    assert.equal(problem.file, fixture('broken-lock', 'composer.lock'));
    assert.deepEqual([problem.line, problem.column], [10, 13]);
  });

  it('a missing lock or a folder is an InputError, not a crash', () => {
    const missing = inputError(() => readProject(fixture('composer-json-only', 'composer.lock')));
    assert.equal(missing.message, 'file not found');
    assert.equal(inputError(() => readProject(fixture('os-247p1'))).message, 'is a folder, not a file');
  });
});
