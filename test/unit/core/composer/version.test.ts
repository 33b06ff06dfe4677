import * as assert from 'node:assert/strict';
import { compareVersions, parseVersion, type ComposerVersion } from '../../../../src/core/composer/version';

function v(text: string): ComposerVersion {
  const parsed = parseVersion(text);
  assert.ok(parsed, `expected ${JSON.stringify(text)} to parse`);
  return parsed;
}

const cmp = (a: string, b: string): number => Math.sign(compareVersions(v(a), v(b)));

describe('composer version: normalization', () => {
  const cases: [string, string][] = [
    ['2.4.6', '2.4.6.0'],
    ['2.4.6-p3', '2.4.6.0-patch3'],
    ['2.4.6-pl3', '2.4.6.0-patch3'],
    ['2.4.6p3', '2.4.6.0-patch3'],
    ['2.4.6_p3', '2.4.6.0-patch3'],
    ['2.4.6.p3', '2.4.6.0-patch3'],
    ['2.4.6-patch3', '2.4.6.0-patch3'],
    ['2.4.6-p', '2.4.6.0-patch'],
    ['v2.4', '2.4.0.0'],
    ['V2', '2.0.0.0'],
    ['0', '0.0.0.0'],
    ['1.2.3.4', '1.2.3.4'],
    ['2.4.9-beta1', '2.4.9.0-beta1'],
    ['2.4.9-b1', '2.4.9.0-beta1'],
    ['2.4.9-BETA.1', '2.4.9.0-beta1'],
    ['2.4.9-a2', '2.4.9.0-alpha2'],
    ['2.4.9-rc1', '2.4.9.0-RC1'],
    ['1.0.0RC1dev', '1.0.0.0-RC1-dev'],
    ['1.0.0.RC.15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0.pl3-dev', '1.0.0.0-patch3-dev'],
    ['1.0-dev', '1.0.0.0-dev'],
    ['1.0.0-stable', '1.0.0.0'],
    ['1.0.0-alpha-2.1-3+foo', '1.0.0.0-alpha2.1-3'],
    ['2.4.6-p3+build.7', '2.4.6.0-patch3'],
    ['2.4.6@stable', '2.4.6.0'],
    ['2.4.6-p3 as 2.4.6', '2.4.6.0-patch3'],
    ['  2.4.6 ', '2.4.6.0'],
    ['00.01.03.04', '00.01.03.04'],
    ['2010-01-02', '2010.01.02'],
    ['20100102-203040-p1', '20100102.203040-patch1'],
    ['202301310000.0.0', '202301310000.0.0'],
    ['1.0.x-dev', '1.0.9999999.9999999-dev'],
    ['1.x-dev', '1.9999999.9999999.9999999-dev'],
    ['dev-main', 'dev-main'],
    ['DEV-Feature/x', 'dev-Feature/x'],
    ['master', 'dev-master'],
    ['dev-master as 1.0.0', 'dev-master'],
  ];
  for (const [input, normalized] of cases) {
    it(`${JSON.stringify(input)} → ${normalized}`, () => assert.equal(v(input).normalized, normalized));
  }

  it('keeps the text as given', () => assert.equal(v('2.4.6-p3').text, '2.4.6-p3'));

  const rejected = [
    '',
    '   ',
    'a',
    'latest',
    'feature-foo',
    '1.0.0-meh',
    '1.0.1-SNAPSHOT',
    '1.0.0.0.0',
    '2.4.6-p3-p4',
    '1.0 .2',
    '1.0.0+foo bar',
    '20100102.0.3.4',
    '^2.4',
    '~2.4',
    '2.4.*',
    '>=2.4.6',
    '2.4.6 || 2.4.7',
  ];
  for (const text of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseVersion(text), undefined));
  }

  it('reports stability', () => {
    assert.equal(v('2.4.6-p3').stability, 'stable');
    assert.equal(v('2.4.6').stability, 'stable');
    assert.equal(v('2.4.9-beta1').stability, 'beta');
    assert.equal(v('2.4.9-alpha1').stability, 'alpha');
    assert.equal(v('2.4.9-rc2').stability, 'RC');
    assert.equal(v('2.4.x-dev').stability, 'dev');
    assert.equal(v('dev-main').stability, 'dev');
  });

  it('caches parsed versions', () => {
    assert.equal(parseVersion('2.4.7-p1'), parseVersion('2.4.7-p1'));
    assert.equal(parseVersion('not a version'), parseVersion('not a version'));
  });
});

