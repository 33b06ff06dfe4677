import { basename, isAbsolute, relative } from 'node:path';
import type * as vscode from 'vscode';
import type { Evidence } from '../../core/evidence/evidence';
import type { Recommendation } from '../../core/evidence/recommend';
import { COMMANDS } from '../ids';
import { formatCount, t } from '../l10n';
import { commandLink } from '../links';
import { appendLink, trustCommand } from './actions';

/** Evidence lines shown in a hover (the view shows them all). */
const SHOWN = 3;

/**
 * The evidence of patch `id` in one store: "Recommended for this store" (or "Applied, but the evidence is still in the
 * logs", or, for a deprecated patch, the replacement its evidence recommends and the signature that matched), then
 * its first log lines and settings, each log line a link that opens the log at that line.
 */
export function appendEvidence(
  md: vscode.MarkdownString,
  byId: ReadonlyMap<string, Recommendation> | undefined,
  id: string,
  project: { lockFile: string; root: string },
): void {
  const rec = byId?.get(id);
  if (rec === undefined || rec.evidence.length === 0) return;
  md.appendMarkdown('$(flame) **');
  if (rec.replacement !== undefined) {
    appendReplacement(md, rec, byId?.get(rec.replacement.patch.id)?.recommended === true, project.lockFile);
  } else {
    md.appendText(
      rec.recommended
        ? t('Recommended for this store')
        : t('Evidence still in the logs (old lines often outlive the fix)'),
    );
    md.appendMarkdown('**');
    const via = rec.via.filter((v) => v !== rec.entry.patch.id);
    if (via.length > 0) md.appendText(` — ${t('replaces {0}, whose signature matched', via.join(', '))}`);
  }
  md.appendMarkdown('  \n');
  for (const e of rec.evidence.slice(0, SHOWN)) {
    if (e.type === 'config') {
      md.appendText(
        `${e.path} = ${e.value} (${isAbsolute(e.source) ? relative(project.root, e.source) || e.source : e.source})`,
      );
    } else {
      md.appendMarkdown('[$(output) ');
      md.appendText(`${basename(e.file)}:${e.line}`);
      md.appendMarkdown(`](${commandLink(COMMANDS.openEvidence, { file: e.file, line: e.line }).toString()})`);
      trustCommand(md, COMMANDS.openEvidence);
      md.appendText(
        ` ${e.timestamp ?? ''} ${e.text.length > 120 ? `${e.text.slice(0, 120)}…` : e.text}`.replace(/\s+/g, ' '),
      );
    }
    md.appendMarkdown('  \n');
  }
  if (rec.evidence.length > SHOWN) {
    md.appendText(t('{0} more in the Patches view', formatCount(rec.evidence.length - SHOWN)));
    md.appendMarkdown('  \n');
  }
}

/**
 * A deprecated patch's evidence: which patch to apply instead (a link that reveals it) and which parts of its
 * signature matched (the log globs, the settings).
 */
function appendReplacement(md: vscode.MarkdownString, rec: Recommendation, recommended: boolean, lockFile: string) {
  const to = rec.replacement!.patch.id;
  md.appendText(
    recommended
      ? t('Its evidence recommends its replacement: apply {0}', to)
      : t('Its evidence points to its replacement {0}, which is applied or scheduled', to),
  );
  md.appendMarkdown('** ');
  appendLink(md, '$(list-tree)', to, COMMANDS.reveal, { id: to, lockFile });
  md.appendMarkdown('  \n');
  md.appendText(t('Signature matched: {0}', matchedParts(rec.evidence).join('; ')));
}

/** The parts of a signature that matched, once each: a log rule's glob in quotes, a setting as `path = value`. */
function matchedParts(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => (e.type === 'log' ? `“${e.match}”` : `${e.path} = ${e.value}`)))];
}
