import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from '../composer/constraint';
import type { Project } from '../lock/project';
import type { TriagedPatch, TriageResult } from '../triage/triaged';
import type { StateResult } from './appliedState';
import { checkDiff } from './checkDiff';
import type { ParsedDiff } from '../diff/types';
import { joinDiffs } from './joinedDiff';
import { readPatchText } from './patchText';
import type { ProjectFiles } from './projectFiles';

/** A catalog patch's applied state, with the patch files (below QPT's `patches/` folder) that were checked. */
export interface PatchState extends StateResult {
  id: string;
  files: string[];
}

/** QPT's patch files folder in a project. */
export function qptPatchesDir(project: Project): string {
  return join(project.vendorDir, 'magento', 'quality-patches', 'patches');
}

/**
 * The applied state of every patch triage matched, as QPT's `status` decides it: the files of the ranges that
 * accept the installed versions, joined in catalog order; a patch with requirements checked together with those of
 * its required patches that are not applied (required first); a conflicting patch counted applied when a patch
 * that requires it is applied. A generator of one step per patch, so a caller can pause between patches
 * (`appliedStatusInSlices`); its return value is the states.
 */
export function* qptPatchStates(
  result: TriageResult,
  project: Project,
  files: ProjectFiles,
  versions: ReadonlyMap<string, string>,
): Generator<void, Map<string, PatchState>, void> {
  const dir = qptPatchesDir(project);
  const qptThere = existsSync(dir);
  const states = new Map<string, PatchState>();
  const busy = new Set<string>();
  const matched = (id: string) => {
    const e = result.byId.get(id);
    return e !== undefined && e.status !== 'not-applicable' ? e : undefined;
  };
  // Patch files read and parsed once; only those of required patches (checked again with the patches that need
  // them) are kept.
  const shared = new Set<string>();
  for (const e of result.patches) {
    if (e.status === 'not-applicable') continue;
    for (const req of e.requires) {
      const dep = matched(req);
      if (dep !== undefined) for (const f of patchFiles(dep, versions)) shared.add(f);
    }
  }
  const texts = new Map<string, ReturnType<typeof readPatchText>>();
  const parsedShared = new Map<string, ParsedDiff>();
  const parsed = {
    get: (file: string) => parsedShared.get(file),
    set: (file: string, diff: ParsedDiff) => (shared.has(file) ? parsedShared.set(file, diff) : undefined),
  };

  const compute = (entry: TriagedPatch): PatchState => {
    const id = entry.patch.id;
    const known = states.get(id);
    if (known !== undefined) return known;
    busy.add(id);
    const own = patchFiles(entry, versions);
    const parts: string[] = [];
    for (const req of entry.requires) {
      const dep = matched(req);
      if (dep === undefined || busy.has(req)) continue;
      if (compute(dep).state === 'not-applied') parts.push(...patchFiles(dep, versions));
    }
    parts.push(...own);
    const state = { id, files: own, ...stateOf(own.length === 0 ? [] : parts) };
    busy.delete(id);
    states.set(id, state);
    return state;
  };

  const stateOf = (names: string[]): StateResult => {
    if (!qptThere) return { state: 'unknown', reason: { kind: 'qpt-missing' } };
    if (names.length === 0) return { state: 'unknown', reason: { kind: 'no-patch-file' } };
    const parts: { file: string; text: string }[] = [];
    for (const name of names) {
      let read = texts.get(name);
      if (read === undefined) {
        read = readPatchText(dir, name);
        if (shared.has(name)) texts.set(name, read);
      }
      if ('reason' in read) return { state: 'unknown', reason: read.reason };
      parts.push({ file: name, text: read.text });
    }
    const joined = joinDiffs(parts, parsed);
    const state = checkDiff(joined.diff, files, names.join(' + '));
    if (state.reason?.kind === 'corrupt') {
      const at = joined.locate(state.reason.line);
      return { state: state.state, reason: { ...state.reason, file: at.file, line: at.line } };
    }
    return state;
  };

  for (const entry of result.patches) {
    if (entry.status === 'not-applicable') continue;
    compute(entry);
    yield;
  }
  // QPT's promotion: a patch found in conflict counts as applied when a patch that requires it is applied.
  for (const state of [...states.values()]) {
    if (state.state !== 'applied') continue;
    for (const req of matched(state.id)?.requires ?? []) {
      const dep = states.get(req);
      if (dep !== undefined && dep.state === 'conflict')
        states.set(req, { ...dep, state: 'applied', reason: { kind: 'required-by-applied', by: state.id } });
    }
  }
  return states;
}

/** The patch files of the ranges whose package is installed at a version the range accepts, in catalog order. */
export function patchFiles(entry: TriagedPatch, versions: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const target of entry.patch.targets) {
    if (target.file === undefined || out.includes(target.file)) continue;
    const version = versions.get(target.package);
    if (version !== undefined && satisfies(version, target.constraint)) out.push(target.file);
  }
  return out;
}
