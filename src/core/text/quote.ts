import { escapeControls } from './terminal';

/**
 * Quotes a text taken from an input file for a message: JSON-style quotes, at most `max` characters (a longer text
 * ends in `…`, never in half a surrogate pair), and control characters, lone surrogates and bidirectional controls
 * escaped, so that a hostile value can neither flood nor rewrite the line it appears in.
 */
export function quote(text: string, max = 80): string {
  let cut = text.length > max ? max : text.length;
  if (cut < text.length && cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const body = JSON.stringify(text.slice(0, cut)).slice(1, -1);
  return `"${escapeControls(body)}${cut < text.length ? '…' : ''}"`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** A text from an input file as it may stand in a message without quotes: the same when short and plain, else {@link quote}d. */
export function shortText(text: string, max = 80): string {
  return text.length <= max && /^[\x21-\x7e]*$/.test(text) ? text : quote(text, max);
}
