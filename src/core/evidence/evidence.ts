/** A log line that matched a rule of a patch's signature. */
export interface LogEvidence {
  type: 'log';
  /** Absolute path of the file that holds the line (a rotated copy's own name when it is there). */
  file: string;
  /** 1-based line number. */
  line: number;
  /** The line, trimmed to a readable length. */
  text: string;
  /** The time stamp the line starts with, when it has one. */
  timestamp?: string;
  /** The rule's glob. */
  match: string;
  /** How many lines of this file matched the rule (only the last few are kept as evidence). */
  count: number;
}

/** A setting that has the value a rule of a patch's signature asks for. */
interface ConfigEvidence {
  type: 'config';
  /** Configuration path, e.g. `dev/js/minify_files`. */
  path: string;
  /** The value as PHP turns it into a string. */
  value: string;
  /** Absolute path of the file it was read from, or `bin/magento config:show` for a database value. */
  source: string;
}

export type Evidence = LogEvidence | ConfigEvidence;

/** What a signature (or one of its rules) says about a store: `unknown` when a value could not be read. */
export type Verdict = 'yes' | 'no' | 'unknown';
