import * as assert from 'node:assert/strict';
import { ConstraintError, parseConstraint, satisfies } from '../../../../src/core/composer/constraint';
import { parseVersion } from '../../../../src/core/composer/version';

describe('composer constraint: parsed form (as Composer renders it)', () => {
  const cases: [string, string][] = [
    // Implicit -dev on < and >=, none on <=, >, =.
    ['<2.4.7', '< 2.4.7.0-dev'],
    ['>=2.4.9', '>= 2.4.9.0-dev'],
    ['<=2.4.6-p8', '<= 2.4.6.0-patch8'],
    ['>2.4.8', '> 2.4.8.0'],
    ['2.4.6-p3', '== 2.4.6.0-patch3'],
    ['==2.4.6', '== 2.4.6.0'],
    ['<>2.4.6', '!= 2.4.6.0'],
    ['>= 2.4.6', '>= 2.4.6.0-dev'],
    ['<2.4.7-p1', '< 2.4.7.0-patch1'],
    ['<2.4.7-beta1', '< 2.4.7.0-beta1'],
    ['<1.2.3.4-stable', '< 1.2.3.4'],
    // Composer lower-cases before looking for a suffix but looks for "RC" in upper case.
    ['<2.4.7-RC1', '< 2.4.7.0-RC1-dev'],
    ['>=2.4.6 <2.4.7', '[>= 2.4.6.0-dev < 2.4.7.0-dev]'],
    ['>=2.4.6,<2.4.7', '[>= 2.4.6.0-dev < 2.4.7.0-dev]'],
    ['  > 2.0  ,  <=  3.0 ', '[> 2.0.0.0 <= 3.0.0.0]'],
    ['>=2.4.6 <=2.4.6-p8', '[>= 2.4.6.0-dev <= 2.4.6.0-patch8]'],
    // Caret and tilde with Composer's meaning.
    ['^2.4', '[>= 2.4.0.0-dev < 3.0.0.0-dev]'],
    ['^1.1.4', '[>= 1.1.4.0-dev < 2.0.0.0-dev]'],
    ['^0.3', '[>= 0.3.0.0-dev < 0.4.0.0-dev]'],
    ['^0.0.3', '[>= 0.0.3.0-dev < 0.0.4.0-dev]'],
    ['^1.2.3-beta.2', '[>= 1.2.3.0-beta2 < 2.0.0.0-dev]'],
    ['~2.4', '[>= 2.4.0.0-dev < 3.0.0.0-dev]'],
    ['~2.4.6', '[>= 2.4.6.0-dev < 2.5.0.0-dev]'],
    ['~2.4.6.1', '[>= 2.4.6.1-dev < 2.4.7.0-dev]'],
    ['~1', '[>= 1.0.0.0-dev < 2.0.0.0-dev]'],
    ['~1.2-beta', '[>= 1.2.0.0-beta < 2.0.0.0-dev]'],
    ['~2.x-dev', '[>= 2.9999999.9999999.9999999-dev < 3.0.0.0-dev]'],
    // Wildcards.
    ['2.4.*', '[>= 2.4.0.0-dev < 2.5.0.0-dev]'],
    ['2.4.x', '[>= 2.4.0.0-dev < 2.5.0.0-dev]'],
    ['2.*.*', '[>= 2.0.0.0-dev < 3.0.0.0-dev]'],
    ['0.*', '< 1.0.0.0-dev'],
    ['*', '*'],
    ['v*', '>= 0.0.0.0-dev'],
    ['*.*', '>= 0.0.0.0-dev'],
    // Hyphen ranges: a complete upper version is inclusive, a partial one covers its whole series.
    ['2.1.4 - 2.1.14', '[>= 2.1.4.0-dev <= 2.1.14.0]'],
    ['2.1 - 2.3', '[>= 2.1.0.0-dev < 2.4.0.0-dev]'],
    ['1 - 2', '[>= 1.0.0.0-dev < 3.0.0.0-dev]'],
    ['1 - 2.0', '[>= 1.0.0.0-dev < 2.1.0.0-dev]'],
    ['1.2-beta - 2.3', '[>= 1.2.0.0-beta < 2.4.0.0-dev]'],
    ['1.2.3-alpha - 2.3-RC', '[>= 1.2.3.0-alpha <= 2.3.0.0-RC]'],
    ['100.2.0 - 100.2.3', '[>= 100.2.0.0-dev <= 100.2.3.0]'],
    // Alternatives, and Composer's merge of touching ranges.
    ['2.4.4-p9 || 2.4.5-p8', '[== 2.4.4.0-patch9 || == 2.4.5.0-patch8]'],
    ['1.1.2|1.1.4', '[== 1.1.2.0 || == 1.1.4.0]'],
    ['^2.5 || ^3.0 || ^4.0', '[>= 2.5.0.0-dev < 5.0.0.0-dev]'],
    ['^0.2 || ^1.0', '[[>= 0.2.0.0-dev < 0.3.0.0-dev] || [>= 1.0.0.0-dev < 2.0.0.0-dev]]'],
    ['~0.1 || ~1.0 !=1.0.1', '[[>= 0.1.0.0-dev < 1.0.0.0-dev] || [>= 1.0.0.0-dev < 2.0.0.0-dev != 1.0.1.0]]'],
    ['~2.5.9|~2.6,>=2.6.2', '[[>= 2.5.9.0-dev < 2.6.0.0-dev] || [>= 2.6.0.0-dev < 3.0.0.0-dev >= 2.6.2.0-dev]]'],
    // Stability flags, aliases, references, branches.
    ['>=2.4.6@stable', '>= 2.4.6.0-dev'],
    ['>=1.0@beta', '>= 1.0.0.0-beta'],
    ['1.0@dev', '== 1.0.0.0'],
    ['>2.0@stable,@dev', '[> 2.0.0.0 *]'],
    ['1.0.x-dev#abc123', '== 1.0.9999999.9999999-dev'],
    ['dev-main', '== dev-main'],
    ['foobar-dev as 2.1.0 || 3.5 as 1.5', '[== dev-foobar || == 3.5.0.0]'],
    // Typos Composer accepts.
    ['^1.', '[>= 1.0.0.0-dev < 2.0.0.0-dev]'],
    ['1.2..dev', '== 1.2.0.0-dev'],
  ];
  for (const [text, normalized] of cases) {
    it(`${JSON.stringify(text)} → ${normalized}`, () => {
      const c = parseConstraint(text);
      assert.equal(c.normalized, normalized);
      assert.equal(c.text, text);
    });
  }
});

