import * as assert from 'node:assert/strict';
import { ConstraintError, parseConstraint, satisfies } from '../../../../src/core/composer/constraint';
import { normalizeVersion, parseStability, phpTrim } from '../../../../src/core/composer/normalize';
import { parseVersion } from '../../../../src/core/composer/version';
import { composerDirs } from '../../../../src/core/lock/composerDirs';

/**
 * Inputs that took seconds to hours before (backtracking in the version and constraint patterns). Each must now be
 * answered at once, with the same answer Composer gives.
 */
describe('composer: hostile versions and constraints', () => {
  const digits = '1'.repeat(40);

  it('rejects a -p modifier with a long run of digits and a stray letter at once (was exponential)', () => {
    assert.equal(parseVersion(`2.4.6-p${digits}x`), undefined);
    assert.equal(parseVersion(`2.4.6-p1111111111111111111111111111111111x`), undefined);
    assert.equal(normalizeVersion(`2.4.6-p${digits}`), `2.4.6.0-patch${digits}`);
  });

  it("keeps Composer's reading of modifiers with separators and numbers", () => {
    assert.equal(normalizeVersion('1.0.0-beta.1.2'), '1.0.0.0-beta1.2');
    assert.equal(normalizeVersion('1.0.0-RC-1'), '1.0.0.0-RC1');
    assert.equal(normalizeVersion('1.0.0.RC.15-dev'), '1.0.0.0-RC15-dev');
    assert.equal(normalizeVersion('20100102-203040-p1'), '20100102.203040-patch1');
    assert.equal(parseStability('1.0.0-beta2+build.1'), 'beta');
    assert.equal(parseStability('dev-main#abc'), 'dev');
  });

  it('rejects the same text as a ~, ^, hyphen or comparison constraint, and as a fixed-in version, at once', () => {
    for (const c of [`~2.4.6-p${digits}x`, `^2.4.6-p${digits}x`, `2.4.6-p${digits}x - 2.4.7`, `>=2.4.6-p${digits}x`]) {
      assert.throws(() => parseConstraint(c), ConstraintError, c);
    }
    assert.equal(satisfies(`2.4.6-p${digits}x`, '>=2.4.6'), false);
  });

  it('trims 150,000 spaces or tabs inside a constraint at once (was quadratic), and keeps the meaning', () => {
    // `1 2` is `1` and `2`, which nothing satisfies.
    assert.equal(satisfies('1', `1${' '.repeat(150_000)}2`), false);
    // A tab does not join requirements: `1<tabs>2` is not a version, and the message quotes only its start.
    assert.throws(
      () => parseConstraint(`1${'\t'.repeat(150_000)}2`),
      (e: Error) => e instanceof ConstraintError && e.message.length < 600,
    );
    assert.equal(satisfies('2.4.6', `${'\t'.repeat(150_000)}>=2.4.6${'\t'.repeat(150_000)}`), true);
    assert.equal(satisfies('2.4.6', `2.4.5${' '.repeat(150_000)}||${'\t'.repeat(150_000)}2.4.6`), true);
    assert.equal(phpTrim(`\0 \t${'x'}\n\x0B`), 'x');
    assert.equal(phpTrim(`a${' '.repeat(150_000)}b`), `a${' '.repeat(150_000)}b`);
  });

  it('resolves a vendor-dir of 150,000 slashes at once (was quadratic)', () => {
    const json = JSON.stringify({ config: { 'vendor-dir': `v${'/'.repeat(150_000)}x` } });
    assert.equal(composerDirs('/store', json, '/store/composer.json').vendorDir, '/store/v/x');
    const trailing = JSON.stringify({ config: { 'vendor-dir': `v${'/'.repeat(150_000)}` } });
    assert.equal(composerDirs('/store', trailing, '/store/composer.json').vendorDir, '/store/v');
  });
});
