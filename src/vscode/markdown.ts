// The Markdown pieces the hover, the tree's tooltips and the `.magento.env.yaml` completion share.
import * as vscode from 'vscode';
import type { AppliedState } from '../core/applied/appliedState';
import type { Patch } from '../core/catalog/patch';
import { type Locale, localized } from '../core/locale';
import { productLabel, reasonText } from '../core/text/describe';
import type { PatchStatus, TriagedPatch } from '../core/triage/triaged';
import { t } from './l10n';
import type { CommerceEntry } from './projects/entries';
import { escapeMarkdown } from '../core/text/markdown';

/** Codicon per status, used by tree rows, group rows and hover lines. */
const STATUS_ICON: Record<PatchStatus, { icon: string; color: string }> = {
  applicable: { icon: 'wrench', color: 'charts.blue' },
  'needs-qpt-update': { icon: 'cloud-download', color: 'charts.yellow' },
  deprecated: { icon: 'circle-slash', color: 'charts.orange' },
  'not-applicable': { icon: 'dash', color: 'disabledForeground' },
};

export function statusIcon(status: PatchStatus): vscode.ThemeIcon {
  const { icon, color } = STATUS_ICON[status];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

/** The icon of an applied state (the extension's check). */
export function stateIcon(state: AppliedState): vscode.ThemeIcon {
  switch (state) {
    case 'applied':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
    case 'not-applied':
      return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.blue'));
    case 'conflict':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'unknown':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('descriptionForeground'));
  }
}

/** A Markdown string whose data parts are escaped; only our own markup (and `$(icon)`s) is interpreted. */
export function newMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.supportHtml = false;
  return md;
}

/** `**ID** title`. */
export function appendPatchTitle(md: vscode.MarkdownString, patch: Patch, locale: Locale): void {
  md.appendMarkdown('**');
  md.appendMarkdown(escapeMarkdown(patch.id));
  md.appendMarkdown('** ');
  md.appendMarkdown(escapeMarkdown(localized(patch.title, locale)));
  md.appendMarkdown('\n\n');
}

/** Title, description (when it says more than the title), categories and affected components. */
export function appendPatchHeader(md: vscode.MarkdownString, patch: Patch, locale: Locale): void {
  appendPatchTitle(md, patch, locale);
  const description = localized(patch.description, locale);
  if (description !== undefined && description !== localized(patch.title, locale)) {
    md.appendMarkdown(escapeMarkdown(description, { keepLineBreaks: true }));
    md.appendMarkdown('\n\n');
  }
  field(md, t('Categories'), patch.categories.join(', '));
  field(md, t('Affected components'), patch.components.join(', '));
}

/** Why the patch is in its group for one project: matched package and constraint, requirements, replacement, versions. */
export function appendTriageDetails(md: vscode.MarkdownString, entry: TriagedPatch, qptInstalled: string | null): void {
  const { patch } = entry;
  if (entry.target !== undefined) {
    field(
      md,
      t('Matched'),
      t('{0} {1} satisfies {2}', entry.target.package, entry.installedVersion ?? '?', entry.target.constraint),
    );
  } else {
    field(md, t('Constraint'), constraintsOf(patch));
  }
  if (entry.reason !== undefined) field(md, t('Not applicable'), reasonText(entry.reason));
  appendCatalogFacts(md, patch, entry.requires, entry.replacedWith ?? patch.replacedWith, qptInstalled);
}

/** Requirements, replacement, QPT release and fixing release. */
export function appendCatalogFacts(
  md: vscode.MarkdownString,
  patch: Patch,
  requires: readonly string[],
  replacedWith: string | undefined,
  qptInstalled: string | null | undefined,
): void {
  field(md, t('Requires'), requires.join(', '));
  field(md, t('Replaced with'), replacedWith ?? '');
  if (patch.qptVersion !== undefined) {
    field(
      md,
      t('QPT version'),
      qptInstalled ? t('{0} (installed: {1})', patch.qptVersion, qptInstalled) : patch.qptVersion,
    );
  } else if (qptInstalled) {
    field(md, t('QPT version'), t('installed: {0}', qptInstalled));
  }
  field(md, t('Fixed in release'), patch.fixedIn ?? '');
}

/** Every `package constraint` pair of the patch, e.g. `magento/magento2-base >=2.4.6 <2.4.7`. */
export function constraintsOf(patch: Patch): string {
  return patch.targets.map((target) => `${target.package} ${target.constraint}`).join('; ');
}

/** One hover line for one project: "Applicable to Adobe Commerce 2.4.6-p3 · Cloud", "Fixed in 2.4.8 (…)", ... */
export function statusSentence(entry: TriagedPatch, project: CommerceEntry): string {
  const label = productLabel(project.analysis.project.product);
  switch (entry.status) {
    case 'applicable':
      return t('Applicable to {0}', label);
    case 'needs-qpt-update':
      return t('Applicable to {0} after a QPT update', label);
    case 'deprecated':
      return entry.replacedWith
        ? t('Deprecated for {0}: use {1}', label, entry.replacedWith)
        : t('Deprecated for {0}', label);
    case 'not-applicable':
      return entry.reason ? t('{0} ({1})', reasonText(entry.reason), label) : t('Not applicable to {0}', label);
  }
}

/** `**name:** value` on its own line (the colon as the display language writes it); nothing when `value` is empty. */
export function field(md: vscode.MarkdownString, name: string, value: string): void {
  if (value === '') return;
  md.appendMarkdown('**');
  md.appendMarkdown(escapeMarkdown(t('{0}:', name)));
  md.appendMarkdown('** ');
  md.appendMarkdown(escapeMarkdown(value));
  md.appendMarkdown('  \n');
}
