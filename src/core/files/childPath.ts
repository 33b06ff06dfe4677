import { sep } from 'node:path';

/** A `.` or `..` part, an empty part (`a//b`, a trailing `/`), or a backslash. */
const NOT_PLAIN = /(?:^|\/)\.{0,2}(?:\/|$)|\\/;

/**
 * `base/name` for a plain relative name (parts separated by `/`, none empty, `.` or `..`, no backslash, not
 * absolute) below an absolute, normalized `base`: the same path `join` and `resolve` give, without their work (a
 * patch check builds one for each of a thousand files). Undefined for any other name, and on systems whose
 * separator is not `/`: the caller then takes the general way.
 */
export function childPath(base: string, name: string): string | undefined {
  if (sep !== '/' || name === '' || name.charCodeAt(0) === 47 || NOT_PLAIN.test(name)) return undefined;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}
