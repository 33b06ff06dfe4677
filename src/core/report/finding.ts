/** How loud a finding is, in SARIF's words. */
type FindingLevel = 'error' | 'warning' | 'note';

/** A kind of finding: one per patch status that needs attention. */
export interface ReportRule {
  /** Stable ID, e.g. `applicable-patch`. */
  id: string;
  /** PascalCase name, e.g. `ApplicablePatch`. */
  name: string;
  /** One line saying what the rule finds. */
  short: string;
  /** What to do about it. */
  help: string;
  /** The documentation the help links to. */
  helpUri: string;
  level: FindingLevel;
}

/** One patch that needs attention, located where a reviewer would act on it. */
export interface Finding {
  ruleId: string;
  patchId: string;
  message: string;
  /** Absolute path of the file the finding points at (composer.lock, .magento.env.yaml). */
  file: string;
  /** 1-based line and column. */
  line: number;
  column?: number;
  /** The patch's documentation. */
  docsUrl?: string;
  /** Set when the team decided to skip the patch: the finding is suppressed, with this justification. */
  suppressed?: string;
  /** The team's decision in words, when there is one. */
  decision?: string;
  /** Other places that explain the finding: a log line or setting (evidence), the vendor file where a patch conflicts. */
  related?: RelatedPlace[];
}

/** A place a finding points at besides its own location, with what it shows there. */
export interface RelatedPlace {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

/** The findings of one run of a command (triage, status, recommend …) and the rules they use. */
export interface FindingReport {
  rules: ReportRule[];
  findings: Finding[];
}
