import { join } from 'node:path';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import type { Project } from '../lock/project';
import { readFailure } from '../lock/read';
import type { TriagedPatch, TriageResult } from '../triage/triaged';
import { DECISIONS_FILE } from './decision';
import { type DecisionsRead, readDecisions } from './readDecisions';

/** The decisions file of a project: next to its composer.json. */
function decisionsFileFor(project: Project): string {
  return join(project.root, DECISIONS_FILE);
}

/** The project's decisions; a missing file is no decisions, an unreadable one a problem. */
export function readProjectDecisions(project: Project): DecisionsRead & { file: string } {
  const file = decisionsFileFor(project);
  if (project.root === '') return { file, decisions: new Map(), problems: [] };
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.decisions);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problems = code === 'ENOENT' ? [] : [{ severity: 'error' as const, file, message: readFailure(code, e) }];
    return { file, decisions: new Map(), problems };
  }
  return { file, ...readDecisions(text, file) };
}

/**
 * Patches that apply (also those that need a newer QPT), are neither applied nor scheduled, and have no decision:
 * what `--fail-on undecided` fails on.
 */
export function undecidedPatches(
  result: TriageResult,
  decisions: ReadonlyMap<string, unknown>,
  applied: ReadonlySet<string>,
  scheduled: ReadonlySet<string>,
): TriagedPatch[] {
  return result.patches.filter(
    (e) =>
      (e.status === 'applicable' || e.status === 'needs-qpt-update') &&
      !applied.has(e.patch.id) &&
      !scheduled.has(e.patch.id) &&
      !decisions.has(e.patch.id),
  );
}
