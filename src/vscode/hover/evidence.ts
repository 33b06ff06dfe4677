import { basename, isAbsolute, relative } from 'node:path';
import type * as vscode from 'vscode';
import type { Recommendation } from '../../core/evidence/recommend';
import { COMMANDS } from '../ids';
import { formatCount, t } from '../l10n';
import { commandLink } from '../links';

/** Evidence lines shown in a hover (the view shows them all). */
const SHOWN = 3;

/**
 * The evidence of a patch in one store: "Recommended for this store" (or "Applied, but the evidence is still in the
 * logs"), then its first log lines and settings, each log line a link that opens the log at that line.
 */
export function appendEvidence(md: vscode.MarkdownString, rec: Recommendation | undefined, root: string): void {
  if (rec === undefined || rec.evidence.length === 0) return;
  md.appendMarkdown('$(flame) **');
  md.appendText(
    rec.recommended
      ? t('Recommended for this store')
      : t('Evidence still in the logs (old lines often outlive the fix)'),
  );
  md.appendMarkdown('**');
  const via = rec.via.filter((id) => id !== rec.entry.patch.id);
  if (via.length > 0) md.appendText(` — ${t('replaces {0}, whose signature matched', via.join(', '))}`);
  md.appendMarkdown('  \n');
  for (const e of rec.evidence.slice(0, SHOWN)) {
    if (e.type === 'config') {
      md.appendText(
        `${e.path} = ${e.value} (${isAbsolute(e.source) ? relative(root, e.source) || e.source : e.source})`,
      );
    } else {
      md.appendMarkdown('[$(output) ');
      md.appendText(`${basename(e.file)}:${e.line}`);
      md.appendMarkdown(`](${commandLink(COMMANDS.openEvidence, { file: e.file, line: e.line }).toString()})`);
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
