import * as vscode from 'vscode';
import type { ProjectPatchState } from '../../core/state/patchState';
import type { CommerceEntry } from '../projects/entries';
import { AppliedStates } from './applied';
import { CheckedStates } from './checked';
import { ScheduledPatches } from './scheduled';

/** Something that knows the state of a project's patches; the tree and the hover read it. */
export interface PatchStateSource {
  readonly onDidChange: vscode.Event<void>;
  of(entry: CommerceEntry): ProjectPatchState;
}

/** Owns the applied states (QPT) and the scheduled patches (Cloud), and joins them into one source. */
export class PatchStates implements PatchStateSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  readonly applied: AppliedStates;
  readonly scheduled = new ScheduledPatches();
  /** The extension's own check of the vendor files. */
  readonly checked = new CheckedStates();

  /** `memento`: the workspace state, where the applied states outlive the session. */
  constructor(memento: vscode.Memento) {
    const applied = (this.applied = new AppliedStates(memento));
    const scheduled = this.scheduled;
    const checked = this.checked;
    this.disposables = [
      applied,
      scheduled,
      checked,
      this.changed,
      applied.onDidChange(() => this.changed.fire()),
      scheduled.onDidChange(() => this.changed.fire()),
      checked.onDidChange(() => this.changed.fire()),
      // Workspace trust granted: the hover and the menus offer Apply from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  of(entry: CommerceEntry): ProjectPatchState {
    const project = entry.analysis.project;
    return {
      applied: this.applied.get(project),
      scheduled: project.product.cloud ? this.scheduled.of(project.root).ids : undefined,
      checked: this.checked.of(entry.analysis),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