describe('composer version: ordering', () => {
  const ascending = [
    '2.4.5-p14',
    '2.4.6-dev',
    '2.4.6-alpha1',
    '2.4.6-beta',
    '2.4.6-beta1',
    '2.4.6-beta2',
    '2.4.6-beta10',
    '2.4.6-RC1',
    '2.4.6',
    '2.4.6-p1',
    '2.4.6-p2',
    '2.4.6-p9',
    '2.4.6-p10',
    '2.4.6.1',
    '2.4.7-beta1',
    '2.4.7',
    '2.4.7-p1',
    '2.4.10',
    '2.10.0',
    '10.0.0',
  ];

  it('orders patch releases after the release and before the next version, pre-releases before it', () => {
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        const expected = Math.sign(i - j);
        assert.equal(cmp(ascending[i], ascending[j]), expected, `${ascending[i]} vs ${ascending[j]}`);
      }
    }
  });

  it('sorts a shuffled list back into order', () => {
    const shuffled = [...ascending].reverse().sort((a, b) => a.length - b.length || a.localeCompare(b));
    assert.deepEqual(
      shuffled
        .map(v)
        .sort(compareVersions)
        .map((x) => x.text),
      ascending,
    );
  });

  it('compares numbers as numbers, not text', () => {
    assert.equal(cmp('2.4.6-p10', '2.4.6-p9'), 1);
    assert.equal(cmp('2.4.10', '2.4.9'), 1);
    assert.equal(cmp('00.01', '0.1'), 0);
  });

  it('puts a -pN release before a four-part version with the same first three parts', () => {
    // 2.4.6-p3 is 2.4.6.0-patch3, which is below 2.4.6.3.
    assert.equal(cmp('2.4.6-p3', '2.4.6.3'), -1);
    assert.equal(cmp('2.4.6-p99', '2.4.6.1'), -1);
    assert.equal(cmp('2.4.6.0-p3', '2.4.6-p3'), 0);
  });

  it('treats spellings of the same version as equal', () => {
    assert.equal(cmp('2.4.6-p3', 'v2.4.6.0-patch3'), 0);
    assert.equal(cmp('2.4.6-p3', '2.4.6-pl3'), 0);
    assert.equal(cmp('2.4', '2.4.0.0'), 0);
    assert.equal(cmp('2.4.9-b1', '2.4.9-beta1'), 0);
    assert.equal(cmp('2.4.9-rc1', '2.4.9-RC1'), 0);
    assert.equal(cmp('2.4.6-p3+abc', '2.4.6-p3'), 0);
  });

  it('puts numeric dev branches where their numbers say', () => {
    assert.equal(cmp('2.4.x-dev', '2.4.99'), 1);
    assert.equal(cmp('2.4.x-dev', '2.5.0-dev'), -1);
  });

  it('keeps named branches apart: equal only to themselves, after every numbered version', () => {
    assert.equal(v('dev-main').isBranch, true);
    assert.equal(v('2.4.x-dev').isBranch, false);
    assert.equal(cmp('dev-main', 'dev-main'), 0);
    assert.equal(cmp('master', 'dev-master'), 0);
    assert.equal(cmp('dev-a', 'dev-b'), -1);
    assert.equal(cmp('dev-main', '99999.0.0'), 1);
    assert.equal(cmp('1.0.0', 'dev-main'), -1);
  });
});
