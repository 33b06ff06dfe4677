import type { Locale } from '../locale';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(
      locale,
      withDate ? { dateStyle: 'medium', timeStyle: 'short' } : { timeStyle: 'short' },
    );
    formats.set(key, f);
  }
  return f;
}

/**
 * When something happened, as `locale` writes it: the time alone for today ("10:32", "10:32 AM"), date and time
 * otherwise ("20 nov. 2026, 10:32", "2026/11/20 10:32"). `now` is for tests.
 */
export function formatWhen(time: number, locale: Locale, now = Date.now()): string {
  const then = new Date(time);
  const today = new Date(now);
  const sameDay =
    then.getFullYear() === today.getFullYear() &&
    then.getMonth() === today.getMonth() &&
    then.getDate() === today.getDate();
  return format(locale, !sameDay).format(then);
}
