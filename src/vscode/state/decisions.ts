import { FILE_LIMITS, readTextFile } from '../../core/files/readTextFile';
import type { RecordedDecision } from '../../core/decisions/decision';
import { DECISIONS_FILE } from '../../core/decisions/decision';
import { readDecisions } from '../../core/decisions/readDecisions';
import type { Problem } from '../../core/problem';
import { WatchedFiles } from './watchedFiles';

/** A project's `.commerce-patches.yaml`: the team's decisions, and what was wrong in the file. */
export interface DecisionsState {
  file: string;
  exists: boolean;
  decisions: ReadonlyMap<string, RecordedDecision>;
  problems: Problem[];
}

function readDecisionsState(file: string): DecisionsState {
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.decisions);
  } catch {
    return { file, exists: false, decisions: new Map(), problems: [] };
  }
  return { file, exists: true, ...readDecisions(text, file) };
}

/** The decisions of each project, read from disk on first use and again whenever the file changes. */
export class DecisionFiles extends WatchedFiles<DecisionsState> {
  constructor() {
    super(DECISIONS_FILE, readDecisionsState);
  }
}
