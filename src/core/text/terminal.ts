/**
 * Text for a terminal. Everything printed for people may come from a hostile workspace (catalog titles, version
 * strings, folder names), so control characters never reach the terminal raw: C0 and C1 controls and DEL, lone
 * surrogates and the bidirectional controls that reorder a line (Trojan Source) are shown as escapes (`\x1b`, `\u202e`),
 * so `ESC ]8;;…` can neither make a hidden link nor `ESC [2J` clear the screen.
 */

/** True for a character that must not reach a terminal as is. */
export function isUnsafeCharCode(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    c === 0x2028 ||
    c === 0x2029
  );
}

function escapeOf(c: number): string {
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * The text cut into display units: one per character (a surrogate pair is one character), except that each unsafe
 * character becomes one unit holding its escape. A column can then be fitted unit by unit without ever cutting an
 * escape in half. `oneLine` turns tabs and line breaks into a space instead (for table cells and one-line messages).
 */
export function displayUnits(text: string, oneLine = false): string[] {
  const units: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        units.push(text.slice(i, i + 2));
        i++;
      } else {
        units.push(escapeOf(c));
      }
    } else if (!isUnsafeCharCode(c)) {
      units.push(text[i]);
    } else if (oneLine && (c === 9 || c === 10 || c === 13 || c === 0x2028 || c === 0x2029)) {
      units.push(' ');
    } else {
      units.push(escapeOf(c));
    }
  }
  return units;
}

/** `text` with every unsafe character escaped (see {@link displayUnits}); line breaks and tabs kept. */
export function forTerminal(text: string): string {
  return escapeWhere(text, (c) => c !== 9 && c !== 10);
}

/** `text` on one line for a terminal: runs of white space (line breaks included) become one space, unsafe characters escapes. */
export function oneLineForTerminal(text: string): string {
  let out = '';
  let space = false;
  for (const unit of displayUnits(text, true)) {
    if (unit === ' ') {
      space = true;
      continue;
    }
    if (space && out !== '') out += ' ';
    space = false;
    out += unit;
  }
  return out;
}

/** Escapes the unsafe characters (and lone surrogates) of a text that is already JSON-escaped or otherwise safe to keep. */
export function escapeControls(text: string): string {
  return escapeWhere(text, () => true);
}

function escapeWhere(text: string, escape: (charCode: number) => boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let unsafe = isUnsafeCharCode(c) && escape(c);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      unsafe = true;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      unsafe = true;
    }
    if (unsafe) {
      out += text.slice(from, i) + escapeOf(c);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
