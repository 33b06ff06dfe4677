import * as vscode from 'vscode';
import type { ProjectPatchState } from '../../core/state/patchState';
import type { CommerceEntry } from '../projects/entries';
import { AppliedStates } from './applied';
import { DecisionFiles } from './decisions';
import { ScheduledPatches } from './scheduled';

/** Something that knows the state of a project's patches; the tree and the hover read it. */
export interface PatchStateSource {
  readonly onDidChange: vscode.Event<void>;
  of(entry: CommerceEntry): ProjectPatchState;
}

/** Owns the applied states (QPT), the scheduled patches (Cloud) and the decisions, and joins them into one source. */
export class PatchStates implements PatchStateSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  readonly applied: AppliedStates;
  readonly scheduled = new ScheduledPatches();
  readonly decisions = new DecisionFiles();

  /** `memento`: the workspace state, where the applied states outlive the session. */
  constructor(memento: vscode.Memento) {
    const applied = (this.applied = new AppliedStates(memento));
    const scheduled = this.scheduled;
    const decisions = this.decisions;
    this.disposables = [
      applied,
      scheduled,
      decisions,
      this.changed,
      decisions.onDidChange(() => this.changed.fire()),
      applied.onDidChange(() => this.changed.fire()),
      scheduled.onDidChange(() => this.changed.fire()),
      // Workspace trust granted: the hover and the menus offer Apply from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  of(entry: CommerceEntry): ProjectPatchState {
    const project = entry.analysis.project;
    if (project.release !== undefined) return {};
    return {
      applied: this.applied.get(project),
      scheduled: project.product.cloud ? this.scheduled.of(project.root).ids : undefined,
      decisions: this.decisions.of(project.root).decisions,
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
