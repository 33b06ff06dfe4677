import * as assert from 'node:assert/strict';
import { jsonPath, lineColumnAt, parseJsonText, stripBom, syntaxErrorOffset } from '../../../../src/core/lock/jsonText';
import { InputError } from '../../../../src/core/problem';

/** The location parseJsonText reports for `text`. */
function located(text: string): { line?: number; column?: number; message: string } {
  try {
    parseJsonText(text, '/x/file.json');
  } catch (e) {
    assert.ok(e instanceof InputError);
    return { line: e.problem.line, column: e.problem.column, message: e.problem.message };
  }
  assert.fail('expected a syntax error');
}

describe('lock: JSON text', () => {
  it('strips a UTF-8 byte order mark only at the start', () => {
    assert.equal(stripBom('\uFEFF{}'), '{}');
    assert.equal(stripBom('{}\uFEFF'), '{}\uFEFF');
    assert.deepEqual(parseJsonText('\uFEFF{"a":1}', 'f'), { a: 1 });
  });

  it('counts lines and columns from 1', () => {
    assert.deepEqual(lineColumnAt('ab\ncd\r\nef', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumnAt('ab\ncd\r\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumnAt('ab\ncd\r\nef', 8), { line: 3, column: 2 });
    assert.deepEqual(lineColumnAt('ab', 99), { line: 1, column: 3 });
  });

  it('locates "at position" errors', () => {
    assert.deepEqual(located('{\n  "a": 1\n  "b": 2\n}'), {
      line: 3,
      column: 3,
      message: "invalid JSON: Expected ',' or '}' after property value",
    });
    const trailing = located('{"a": [1, 2,]}');
    assert.equal(trailing.line, 1);
    assert.equal(trailing.column, 13);
  });

  it('locates the end of a truncated file', () => {
    assert.deepEqual(located('{\n  "a": [\n'), {
      line: 3,
      column: 1,
      message: 'invalid JSON: Unexpected end of JSON input',
    });
    assert.equal(located('').line, 1);
  });

  it('locates an unexpected token V8 only quotes with its context', () => {
    // Short text quoted whole.
    const short = located('{"a": tru}');
    assert.deepEqual([short.line, short.column], [1, 10]);
    assert.match(short.message, /Unexpected token '}'/);
    // Long text, token in the middle: 10 characters either side are quoted.
    const text = '{\n  "packages": [\n    {"name": "x", "version": nope}\n  ]\n}';
    const mid = located(text);
    assert.deepEqual([mid.line, mid.column], [3, 31]); // V8 stops at the "o" of "nope"
    // Near the start and near the end.
    const start = located('{"a": xyz, "b": 1, "c": 2, "d": 3, "e": 4}');
    assert.deepEqual([start.line, start.column], [1, 7]);
    const end = located('{"a": 1, "b": 2, "c": 3, "d": 4, "e": xyz}');
    assert.deepEqual([end.line, end.column], [1, 39]);
  });

  it('finds the token even when its context occurs earlier in the text', () => {
    const text = '["aaaaaaaaaaaaaaaaaaaaaaaaaa", aaaaaaaaaaaaaaaaaaaaaaaaaaaa]';
    const offset = text.indexOf(', a') + 2;
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = (e as Error).message;
    }
    assert.equal(syntaxErrorOffset(message, text), offset);
  });

  it('reads newer engines "(line L column C)" and leaves unknown messages unlocated', () => {
    assert.equal(syntaxErrorOffset('Unexpected token (line 2 column 3)', 'ab\ncdef'), 5);
    assert.equal(syntaxErrorOffset('Something else entirely', '{}'), undefined);
  });

  it('renders JSON paths', () => {
    assert.equal(jsonPath(['ACSD-1', 'packages', 'magento/magento2-base']), 'ACSD-1.packages["magento/magento2-base"]');
    assert.equal(jsonPath(['packages', 3, 'name']), 'packages[3].name');
    assert.equal(jsonPath(['x', '>=2.4.6 <2.4.7']), 'x[">=2.4.6 <2.4.7"]');
    assert.equal(jsonPath([]), '');
  });
});
