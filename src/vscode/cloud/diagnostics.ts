import { existsSync } from 'node:fs';
import { FILE_LIMITS, readTextFile } from '../../core/files/readTextFile';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENV_YAML_FILE, readQualityPatches, type QualityPatchesList } from '../../core/cloud/envYaml';
import { InputError, type Problem } from '../../core/problem';
import { catalogIdLookup, qptCommandLineId } from '../../core/qpt/patchId';
import { productLabel, reasonText } from '../../core/text/describe';
import { OWN } from '../ids';
import { t } from '../l10n';
import { problemDiagnostic } from '../problems';
import type { CommerceEntry } from '../projects/entries';
import type { ProjectStore } from '../projects/store';
import { envYamlPath } from '../state/scheduled';

/** Documents the Cloud features work on. */
export const ENV_YAML_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: `**/${ENV_YAML_FILE}` }];

function isEnvYaml(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && path.basename(uri.fsPath) === ENV_YAML_FILE;
}

/** `Diagnostic.code` of what is wrong with a QUALITY_PATCHES entry (or the file). */
type EnvYamlIssue = 'unknown' | 'needs-qpt-update' | 'not-applicable' | 'deprecated' | 'case' | 'invalid';

/** The issues of one QUALITY_PATCHES entry (the quick fixes act on these). */
export const PATCH_ISSUES: ReadonlySet<string> = new Set<EnvYamlIssue>([
  'unknown',
  'needs-qpt-update',
  'not-applicable',
  'deprecated',
  'case',
]);

function invalid(p: Problem): vscode.Diagnostic {
  const d = problemDiagnostic(p);
  d.code = 'invalid';
  return d;
}

/**
 * Diagnostics for a `.magento.env.yaml` text: invalid YAML or entries, and QUALITY_PATCHES entries that are unknown
 * to the project's catalogs, are not upper-cased (ece-patches finds no other form), need a newer QPT, do not apply to
 * its version, or are deprecated.
 */
function envYamlDiagnostics(text: string, file: string, entry: CommerceEntry | undefined): vscode.Diagnostic[] {
  let list: QualityPatchesList;
  try {
    list = readQualityPatches(text, file);
  } catch (e) {
    if (e instanceof InputError) return [invalid(e.problem)];
    throw e;
  }
  const out = list.problems.map(invalid);
  if (entry === undefined) return out;
  const { project, result } = entry.analysis;
  const label = productLabel(project.product);
  const catalogId = catalogIdLookup(result.byId.keys());
  for (const item of list.entries) {
    const range = new vscode.Range(item.line - 1, item.column - 1, item.line - 1, item.column - 1 + item.length);
    const triaged = result.byId.get(catalogId(item.id) ?? item.id);
    let issue: EnvYamlIssue | undefined;
    let message = '';
    if (triaged !== undefined && item.id !== qptCommandLineId(item.id)) {
      issue = 'case';
      message = t(
        'ece-patches finds {0} only upper-cased: write {1}, or the Cloud build fails.',
        item.id,
        qptCommandLineId(item.id),
      );
    } else if (triaged === undefined) {
      issue = 'unknown';
      message = t(
        '{0} is in none of the patch catalogs read for {1}: the Cloud build fails when QPT does not know it.',
        item.id,
        label,
      );
    } else if (triaged.status === 'needs-qpt-update') {
      issue = 'needs-qpt-update';
      message = t(
        '{0} needs a newer Quality Patches Tool than the installed {1}: the Cloud build fails until magento/quality-patches is updated.',
        item.id,
        project.qpt.installed ?? '?',
      );
    } else if (triaged.status === 'not-applicable') {
      issue = 'not-applicable';
      message = t(
        '{0} does not apply to {1}. {2}',
        item.id,
        label,
        triaged.reason !== undefined ? reasonText(triaged.reason) : '',
      ).trim();
    } else if (triaged.status === 'deprecated') {
      issue = 'deprecated';
      message =
        triaged.replacedWith !== undefined
          ? t('{0} is deprecated: use {1}.', item.id, triaged.replacedWith)
          : t('{0} is deprecated.', item.id);
    }
    if (issue === undefined) continue;
    const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
    d.source = t('Commerce Patches');
    d.code = issue;
    if (issue === 'deprecated') d.tags = [vscode.DiagnosticTag.Deprecated];
    out.push(d);
  }
  return out;
}

/**
 * Keeps the Problems panel up to date for every `.magento.env.yaml`: open ones as they are typed, and the one of
 * each Cloud project from disk.
 */
export class EnvYamlDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(OWN.envYamlDiagnostics);
  private readonly disposables: vscode.Disposable[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: ProjectStore) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.updateDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (isEnvYaml(doc.uri)) this.updateFile(doc.uri.fsPath);
      }),
      store.onDidChange(() => this.updateAll()),
    ];
  }

  /** Diagnoses the open `.magento.env.yaml` documents and the files of the Cloud projects. */
  updateAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.updateDocument(doc);
    for (const entry of this.store.commerce()) {
      if (entry.analysis.project.product.cloud) this.updateFile(envYamlPath(entry.analysis.project.root));
    }
  }

  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private later(doc: vscode.TextDocument): void {
    if (!isEnvYaml(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.updateDocument(doc);
      }, 250),
    );
  }

  private updateDocument(doc: vscode.TextDocument): void {
    if (!isEnvYaml(doc.uri) || doc.isClosed) return;
    this.collection.set(doc.uri, envYamlDiagnostics(doc.getText(), doc.uri.fsPath, this.store.commerceFor(doc.uri)));
  }

  private updateFile(file: string): void {
    const uri = vscode.Uri.file(file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open !== undefined) return this.updateDocument(open);
    const entry = this.store.commerceFor(uri);
    if (!existsSync(file) || entry === undefined || !entry.analysis.project.product.cloud) {
      this.collection.delete(uri);
      return;
    }
    let text: string;
    try {
      text = readTextFile(file, FILE_LIMITS.envYaml);
    } catch {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, envYamlDiagnostics(text, file, entry));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
