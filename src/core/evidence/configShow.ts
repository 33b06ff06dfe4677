/**
 * Reads what `bin/magento config:show` prints: one `path - value` line per stored setting (the default scope's
 * values, from the database). Lines of another shape (notices, warnings) are skipped.
 */
export function parseConfigShow(output: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of output.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const at = line.indexOf(' - ');
    if (at <= 0) continue;
    const path = line.slice(0, at);
    if (!/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)+$/.test(path)) continue;
    values.set(path, line.slice(at + 3));
  }
  return values;
}