describe('composer constraint: matching', () => {
  const cases: [string, string, boolean][] = [
    // Implicit -dev bounds.
    ['<2.4.7', '2.4.6-p15', true],
    ['<2.4.7', '2.4.7-beta1', false],
    ['<2.4.7', '2.4.7-alpha1', false],
    ['<2.4.7', '2.4.7-dev', false],
    ['<2.4.7', '2.4.7', false],
    ['>=2.4.9', '2.4.9-beta1', true],
    ['>=2.4.9', '2.4.9-dev', true],
    ['>=2.4.9', '2.4.8-p5', false],
    ['>=2.4.6 <2.4.7', '2.4.6', true],
    ['>=2.4.6 <2.4.7', '2.4.6-p14', true],
    ['>=2.4.6 <2.4.7', '2.4.5-p15', false],
    ['>=2.4.6 <2.4.7', '2.4.7-p1', false],
    // Patch releases sort after the release.
    ['>2.4.8', '2.4.8-p1', true],
    ['>2.4.8', '2.4.8', false],
    ['<=2.4.6', '2.4.6-p1', false],
    ['<2.4.6-p3', '2.4.6-p2', true],
    ['<2.4.6-p3', '2.4.6-p3', false],
    ['>=2.4.6 <=2.4.6-p8', '2.4.6-p8', true],
    ['>=2.4.6 <=2.4.6-p8', '2.4.6-p9', false],
    ['>=2.4.6 <=2.4.6-p8', '2.4.6-p10', false],
    ['>=2.4.6 <=2.4.6-p8', '2.4.7', false],
    ['>4.5.0 <4.5.0-p7', '4.5.0-p6', true],
    ['>4.5.0 <4.5.0-p7', '4.5.0', false],
    // Exact versions.
    ['2.4.6', '2.4.6', true],
    ['2.4.6', '2.4.6-p1', false],
    ['2.4.6', '2.4.6.0', true],
    ['2.4.6-p1', '2.4.6-pl1', true],
    ['2.4.6-p1', '2.4.6.1', false],
    ['!=2.4.6-p3', '2.4.6-p2', true],
    ['!=2.4.6-p3', '2.4.6-p3', false],
    ['<>2.4.6-p3', '2.4.6-p3', false],
    ['>=2.4.0 !=2.4.3', '2.4.3', false],
    ['>=2.4.0 !=2.4.3', '2.4.3-p1', true],
    // Caret and tilde.
    ['^2.4', '2.4.0-beta1', true],
    ['^2.4', '2.9.9', true],
    ['^2.4', '3.0.0-beta1', false],
    ['^2.4', '2.3.7-p4', false],
    ['^0.3', '0.3.9', true],
    ['^0.3', '0.4.0', false],
    ['^0.0.3', '0.0.4', false],
    ['~2.4.6', '2.4.6-p14', true],
    ['~2.4.6', '2.4.9', true],
    ['~2.4.6', '2.5.0', false],
    ['~2.4', '2.9.1', true],
    ['~2.4', '3.0.0', false],
    ['~1.1.6', '1.1.7-p5', true],
    ['~1.1.6', '1.2.0', false],
    // Wildcards.
    ['2.4.*', '2.4.0-alpha1', true],
    ['2.4.*', '2.4.8-p5', true],
    ['2.4.*', '2.5.0-dev', false],
    ['2.4.x', '2.3.7', false],
    ['*', '0.0.1-alpha', true],
    // Hyphen ranges.
    ['2.1.4 - 2.1.14', '2.1.4-beta1', true],
    ['2.1.4 - 2.1.14', '2.1.14', true],
    ['2.1.4 - 2.1.14', '2.1.14-p1', false],
    ['2.1.4 - 2.1.14', '2.1.15', false],
    ['2.1 - 2.3', '2.0.9', false],
    ['2.1 - 2.3', '2.1.0', true],
    ['2.1 - 2.3', '2.3.7-p4', true],
    ['2.1 - 2.3', '2.4.0-beta1', false],
    ['2.1.10 - 2.1.14 || 2.2.2 - 2.2.5', '2.2.5', true],
    ['2.1.10 - 2.1.14 || 2.2.2 - 2.2.5', '2.2.0', false],
    // Alternatives and conjunctions.
    ['2.4.4-p9 || 2.4.5-p8 || 2.4.6-p6', '2.4.5-p8', true],
    ['2.4.4-p9 || 2.4.5-p8 || 2.4.6-p6', '2.4.5-p9', false],
    ['1.1.2|1.1.4', '1.1.4', true],
    ['>=2.4.4,<2.4.5', '2.4.4-p13', true],
    ['>=2.4.4, <2.4.5', '2.4.5', false],
    ['~0.1 || ~1.0 !=1.0.1', '1.0.1', false],
    ['^2.5 || ^3.0 || ^4.0', '3.5.0', true],
    ['^2.5 || ^3.0 || ^4.0', '5.0.0', false],
    ['^2.5 || ^3.0 || ^4.0', '2.4.9', false],
    ['~0.1 || ~1.0 !=1.0.1', '0.5.0', true],
    // Stability flags.
    ['>=2.4.6@stable', '2.4.6', true],
    ['>=2.4.9@beta', '2.4.9-alpha1', false],
    ['>=2.4.9@beta', '2.4.9-beta1', true],
    ['2.4.*@dev', '2.4.8', true],
    // Branches equal only themselves.
    ['*', 'dev-main', true],
    ['v*', 'dev-main', false],
    ['dev-main', 'dev-main', true],
    ['dev-main', 'dev-develop', false],
    ['dev-main', '2.4.6', false],
    ['>=dev-main', 'dev-main', false],
    ['>=2.4', 'dev-main', false],
    ['!=dev-main', '2.4.6', true],
    ['!=dev-main', 'dev-main', false],
    ['2.4.x-dev', '2.4.x-dev', true],
    ['<2.5', '2.4.x-dev', true],
  ];
  for (const [constraint, version, expected] of cases) {
    it(`${JSON.stringify(constraint)} ${expected ? 'accepts' : 'rejects'} ${version}`, () => {
      assert.equal(satisfies(version, constraint), expected);
      const parsed = parseVersion(version);
      assert.ok(parsed);
      assert.equal(parseConstraint(constraint).matches(parsed), expected);
    });
  }

  it('is false for a version that cannot be parsed', () => {
    assert.equal(satisfies('not-a-version', '*'), false);
    assert.equal(satisfies('', '>=0'), false);
    assert.equal(satisfies('2.4.6 - 2.4.7', '*'), false);
  });

  it('parses each distinct constraint once', () => {
    assert.equal(parseConstraint('>=2.4.6 <2.4.7'), parseConstraint('>=2.4.6 <2.4.7'));
  });
});

