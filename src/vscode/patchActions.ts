import * as vscode from 'vscode';
import { addToEnvYaml, addToEnvYamlFlow, removeFromEnvYamlFlow } from './cloud/envYamlCommands';
import { EnvYamlCompletion } from './cloud/envYamlCompletion';
import { ENV_YAML_SELECTOR, EnvYamlDiagnostics, EnvYamlQuickFixes } from './cloud/envYamlDiagnostics';
import { ScheduledPatches } from './cloud/scheduledPatches';
import { COMMANDS } from './commandLinks';
import type { PatchActionContext } from './patchActionContext';
import { PatchStates } from './patchStates';
import type { ProjectStore } from './projectStore';
import { AppliedStates } from './qpt/appliedState';
import { windowPrompts, type Prompts } from './qpt/prompts';
import { applyFlow, checkAppliedFlow, revertFlow } from './qpt/qptFlow';

/** Context key: true when the workspace has an Adobe Commerce project on Cloud (the `.magento.env.yaml` commands). */
export const CLOUD_CONTEXT = 'commercePatches.cloud';

/**
 * Applying, reverting and checking patches through QPT, and the Cloud `.magento.env.yaml` features: their state
 * (for the tree and the hover), commands, diagnostics, quick fixes and completion.
 */
export class PatchActions implements vscode.Disposable {
  readonly applied: AppliedStates;
  readonly scheduled = new ScheduledPatches();
  readonly states: PatchStates;
  readonly diagnostics: EnvYamlDiagnostics;
  private promptsValue: Prompts = windowPrompts;
  private readonly disposables: vscode.Disposable[];
  readonly context: PatchActionContext;

  constructor(store: ProjectStore, workspaceState: vscode.Memento, output: vscode.OutputChannel) {
    this.applied = new AppliedStates(workspaceState);
    this.states = new PatchStates(this.applied, this.scheduled);
    this.diagnostics = new EnvYamlDiagnostics(store);
    this.context = {
      store,
      applied: this.applied,
      scheduled: this.scheduled,
      output,
      prompts: () => this.promptsValue,
    };
    const ctx = this.context;
    const register = (id: string, fn: (arg: unknown) => unknown) => vscode.commands.registerCommand(id, fn);
    this.disposables = [
      this.applied,
      this.scheduled,
      this.states,
      this.diagnostics,
      register(COMMANDS.apply, (arg) => applyFlow(ctx, arg, (entry, ids) => addToEnvYaml(ctx, entry, ids))),
      register(COMMANDS.revert, (arg) => revertFlow(ctx, arg)),
      register(COMMANDS.checkApplied, (arg) => checkAppliedFlow(ctx, arg)),
      register(COMMANDS.addToEnvYaml, (arg) => addToEnvYamlFlow(ctx, arg)),
      register(COMMANDS.removeFromEnvYaml, (arg) => removeFromEnvYamlFlow(ctx, arg)),
      vscode.languages.registerCodeActionsProvider(ENV_YAML_SELECTOR, new EnvYamlQuickFixes(store), {
        providedCodeActionKinds: EnvYamlQuickFixes.kinds,
      }),
      vscode.languages.registerCompletionItemProvider(ENV_YAML_SELECTOR, new EnvYamlCompletion(store), ...EnvYamlCompletion.triggerCharacters),
      store.onDidChange(() => this.updateContext(store)),
      // Workspace trust granted: the hover and the menus offer Apply from now on.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.states.refresh()),
    ];
  }

  /** After activation: context keys and the diagnostics of the Cloud projects' files. */
  warmUp(store: ProjectStore): void {
    this.updateContext(store);
    this.diagnostics.updateAll();
  }

  /** Replaces how the commands ask and tell the user (tests); returns the previous prompts. */
  setPrompts(prompts: Prompts): Prompts {
    const previous = this.promptsValue;
    this.promptsValue = prompts;
    return previous;
  }

  private updateContext(store: ProjectStore): void {
    const cloud = store.commerce().some((e) => e.analysis.project.product.cloud);
    void vscode.commands.executeCommand('setContext', CLOUD_CONTEXT, cloud);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
