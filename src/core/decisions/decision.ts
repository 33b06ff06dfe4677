/** The file, next to composer.json, where a team records what it decided about each patch. */
export const DECISIONS_FILE = '.commerce-patches.yaml';

export const DECISION_KINDS = ['apply', 'skip', 'investigate'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What the team decided about one patch, and why. */
export interface Decision {
  id: string;
  decision: DecisionKind;
  note?: string;
  /** Who decided (a name or an e-mail address). */
  by?: string;
  /** When (`YYYY-MM-DD`, or a full ISO date and time). */
  date?: string;
}

/** A decision as read from the file, with the 1-based line of its entry. */
export interface RecordedDecision extends Decision {
  line: number;
}

/** The fields of an entry, in the order the editor writes them. */
export const DECISION_FIELDS = ['decision', 'note', 'by', 'date'] as const;