describe('composer constraint: invalid input', () => {
  const invalid: [string, RegExp][] = [
    ['', /is empty/],
    ['   ', /is empty/],
    ['foo', /"foo" is not a valid version/],
    ['latest', /"latest"/],
    ['>=', /"" is not a valid version/],
    ['>=2.4.6 <foo', /"foo" is not a valid version in "<foo"/],
    ['=>2.4', /">2.4" is not a valid version/],
    ['~>1.2', /use "~"/],
    ['^', /"\^"/],
    ['^8 || ^', /in "\^"/],
    ['2.4.6 ||', /alternative .* is empty/],
    ['|| 2.4.6', /alternative .* is empty/],
    ['>2.0 ||| <=3.0', /alternative .* is empty/],
    ['>2.0,,<=3.0', /not a valid version/],
    ['1.0.0-meh', /"1.0.0-meh"/],
    ['2.4.6.7.8', /not a valid version/],
    ['^2.0.*', /not a valid version/],
    ['~2.x', /not a valid version/],
    ['1.x - 2.*', /not a valid version/],
    ['*-dev', /not a valid version/],
    ['>=2.4.6 <2.4.7 && 2.4.8', /"&&"/],
  ];
  for (const [text, reason] of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => parseConstraint(text),
        (e: unknown) => {
          assert.ok(e instanceof ConstraintError);
          assert.equal(e.constraint, text);
          assert.ok(e.message.startsWith(`Invalid version constraint ${JSON.stringify(text)}: `), e.message);
          assert.match(e.message, reason);
          assert.ok(!e.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  it('throws again on a second parse of the same bad text', () => {
    assert.throws(() => parseConstraint('>=2.4 <bogus'), ConstraintError);
    assert.throws(() => parseConstraint('>=2.4 <bogus'), ConstraintError);
  });

  it('satisfies throws on a bad constraint, even for an unparseable version', () => {
    assert.throws(() => satisfies('2.4.6', '>=2.4 <bogus'), ConstraintError);
    assert.throws(() => satisfies('junk', 'bogus'), ConstraintError);
  });

  it('keeps a multi-line constraint on one line in the message', () => {
    assert.throws(
      () => parseConstraint('foo\nbar'),
      (e: unknown) => e instanceof ConstraintError && !e.message.includes('\n'),
    );
  });
});
