import { applyDiff, type FileSource, findHunk, hunkImages } from '../diff/apply';
import { Image } from '../diff/image';
import type { FileText } from '../diff/lines';
import type { ParsedDiff } from '../diff/types';
import type { Partly, StateReason, StateResult } from './appliedState';

/**
 * The state of a parsed diff on the project, as QPT decides it: the forward check passes → not applied (with a
 * warning when the reverse check passes too); else the reverse check passes → applied; else conflict, with the
 * first piece that matches neither way and how much of the patch is in place. `file` names the patch in reasons.
 */
export function checkDiff(diff: ParsedDiff, source: FileSource, file: string): StateResult {
  const { defect } = diff;
  if (defect !== undefined) {
    switch (defect.kind) {
      case 'corrupt':
        return { state: 'unknown', reason: { kind: 'corrupt', file, line: defect.line, detail: defect.detail } };
      case 'unsafe-path':
        return { state: 'unknown', reason: { kind: 'unsafe-path', file, path: defect.path } };
      case 'binary':
        return { state: 'unknown', reason: { kind: 'binary', file, path: defect.path } };
      case 'empty':
        return { state: 'unknown', reason: { kind: 'empty', file } };
      case 'too-large':
        return { state: 'unknown', reason: { kind: 'too-large', file, bytes: defect.bytes, limit: defect.limit } };
    }
  }
  const forward = applyDiff(diff.sections, source, 'forward');
  if (forward.ok) {
    return applyDiff(diff.sections, source, 'reverse').ok
      ? { state: 'not-applied', reason: { kind: 'may-be-applied' } }
      : { state: 'not-applied' };
  }
  if (applyDiff(diff.sections, source, 'reverse').ok) return { state: 'applied' };
  return { state: 'conflict', reason: conflictReason(diff, source, forward.failure) };
}

type Piece = 'applied' | 'pending' | 'both' | 'neither';

/** Sorts every hunk (and every file the diff creates or deletes) as found applied, pending, both or neither. */
function conflictReason(diff: ParsedDiff, source: FileSource, failure: Parameters<typeof failureOf>[0]): StateReason {
  let applied = 0;
  let total = 0;
  let first: Extract<StateReason, { kind: 'file-missing' | 'file-exists' | 'hunk-mismatch' }> | undefined;
  for (const section of diff.sections) {
    const lines = source.lines(section.path);
    if (lines === null) {
      total++;
      if (section.deletes === true) applied++;
      else if (section.creates !== true && section.creates !== 'maybe')
        first ??= { kind: 'file-missing', path: section.path };
      continue;
    }
    if (section.creates === true) {
      total++;
      first ??= { kind: 'file-exists', path: section.path };
      continue;
    }
    for (let h = 0; h < section.hunks.length; h++) {
      const piece = pieceOf(lines, section.hunks[h]);
      total++;
      if (piece === 'applied') applied++;
      if (piece === 'neither') {
        const line =
          failure.kind === 'hunk' && failure.path === section.path && failure.hunk === h + 1
            ? failure.line
            : section.hunks[h].oldStart;
        first ??= { kind: 'hunk-mismatch', path: section.path, hunk: h + 1, line };
      }
    }
  }
  const partly: Partly | undefined = applied > 0 && applied < total ? { applied, total } : undefined;
  if (first === undefined) return partly !== undefined ? { kind: 'partly-applied', partly } : failureOf(failure);
  return partly !== undefined ? { ...first, partly } : first;
}

function pieceOf(lines: FileText, hunk: Parameters<typeof hunkImages>[0]): Piece {
  const forward = hunkImages(hunk, false);
  const image = new Image(lines);
  const found = (pre: FileText) => findHunk(image, pre, Math.max(0, hunk.oldStart - 1), false, false) >= 0;
  const pending = found(forward.pre);
  const done = found(forward.post);
  return pending && done ? 'both' : pending ? 'pending' : done ? 'applied' : 'neither';
}

/** The forward check's own failure, when the pieces alone do not explain the conflict. */
function failureOf(failure: Extract<ReturnType<typeof applyDiff>, { ok: false }>['failure']): StateReason {
  switch (failure.kind) {
    case 'missing':
      return { kind: 'file-missing', path: failure.path };
    case 'exists':
      return { kind: 'file-exists', path: failure.path };
    case 'hunk':
      return { kind: 'hunk-mismatch', path: failure.path, hunk: failure.hunk, line: failure.line };
    case 'leaves-content':
      return { kind: 'leaves-content', path: failure.path };
  }
}
