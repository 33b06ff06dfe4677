import { isUnsafeCharCode } from './terminal';

/**
 * Text from a catalog or a workspace, escaped for Markdown so that it renders as exactly that text: every ASCII
 * punctuation character gets a backslash (CommonMark allows it before any of them), so no emphasis, code span,
 * heading, list, table, link, image, autolink (`<command:…>`, `<https://…>`), bare `https://`, `www.` or e-mail
 * link, HTML tag, entity (`&lt;`) or `command:` URI can form; control characters, lone surrogates and bidirectional
 * controls are dropped; line breaks become spaces (or hard breaks with `keepLineBreaks`), and the leading spaces of a
 * line, which could make an indented code block, are dropped (four or more at the very start become one).
 */
export function escapeMarkdown(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const escaped = lines
    .map((line, i) => {
      const e = escapeLine(line);
      // Spaces inside a line stay (the text may follow other text); at the start of a line they could open a code block.
      return i > 0 ? e.replace(/^ +/, '') : e.replace(/^ {4,}/, ' ');
    })
    .filter((line, i) => i === 0 || line.trim() !== '');
  return escaped.join(options.keepLineBreaks ? '  \n' : ' ');
}

/** ASCII punctuation: the characters a backslash escapes in CommonMark. */
function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function escapeLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const next = line.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += line.slice(i, i + 2);
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c === 9) out += ' ';
    else if (isUnsafeCharCode(c)) continue;
    else if (isAsciiPunctuation(c)) out += '\\' + line[i];
    else out += line[i];
  }
  return out;
}
