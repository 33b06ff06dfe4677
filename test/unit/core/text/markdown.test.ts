import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../../src/core/text/markdown';

/**
 * A tiny CommonMark-like check without a Markdown engine: after escaping, every ASCII punctuation character is
 * preceded by a backslash, so none of them can start or end a construct; unescaping gives the text back.
 */
function unescape(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function assertInert(md: string): void {
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      assert.match(md[i + 1] ?? '', /[!-/:-@[-`{-~]/, `a lone backslash at ${i} in ${md}`);
      i++;
    } else {
      assert.doesNotMatch(md[i], /[!-/:-@[-`{-~]/, `unescaped ${md[i]} at ${i} in ${md}`);
    }
  }
}

describe('text: Markdown escaping of catalog text', () => {
  const hostile = [
    '<command:commercePatches.apply?%5B%22ACSD-1%22%5D>',
    '[click me](command:commercePatches.revert?["ACSD-1"])',
    '![img](https://evil.example/x.png)',
    '<img src=x onerror=alert(1)>',
    '<https://evil.example/>',
    'https://evil.example/ and www.evil.example and mail@evil.example',
    '**bold** _em_ `code` ~~strike~~',
    '# Heading',
    '- item',
    '1. item',
    '> quote',
    '| a | b |',
    '&lt;script&gt; &#60;',
    'a\\b',
    '[ref]: command:x',
  ];

  it('leaves no Markdown construct: every ASCII punctuation character is escaped', () => {
    for (const text of hostile) {
      const md = escapeMarkdown(text);
      assertInert(md);
      assert.equal(unescape(md), text, text);
    }
  });

  it('turns line breaks into spaces, or hard breaks, and removes the indentation of code blocks', () => {
    assert.equal(escapeMarkdown('one\n\n    code\r\ntwo'), 'one code two');
    assert.equal(escapeMarkdown('one\n    two', { keepLineBreaks: true }), 'one  \ntwo');
    assert.equal(escapeMarkdown('a\ttab'), 'a tab');
    // Text that follows other text keeps its spaces: ` — folder` after a status sentence.
    assert.equal(escapeMarkdown(' — monorepo/stores/a'), ' — monorepo\\/stores\\/a');
    assert.equal(escapeMarkdown('      indented'), ' indented');
  });

  it('drops control characters, lone surrogates and bidirectional controls, keeps other characters', () => {
    assert.equal(escapeMarkdown('a\u001b]8;;x\u0007b\u202ec\ud800d'), 'a\\]8\\;\\;xbcd');
    assert.equal(escapeMarkdown('顧客 ログイン 😀 é'), '顧客 ログイン 😀 é');
  });
});
