import type { Patch, PatchTarget } from '../catalog/patch';
import type { Project } from '../lock/project';

export type PatchStatus = 'applicable' | 'needs-qpt-update' | 'deprecated' | 'not-applicable';

/** Why a patch does not apply to a project: structured, so every front end words it in its own language. */
export type NotApplicableReason =
  /** The issue is fixed in this release, which is at or below the installed one. */
  | { kind: 'fixed-in'; version: string }
  /** None of the packages the patch targets is installed. */
  | { kind: 'package-missing'; packages: string[] }
  /** A targeted package is installed, but at a version outside every range. */
  | { kind: 'version-out-of-range'; package: string; installed: string; constraints: string[] };

export interface TriagedPatch {
  patch: Patch;
  status: PatchStatus;
  /** The target whose constraint matched an installed package (absent when not applicable). */
  target?: PatchTarget;
  /** Installed version of `target.package`. */
  installedVersion?: string;
  reason?: NotApplicableReason;
  /** Patches this one needs, resolved transitively, in apply order; unknown IDs are kept as they are. */
  requires: readonly string[];
  /** Replacement patch, for deprecated patches. */
  replacedWith?: string;
}

export interface TriageResult {
  project: Project;
  /** Every catalog patch, matched first (sorted by ID), then the rest. */
  patches: TriagedPatch[];
  byId: Map<string, TriagedPatch>;
  counts: Record<PatchStatus, number>;
}
