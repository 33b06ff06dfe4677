import type { Locale } from '../locale';

const formats = new Map<Locale, Intl.NumberFormat>();

/** The digit group separators Intl uses for whole numbers: a non-breaking space in Swedish, a narrow one in French. */
const GROUP: Record<Locale, string> = { en: ',', ja: ',', sv: '\u00a0', fr: '\u202f' };

/**
 * A count or a duration written the way `locale` writes numbers: 12,345 in English and Japanese, 12 345 in Swedish
 * and French (with the non-breaking spaces Intl uses, so a number never wraps). Message arguments go through
 * this before they reach a `{0}`, since the translation functions only call `String()`. Whole non-negative numbers,
 * the counts of every report, are grouped here without Intl, whose first use costs a command-line run tens of ms.
 */
export function formatNumber(value: number, locale: Locale): string {
  if (Number.isSafeInteger(value) && value >= 0 && GROUP[locale] !== undefined) {
    const digits = String(value);
    let out = '';
    for (let end = digits.length; end > 0; end -= 3)
      out = (end > 3 ? GROUP[locale] : '') + digits.slice(Math.max(0, end - 3), end) + out;
    return out;
  }
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(value);
}
