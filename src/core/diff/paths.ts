/**
 * File names on `---`/`+++` lines, read the way `git apply -p1` reads a plain unified diff: a C-quoted name is
 * unquoted; otherwise the name ends at a tab (dates and `(revision …)` notes follow it) or the line's end; the first
 * folder (`a/`, `b/`) is taken off; `/dev/null` means no file.
 */

/** `/dev/null` followed by white space or the end of the line. */
export function isDevNull(field: string): boolean {
  return field.startsWith('/dev/null') && (field.length === 9 || /\s/.test(field[9]));
}

/** The name on a header line (after `--- ` / `+++ `), with one leading folder removed; undefined when there is none. */
export function headerName(field: string): string | undefined {
  let raw: string | undefined;
  if (field.startsWith('"')) raw = unquote(field);
  if (raw === undefined) {
    const tab = field.indexOf('\t');
    const newline = field.indexOf('\n');
    const end = tab < 0 || (newline >= 0 && newline < tab) ? newline : tab;
    raw = end < 0 ? field : field.slice(0, end);
  }
  const slash = raw.indexOf('/');
  if (slash < 0) return undefined;
  const rest = raw.slice(slash + 1);
  const name = rest.includes('//') ? rest.replace(/\/{2,}/g, '/') : rest;
  return name === '' ? undefined : name;
}

/**
 * The name git keeps when the two header lines differ: the old one when the new one merely adds to it
 * (`file` and `file.orig`), else the new one.
 */
export function pickName(oldName: string | undefined, newName: string | undefined): string | undefined {
  if (
    oldName !== undefined &&
    newName !== undefined &&
    oldName.length < newName.length &&
    newName.startsWith(oldName)
  ) {
    return oldName;
  }
  return newName ?? oldName;
}

/** True for a path that would leave the project: absolute, a drive letter, or a `..` part. */
export function isUnsafePath(path: string): boolean {
  const first = path.charCodeAt(0);
  if (first === 47 || first === 92 || (path.charCodeAt(1) === 58 && (first | 32) >= 97 && (first | 32) <= 122))
    return true;
  return path.includes('..') && path.split(/[\\/]/).some((part) => part === '..');
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

/** A C-quoted name (`"a/caf\303\251.php"`) as bytes; undefined when the quoting is broken. */
function unquote(field: string): string | undefined {
  let out = '';
  for (let i = 1; i < field.length; i++) {
    const c = field[i];
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = field[++i];
    if (next === undefined) return undefined;
    if (/[0-7]/.test(next)) {
      const octal = field.slice(i, i + 3);
      if (!/^[0-3][0-7]{2}$/.test(octal)) return undefined;
      out += String.fromCharCode(parseInt(octal, 8));
      i += 2;
    } else if (ESCAPES[next] !== undefined) {
      out += ESCAPES[next];
    } else {
      return undefined;
    }
  }
  return undefined;
}
