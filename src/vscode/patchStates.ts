import * as vscode from 'vscode';
import type { ScheduledPatches } from './cloud/scheduledPatches';
import type { CommerceEntry } from './projectStore';
import type { AppliedSnapshot, AppliedStates } from './qpt/appliedState';

/** What is known about a project's patches beyond the triage: applied (QPT status) and scheduled (Cloud). */
export interface ProjectPatchState {
  /** The last QPT status, when it was checked and nothing changed since. */
  applied?: AppliedSnapshot;
  /** IDs in `.magento.env.yaml` `stage.build.QUALITY_PATCHES`; undefined for a project that is not on Cloud. */
  scheduled?: ReadonlySet<string>;
}

export function isApplied(state: ProjectPatchState, id: string): boolean {
  return state.applied?.states.get(id) === 'Applied';
}

export function isScheduled(state: ProjectPatchState, id: string): boolean {
  return state.scheduled?.has(id) === true;
}

/** Something that knows the state of a project's patches; the tree and the hover read it. */
export interface PatchStateSource {
  readonly onDidChange: vscode.Event<void>;
  of(entry: CommerceEntry): ProjectPatchState;
}

/** Nothing known: for views built without the QPT and Cloud features. */
export const NO_PATCH_STATE: PatchStateSource = {
  onDidChange: new vscode.EventEmitter<void>().event,
  of: () => ({}),
};

/** Joins the applied states (QPT) and the scheduled patches (Cloud) into one source. */
export class PatchStates implements PatchStateSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    readonly applied: AppliedStates,
    readonly scheduled: ScheduledPatches,
  ) {
    this.disposables = [
      this.changed,
      applied.onDidChange(() => this.changed.fire()),
      scheduled.onDidChange(() => this.changed.fire()),
    ];
  }

  /** Tells the tree and the hover to read the states again. */
  refresh(): void {
    this.changed.fire();
  }

  of(entry: CommerceEntry): ProjectPatchState {
    const project = entry.analysis.project;
    return {
      applied: this.applied.get(project),
      scheduled: project.product.cloud ? this.scheduled.of(project.root).ids : undefined,
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
