// Resolves "%key%" manifest strings through package.nls[.LOCALE].json, the way VS Code does for a display language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

/** A function that turns "%container.title%" into its text in `locale` (English when absent); other text is returned as is. */
export function localizer(locale) {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
    } catch {
      return {};
    }
  };
  const lang = locale?.toLowerCase();
  const table = { ...read('package.nls.json'), ...(lang && lang !== 'en' ? read(`package.nls.${lang}.json`) : {}) };
  return (text) => {
    const m = /^%(.+)%$/.exec(text ?? '');
    if (!m) return text;
    const entry = table[m[1]];
    if (entry === undefined) throw new Error(`package.nls${lang ? `[.${lang}]` : ''}.json has no "${m[1]}"`);
    return typeof entry === 'string' ? entry : entry.message;
  };
}
