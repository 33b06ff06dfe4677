import * as vscode from 'vscode';
import { CONTEXT, WORKBENCH } from '../ids';
import type { ProjectStore } from '../projects/store';
import { EnvYamlCompletion } from './completion';
import { ENV_YAML_SELECTOR, EnvYamlDiagnostics } from './diagnostics';
import { EnvYamlQuickFixes } from './quickFixes';

/**
 * The editor side of Adobe Commerce on Cloud: diagnostics, quick fixes and completion in `.magento.env.yaml`, and
 * the context key that shows the `.magento.env.yaml` commands. (Adding and removing patches are commands.)
 */
export class CloudFeatures implements vscode.Disposable {
  readonly diagnostics: EnvYamlDiagnostics;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: ProjectStore) {
    this.diagnostics = new EnvYamlDiagnostics(store);
    this.disposables = [
      this.diagnostics,
      vscode.languages.registerCodeActionsProvider(ENV_YAML_SELECTOR, new EnvYamlQuickFixes(store), {
        providedCodeActionKinds: EnvYamlQuickFixes.kinds,
      }),
      vscode.languages.registerCompletionItemProvider(
        ENV_YAML_SELECTOR,
        new EnvYamlCompletion(store),
        ...EnvYamlCompletion.triggerCharacters,
      ),
      store.onDidChange(() => this.updateContext()),
    ];
  }

  /** After activation: the context key and the diagnostics of the Cloud projects' files. */
  warmUp(): void {
    this.updateContext();
    this.diagnostics.updateAll();
  }

  private updateContext(): void {
    const cloud = this.store.commerce().some((e) => e.analysis.project.product.cloud);
    void vscode.commands.executeCommand(WORKBENCH.setContext, CONTEXT.cloud, cloud);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
