import { type Locale, type LocalizedText, localized } from '../locale';

/** "Fixes the issue where …", "Fixes an issue with …", "Fixed the issues when …", "Fixes multiple issues related to …". */
const FIXES_THE_ISSUE =
  /^(?:this\s+)?fix(?:es|ed)?\s+(?:the\s+|an\s+|a\s+)?(?:[\w-]+\s+)?issues?\s+(?:where|with|when|that|which|in which|of|related to|regarding|causing|for|in|on)\s+/i;
/** "Fixes the error that occurs when …", "Fixes the error when …". */
const FIXES_THE_ERROR =
  /^fix(?:es|ed)?\s+(?:the\s+|an\s+)?error\s+(?:that\s+(?:occurs|happens|appears)\s+)?(when|while|on|in|during)\s+/i;

/**
 * A title that leads with what is wrong: QPT's English titles mostly begin "Fixes the issue where …", which leaves
 * "Fixes the issue wh…" on every narrow row. "Fixes the issue where X failed." → "X failed"; "Fixes the error that
 * occurs when X" → "Error when X". Other titles stay as they are (without a final period).
 */
export function displayTitle(title: string): string {
  const text = oddSpacing(title) ? title.trim().replace(/\s+/g, ' ') : title;
  let out = text;
  const issue = FIXES_THE_ISSUE.exec(text);
  if (issue !== null && text.length > issue[0].length + 3) out = text.slice(issue[0].length);
  else {
    const error = FIXES_THE_ERROR.exec(text);
    if (error !== null && text.length > error[0].length + 3)
      out = `Error ${error[1].toLowerCase()} ${text.slice(error[0].length)}`;
  }
  if (out.endsWith('.')) out = out.slice(0, -1);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** White space other than single spaces between words (most titles have none, and are then used as they are). */
const ODD_SPACING = /^\s|\s$|\s\s|[^\S ]/;

/** True when `text` has white space at either end, a run of it, or any other than the plain space. */
export function oddSpacing(text: string): boolean {
  return ODD_SPACING.test(text);
}

/** A patch's title for rows in the display language: a translated title as written, the English one made readable. */
export function patchDisplayTitle(title: Readonly<LocalizedText>, locale: Locale): string {
  const text = localized(title, locale);
  return locale !== 'en' && title[locale] !== undefined ? text : displayTitle(text);
}
