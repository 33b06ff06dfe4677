import * as vscode from 'vscode';
import type { StoreFacts } from '../../core/evidence/evaluate';
import type { AppliedLookup } from '../../core/evidence/recommend';
import { isApplied, isScheduled, type ProjectPatchState } from '../../core/state/patchState';
import type { CommerceEntry } from '../projects/entries';
import { AppliedStates } from './applied';
import type { EvidenceStates } from './evidence';
import { DecisionFiles } from './decisions';
import { CheckedStates } from './checked';
import { ScheduledPatches } from './scheduled';

/** Something that knows the state of a project's patches; the tree and the hover read it. */
export interface PatchStateSource {
  readonly onDidChange: vscode.Event<void>;
  of(entry: CommerceEntry): ProjectPatchState;
  /** While the applied check of the project runs: settles when it is done (never rejects). */
  pending(entry: CommerceEntry): Promise<void> | undefined;
}

/** Owns the applied states (QPT), the scheduled patches (Cloud) and the decisions, and joins them into one source. */
export class PatchStates implements PatchStateSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  readonly applied: AppliedStates;
  readonly scheduled = new ScheduledPatches();
  private evidence: EvidenceStates | undefined;
  readonly decisions = new DecisionFiles();
  /** The extension's own check of the vendor files. */
  readonly checked = new CheckedStates();

  /** `memento`: the workspace state, where the applied states outlive the session. */
  constructor(memento: vscode.Memento) {
    const applied = (this.applied = new AppliedStates(memento));
    const scheduled = this.scheduled;
    const decisions = this.decisions;
    const checked = this.checked;
    this.disposables = [
      applied,
      scheduled,
      decisions,
      checked,
      this.changed,
      decisions.onDidChange(() => this.changed.fire()),
      applied.onDidChange(() => this.changed.fire()),
      scheduled.onDidChange(() => this.changed.fire()),
      checked.onDidChange(() => this.changed.fire()),
      // Workspace trust granted: the hover and the menus offer Apply from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  /** Adds the evidence of each project (recommended patches) to the state; it is rescanned when the applied or scheduled patches change. */
  useEvidence(evidence: EvidenceStates): void {
    this.evidence = evidence;
    this.disposables.push(
      evidence.onDidChange(() => this.changed.fire()),
      this.applied.onDidChange(() => evidence.rescanAll()),
      this.scheduled.onDidChange(() => evidence.rescanAll()),
      this.checked.onDidChange(() => evidence.rescanAll()),
    );
  }

  of(entry: CommerceEntry): ProjectPatchState {
    const project = entry.analysis.project;
    if (project.release !== undefined) return {};
    return {
      applied: this.applied.get(project),
      scheduled: project.product.cloud ? this.scheduled.of(project.root).ids : undefined,
      evidence: this.evidence?.of(entry),
      decisions: this.decisions.of(project.root).decisions,
      checked: this.checked.of(entry.analysis),
    };
  }

  /** What the store's logs and settings show for every catalog patch's signature (for an upgrade plan); undefined without evidence. */
  planEvidence(entry: CommerceEntry): Promise<StoreFacts | undefined> {
    return this.evidence?.planFacts(entry) ?? Promise.resolve(undefined);
  }

  /** Settles when the running applied check of a project ends (undefined when none runs; a failure settles it too). */
  pending(entry: CommerceEntry): Promise<void> | undefined {
    if (entry.analysis.project.release !== undefined) return undefined;
    return this.checked.pending(entry.analysis)?.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Applied (by the extension's check, else QPT's status) and scheduled patches of a project, for the evidence (which leaves them out of the recommendations). */
  appliedLookup(entry: CommerceEntry): AppliedLookup {
    const project = entry.analysis.project;
    const state = {
      applied: this.applied.get(project),
      scheduled: project.product.cloud ? this.scheduled.of(project.root).ids : undefined,
      checked: this.checked.of(entry.analysis),
    };
    return (id) => (isApplied(state, id) ? 'applied' : isScheduled(state, id) ? 'scheduled' : undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
