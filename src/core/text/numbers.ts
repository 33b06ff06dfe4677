import type { Locale } from '../locale';

const formats = new Map<Locale, Intl.NumberFormat>();

/**
 * A count or a duration written the way `locale` writes numbers: 12,345 in English and Japanese, 12 345 in Swedish
 * and French (with the non-breaking spaces Intl uses, so a number never wraps). Message arguments go through
 * this before they reach a `{0}`, since the translation functions only call `String()`.
 */
export function formatNumber(value: number, locale: Locale): string {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(value);
}
