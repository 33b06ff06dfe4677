/**
 * A patch's evidence signature (QPT's `metadata`): a tree of `and` / `or` over log rules (a glob tested against
 * each line of a log file) and config rules (a configuration path whose value must equal `match`).
 */
export type Signature = SignatureGroup | LogRule | ConfigRule;

interface SignatureGroup {
  readonly type: 'and' | 'or';
  readonly items: readonly Signature[];
}

export interface LogRule {
  readonly type: 'log';
  /** Log file relative to the store root, e.g. `var/log/exception.log`. */
  readonly path: string;
  /** Glob: `*` any run of characters, `?` one character, `\*` and `\?` literal. */
  readonly match: string;
}

export interface ConfigRule {
  readonly type: 'config';
  /** Configuration path, e.g. `dev/js/minify_files`. */
  readonly path: string;
  /** The value as PHP turns it into a string (`1` and `"1"` are the same). */
  readonly match: string;
}
