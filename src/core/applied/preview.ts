import { applyDiff } from '../diff/apply';
import type { ParsedDiff } from '../diff/types';
import type { Project } from '../lock/project';
import type { AppliedState } from './appliedState';
import type { AppliedStatus } from './appliedStatus';
import { joinDiffs } from './joinedDiff';
import { type LocalPatchState, readLocalDiff } from './localPatches';
import { readPatchText } from './patchText';
import type { ProjectFiles } from './projectFiles';
import { qptPatchesDir } from './qptStates';

/** One file a patch changes: its text now and as the patch would leave it (null: no such file). */
interface FileChange {
  /** The path in the patch (`vendor/…`). */
  path: string;
  /** The file in the project. */
  file: string;
  before: string | null;
  after: string | null;
}

/** What Show Patch Changes shows for a patch. */
export type Preview =
  /** The changes applying the patch (`forward`) or reverting it (`reverse`) would make. */
  | { kind: 'changes'; direction: 'forward' | 'reverse'; files: FileChange[] }
  /** Neither way applies: the file and 1-based line of the first hunk that does not match. */
  | { kind: 'conflict'; path: string; file: string; line: number }
  /** Nothing to show (not checked, no patch file, unreadable). */
  | { kind: 'none' };

/**
 * The changes of a catalog patch on the project as it is: for a patch that is not applied, what applying it would
 * make of each file; for an applied one, what reverting it would make; for a conflict, where it stops matching.
 * Reads the files through the analysis's cache; writes nothing.
 */
export function previewPatch(project: Project, status: AppliedStatus, id: string): Preview {
  const state = status.patches.get(id);
  if (state === undefined || state.files.length === 0) return { kind: 'none' };
  const parts: { file: string; text: string }[] = [];
  for (const name of state.files) {
    const read = readPatchText(qptPatchesDir(project), name);
    if ('reason' in read) return { kind: 'none' };
    parts.push({ file: name, text: read.text });
  }
  const { diff } = joinDiffs(parts, { get: () => undefined, set: () => undefined });
  return previewDiff(diff, status.files, state.state);
}

/** The same for one of the project's own patches (`m2-hotfixes/`, composer-patches), checked alone as listed. */
export function previewLocal(project: Project, status: AppliedStatus, local: LocalPatchState): Preview {
  const read = readLocalDiff(project, local);
  return 'reason' in read ? { kind: 'none' } : previewDiff(read.diff, status.files, local.state);
}

function previewDiff(diff: ParsedDiff, files: ProjectFiles, state: AppliedState): Preview {
  if (diff.defect !== undefined || state === 'unknown') return { kind: 'none' };
  const direction = state === 'applied' ? 'reverse' : 'forward';
  const result = applyDiff(diff.sections, files, direction);
  if (!result.ok) {
    const { failure } = result;
    return {
      kind: 'conflict',
      path: failure.path,
      file: files.fileFor(failure.path),
      line: failure.kind === 'hunk' ? failure.line : 1,
    };
  }
  const changes: FileChange[] = [];
  for (const [path, image] of result.files) {
    const before = files.lines(path)?.text;
    changes.push({
      path: text(path),
      file: files.fileFor(path),
      before: before === undefined ? null : text(before),
      after: image === null ? null : text(image.toText()),
    });
  }
  return { kind: 'changes', direction, files: changes };
}

/** Bytes (a latin1 string) as the UTF-8 text an editor shows. */
function text(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
