import * as assert from 'node:assert/strict';
import { quote, shortText } from '../../../../src/core/text/quote';
import { displayUnits, escapeControls, forTerminal, oneLineForTerminal } from '../../../../src/core/text/terminal';

describe('text: what reaches a terminal', () => {
  it('escapes C0 and C1 controls, DEL, lone surrogates and bidirectional controls; keeps pairs and other text', () => {
    assert.equal(forTerminal('a\u001b]8;;http://evil/\u0007b'), 'a\\x1b]8;;http://evil/\\x07b');
    assert.equal(forTerminal('\u009b2J\u007f\u202e\u2066x'), '\\x9b2J\\x7f\\u202e\\u2066x');
    assert.equal(forTerminal('\ud800 \udfff 😀 顧客 é'), '\\ud800 \\udfff 😀 顧客 é');
    assert.equal(forTerminal('line\nnext\ttab'), 'line\nnext\ttab');
    assert.equal(escapeControls('x\ny'), 'x\\x0ay');
  });

  it('puts a message on one line: line breaks and tabs become spaces, runs of them one', () => {
    assert.equal(oneLineForTerminal('  folder\nwith \r\n\tbreaks\u001b[2J '), 'folder with breaks\\x1b[2J');
  });

  it('cuts into display units that never split an escape or a surrogate pair', () => {
    assert.deepEqual(displayUnits('a\u001b😀'), ['a', '\\x1b', '😀']);
    assert.deepEqual(displayUnits('a\tb\n', true), ['a', ' ', 'b', ' ']);
  });

  it('quotes input in messages: bounded, escaped, never half a surrogate pair', () => {
    assert.equal(quote('1'.repeat(200), 10), '"1111111111…"');
    assert.equal(quote('abcdefghi😀', 10), '"abcdefghi…"');
    assert.equal(quote('a\u0000\u009b'), '"a\\u0000\\x9b"');
    assert.equal(shortText('1.1.50'), '1.1.50');
    assert.equal(shortText('1.1\n50'), '"1.1\\n50"');
  });
});
