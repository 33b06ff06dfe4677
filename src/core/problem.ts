/** Something wrong in an input file, located as precisely as the format allows. */
export interface Problem {
  severity: 'error' | 'warning';
  /** The file, as given (absolute where the caller gave an absolute path). */
  file: string;
  /** 1-based line, where the format gives one (YAML, and JSON syntax errors). */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** JSON path of the bad entry, e.g. `ACSD-1.packages["magento/magento2-base"]`. */
  path?: string;
  message: string;
}

/** Renders a problem as `file:line:column: message` (or `file (path): message`). */
export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}` + (p.column !== undefined ? `:${p.column}` : '');
  if (p.path !== undefined) where += ` (${p.path})`;
  return `${where}: ${p.message}`;
}

/**
 * An input that cannot be used at all (unreadable or malformed file, no lock file...).
 * The message is one line meant for the user; `problem` locates it.
 */
export class InputError extends Error {
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
    this.name = 'InputError';
  }
}
