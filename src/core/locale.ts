/** The languages the extension and the bundled catalog speak. English is the fallback. */
export const LOCALES = ['en', 'sv', 'fr', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in several languages; English is always present. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

/** Maps a BCP 47 tag such as `sv-SE`, `fr`, `ja-JP` or `en-US` to one of {@link LOCALES}; anything else is English. */
export function toLocale(tag: string | undefined): Locale {
  const primary = (tag ?? '').toLowerCase().split(/[-_.]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** The text in `locale`, else English. */
export function localized(text: LocalizedText, locale: Locale): string;
export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined;
export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined {
  return text === undefined ? undefined : (text[locale] ?? text.en);
}
