import { t } from '../text/translate';

// The issues found while a catalog document is checked: where (a path inside the document), what, how serious.

export type PathSegment = string | number;

/** What was done about a problem, e.g. "patch skipped"; a function so that nothing is built until there is a problem. */
export type Consequence = () => string;

/** "must be a text; patch skipped": what is wrong and what was done about it. */
export function withConsequence(what: string, consequence?: Consequence): string {
  return consequence === undefined ? what : t('{0}; {1}', what, consequence());
}

/** Something wrong at a path inside a catalog document; `atKey` when the key itself (not its value) is wrong. */
export interface Issue {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
  atKey?: boolean;
}

/** Collects issues while one document is checked. */
export class Issues {
  readonly list: Issue[] = [];
  error(path: PathSegment[], message: string, atKey = false): void {
    this.list.push({ path, message, severity: 'error', ...(atKey ? { atKey } : {}) });
  }
  warn(path: PathSegment[], message: string, atKey = false): void {
    this.list.push({ path, message, severity: 'warning', ...(atKey ? { atKey } : {}) });
  }
  /** How many errors so far (to tell whether a step reported anything). */
  get errors(): number {
    let n = 0;
    for (const i of this.list) if (i.severity === 'error') n++;
    return n;
  }
}
