import * as assert from 'node:assert/strict';
import { compileGlob, globMatches, StreamingGlobMatch } from '../../../../src/core/evidence/glob';

const matches = (glob: string, line: string) => globMatches(compileGlob(glob), line);

/** The same line fed in pieces of `size` characters. */
function streamed(glob: string, line: string, size: number): boolean {
  const m = new StreamingGlobMatch(compileGlob(glob));
  for (let i = 0; i < line.length; i += size) m.feed(line.slice(i, i + size));
  return m.matched;
}

describe('evidence: log globs', () => {
  it('are unanchored and case-sensitive, "*" spanning any run of characters', () => {
    assert.ok(matches('Division by zero', '[2024] report.CRITICAL: DivisionByZeroError: Division by zero in x.php'));
    assert.ok(!matches('division by zero', 'Division by zero'));
    assert.ok(matches("Table '*.catalog_*' doesn't exist", "Table 'db.catalog_product_index_price_1' doesn't exist"));
    assert.ok(matches('a*b*c', 'abc'));
    assert.ok(!matches('a*b*c', 'acb'));
    assert.ok(matches('*', ''));
  });

  it('keep regular-expression metacharacters and other backslashes literal', () => {
    const glob = 'Elasticsearch\\Common\\Exceptions\\BadRequest400Exception*[bool] (x|y) $1 ^a.b+';
    assert.ok(
      matches(
        glob,
        'report.CRITICAL: Elasticsearch\\Common\\Exceptions\\BadRequest400Exception: [bool] (x|y) $1 ^a.b+',
      ),
    );
    assert.ok(!matches(glob, 'ElasticsearchXCommon\\Exceptions\\BadRequest400Exception: [bool] (x|y) $1 ^a.b+'));
    assert.ok(!matches('[bool]', 'b'));
    assert.ok(!matches('a.b', 'axb'));
  });

  it('read "?" as exactly one character, a character outside the BMP included', () => {
    assert.ok(matches('id ?,', 'id 7, ok'));
    assert.ok(!matches('id ?,', 'id 77, ok'));
    assert.ok(!matches('id ?,', 'id , ok'));
    assert.ok(matches('x??y', 'x😀éy'));
    assert.ok(matches('x?y', 'x\u2028y'), 'U+2028 is a character like any other');
    assert.ok(matches('a*b', 'a\u2028\u2029b'));
  });

  it('read "\\*" and "\\?" as a literal star and question mark', () => {
    assert.ok(matches('price \\* 2', 'price * 2'));
    assert.ok(!matches('price \\* 2', 'price x 2'));
    assert.ok(matches('why\\?', 'why?'));
    assert.ok(!matches('why\\?', 'whyx'));
    assert.ok(matches('a\\b', 'a\\b'), 'a backslash before anything else is itself');
  });

  it('match lines that hold "*" and "?" themselves', () => {
    assert.ok(matches('SELECT * FROM*WHERE', 'SELECT * FROM t WHERE a = ?'));
    assert.ok(matches('a*?*b', 'a?b'));
  });

  it('find segments in order, at their earliest place (a forward search, no backtracking)', () => {
    const line = 'a'.repeat(200_000) + 'b';
    assert.ok(!matches('*a*a*a*a*a*a*a*a*a*a*c', line));
    assert.ok(matches('aa*ab', line));
    assert.ok(matches('ab*ab', 'xxabyyab'));
    assert.ok(!matches('ab*ab', 'xxabyy'));
  });

  it('match the same way when a line comes in pieces, with segments cut across them', () => {
    const cases: Array<[string, string]> = [
      [
        "Duplicate entry '*' for key 'PRIMARY', query was: INSERT INTO `search_tmp_*`",
        "x Duplicate entry '12' for key 'PRIMARY', query was: INSERT INTO `search_tmp_abc` y",
      ],
      ['x??y', 'aaa x😀éy bbb'],
      ['a*b*c', 'zzzazzzbzzzc'],
      ['a*b*c', 'zzzazzzczzzb'],
      ['needle', 'nee' + 'x'.repeat(50) + 'needl' + 'e'],
    ];
    for (const [glob, line] of cases) {
      for (const size of [1, 2, 3, 7, 1000])
        assert.equal(streamed(glob, line, size), matches(glob, line), `${glob} / ${size}`);
    }
  });
});
