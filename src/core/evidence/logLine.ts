/** How much of a matching line is kept for showing it. */
const TEXT_LIMIT = 300;

/** A line trimmed of surrounding blanks and cut to {@link TEXT_LIMIT} characters (never inside a character pair). */
export function trimLine(line: string): string {
  const text = line.trim();
  if (text.length <= TEXT_LIMIT) return text;
  let cut = TEXT_LIMIT;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}

/** Monolog's `[2025-09-04T03:48:43.988133+00:00]` and `[2021-11-22 08:30:56]`, at the start of a line. */
const STAMP = /^\[(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\]/;

/** The time stamp a log line starts with, as written; undefined when it has none. */
export function timestampOf(line: string): string | undefined {
  return STAMP.exec(line)?.[1];
}
