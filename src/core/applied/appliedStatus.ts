import type { Analysis } from '../analyze';
import { isSuperseded } from '../state/patchState';
import type { TriagedPatch } from '../triage/triaged';
import { installedVersions } from './installedVersions';
import { type LocalPatchState, localPatchStates } from './localPatches';
import { ProjectFiles } from './projectFiles';
import { type PatchState, qptPatchStates } from './qptStates';

/** What is applied in one project: the catalog patches triage matched, and the project's own patches. */
export interface AppliedStatus {
  patches: Map<string, PatchState>;
  local: LocalPatchState[];
  /** The project files the checks read (each once), for showing a patch's changes without reading them again. */
  files: ProjectFiles;
}

/** One analysed project with its applied state (null without Magento). */
export interface StatusOfProject {
  analysis: Analysis;
  applied: AppliedStatus | null;
}

/** Checks every matched catalog patch and every local patch of an analysed project, in memory, writing nothing. */
export function appliedStatus(analysis: Analysis): AppliedStatus {
  const steps = appliedStatusSteps(analysis);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** How `appliedStatusInSlices` hands the thread back between slices (a macrotask by default). */
type Pause = () => Promise<void>;

const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The same check in slices: after each patch, once `sliceMs` have passed since the slice began, it waits for
 * `pause` so that whatever else the thread has to do runs first (an editor's extension host stays responsive).
 * Undefined when `cancelled` says so between slices.
 */
export async function appliedStatusInSlices(
  analysis: Analysis,
  options: { sliceMs?: number; cancelled?: () => boolean; pause?: Pause } = {},
): Promise<AppliedStatus | undefined> {
  const { sliceMs = 8, cancelled = () => false, pause = nextTurn } = options;
  await pause(); // never within the caller's own turn
  const steps = appliedStatusSteps(analysis);
  let began = performance.now();
  for (;;) {
    if (cancelled()) return undefined;
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - began >= sliceMs) {
      await pause();
      began = performance.now();
    }
  }
}

function* appliedStatusSteps(analysis: Analysis): Generator<void, AppliedStatus, void> {
  const { project, result } = analysis;
  const files = new ProjectFiles(project.root, project.vendorDir);
  const versions = installedVersions(project.vendorDir, project.packages);
  const patches = yield* qptPatchStates(result, project, files, versions);
  yield;
  const local = localPatchStates(project, files);
  return { patches, local, files };
}

/**
 * The patches `status` lists for a project: every patch triage matched, less a deprecated patch whose replacement
 * the check found applied ({@link isSuperseded}, QPT's display rule, as the Patches view applies it).
 */
export function statusPatches({ analysis, applied }: StatusOfProject): TriagedPatch[] {
  const isApplied = (id: string) => applied?.patches.get(id)?.state === 'applied';
  return analysis.result.patches.filter((e) => e.status !== 'not-applicable' && !isSuperseded(e, isApplied));
}
