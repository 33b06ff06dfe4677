import type { Patch } from '../catalog/patch';
import type { StoreFacts } from '../evidence/evaluate';
import type { Recommendation } from '../evidence/recommend';
import type { Project } from '../lock/project';
import type { TriageResult } from '../triage/triaged';

/** Why the project uses a patch today. */
export type PlanSource = 'applied' | 'scheduled' | 'required' | 'local';

/** What becomes of a patch on the target release. */
export type PlanOutcome =
  /** It matches today, but QPT has nothing for the target's versions (usually: the release holds the fix). */
  | 'no-patch-for-target'
  /** Still needed, and QPT has it for the target. */
  | 'available'
  /** A local patch: its file may no longer apply after the upgrade. */
  | 'recheck';

/** A patch of the store's own: `m2-hotfixes/*.patch`, or an entry of composer.json `extra.patches`. */
export interface LocalPatch {
  /** `m2-hotfixes/NAME.patch`, or the composer-patches description. */
  id: string;
  kind: 'm2-hotfixes' | 'composer-patches';
  /** The file (or URL) the patch comes from. */
  file: string;
  /** The package it patches (composer-patches). */
  package?: string;
}

export interface PlannedPatch {
  id: string;
  source: PlanSource;
  outcome: PlanOutcome;
  /** On Cloud: listed in `.magento.env.yaml` with no patch for the target, so the build stops. */
  blocksUpgrade: boolean;
  /** The release that fixes it, when a catalog says and the target reaches it. */
  fixedIn?: string;
  /** The patch file QPT uses today and on the target (set only when they differ). */
  currentFile?: string;
  targetFile?: string;
  /** On the target the patch is deprecated in favour of this one. */
  replacedWith?: string;
  /** For `required`: the patches that need it. */
  requiredBy?: string[];
  /** The catalog's patch (absent for unknown IDs and local patches). */
  patch?: Patch;
  local?: LocalPatch;
}

/** What happens to a project's patches when it moves to another release. */
export interface UpgradePlan {
  project: Project;
  /** Product version today. */
  from: string;
  /** The target release. */
  to: string;
  /** Blockers first, then no patch for the target, available, and local patches; by ID within each. */
  patches: PlannedPatch[];
  /** Patches that apply on the target but not today and are not in use: recommended ones first, then by ID. */
  newlyApplicable: string[];
  /**
   * Set when the plan was given the store's evidence: the newly applicable patches the store's logs or settings call
   * for, by ID, with that evidence (a deprecated patch's evidence recommends its replacement, as today).
   */
  recommended?: ReadonlyMap<string, Recommendation>;
  /** The triage of the project on the target's package versions. */
  target: TriageResult;
}

export interface PlanInput {
  project: Project;
  /** The triage of the project today, on the catalog the plan uses. */
  current: TriageResult;
  /** The target release and the package versions it pins. */
  release: string;
  versions: ReadonlyMap<string, string>;
  /** Patch IDs applied today (QPT status, or an applied-state engine). */
  applied: ReadonlySet<string>;
  /** `stage.build.QUALITY_PATCHES` of `.magento.env.yaml`, in file order. */
  scheduled: readonly string[];
  local: readonly LocalPatch[];
  /** Patches with evidence that the store needs them: listed first among the newly applicable. */
  recommended?: ReadonlySet<string>;
  /**
   * What the store's logs and settings show (read once per project, for the signatures of every catalog patch):
   * evaluated against the target's triage, it marks the newly applicable patches the store calls for.
   */
  evidence?: StoreFacts;
}
