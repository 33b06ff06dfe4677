import { eastAsianWidth } from 'get-east-asian-width';
import { relative } from 'node:path';
import type { Analysis } from '../core/analyze';
import type { RecordedDecision } from '../core/decisions/decision';
import { describeDecision } from '../core/decisions/describeDecision';
import type { Locale } from '../core/locale';
import { productLabel, qptUpdateText, reasonText, statusLabel } from '../core/text/describe';
import { oddSpacing, patchDisplayTitle } from '../core/text/displayTitle';
import type { Translate } from '../core/text/translate';
import { formatNumber } from '../core/text/numbers';
import { displayUnits } from '../core/text/terminal';
import type { PatchStatus, TriagedPatch } from '../core/triage/triaged';

const WIDTH = 100;
const ORDER: PatchStatus[] = ['applicable', 'needs-qpt-update', 'deprecated', 'not-applicable'];

/**
 * The report for people: one block per project, patches grouped by status with counts, lines kept within 100 columns.
 * Every text from the workspace (titles, versions, folder names) is shown with its control characters escaped.
 */
export function tableReport(
  analyses: Analysis[],
  all: boolean,
  locale: Locale,
  t: Translate,
  cwd: string | undefined,
  decisionsOf: (a: Analysis) => ReadonlyMap<string, RecordedDecision> = () => new Map(),
): string {
  const num = (value: number) => formatNumber(value, locale);
  const out: string[] = [];
  for (const analysis of analyses) {
    const { project, result, catalog } = analysis;
    const decisions = decisionsOf(analysis);
    const where = (cwd !== undefined && relative(cwd, project.lockFile)) || project.lockFile;
    if (project.product === null) {
      out.push(fitPath(t('{0}: not a Commerce project (no magento/magento2-base in the lock file)', where)), '');
      continue;
    }
    const origin =
      project.release !== undefined
        ? '  ' + t("the release's own package versions, not a store")
        : fitPath(`  ${where}`);
    out.push(fit(productLabel(project.product)), origin);
    const qpt = project.qpt.installed === null ? t('QPT not installed') : t('QPT {0} installed', project.qpt.installed);
    out.push(fit(`  ${qpt} · ${t('{0} patches in the catalog', num(catalog.patches.size))}`), '');
    for (const status of ORDER) {
      if (status === 'not-applicable' && !all) continue;
      const entries = result.patches.filter((e) => e.status === status);
      out.push(fit(t('{0} ({1})', statusLabel(status), num(entries.length))));
      for (const e of entries) out.push(...rows(e, project.qpt.installed, locale, t, decisions.get(e.patch.id)));
      out.push('');
    }
  }
  return joinLines(out);
}

/** The lines as one text that ends with exactly one line break (trailing empty lines dropped). */
export function joinLines(lines: string[]): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end).join('\n') + '\n';
}

function rows(
  e: TriagedPatch,
  installedQpt: string | null,
  locale: Locale,
  t: Translate,
  decision?: RecordedDecision,
): string[] {
  const id = e.patch.id.padEnd(16);
  const lines = [fit(`  ${id} ${oneLine(patchDisplayTitle(e.patch.title, locale))}`)];
  const details: string[] = [];
  if (e.reason) details.push(reasonText(e.reason));
  if (e.status === 'needs-qpt-update') details.push(qptUpdateText(undefined, e.patch.qptVersion, installedQpt));
  if (e.replacedWith) details.push(t('replaced by {0}', e.replacedWith));
  if (e.status !== 'not-applicable' && e.requires.length > 0) details.push(t('requires {0}', e.requires.join(', ')));
  // The team's decision first: it is what a reader of the table acts on.
  if (decision !== undefined) details.unshift(t('decision: {0}', describeDecision(decision)));
  if (details.length > 0) lines.push(fit(`  ${' '.repeat(16)} ↳ ${oneLine(details.join('; '))}`));
  return lines;
}

/** Keeps the end of a long path, which names the store; control characters escaped, never an escape cut in half. */
export function fitPath(line: string): string {
  const units = displayUnits(line, true);
  let columns = 0;
  let i = units.length;
  while (i > 0 && columns + width(units[i - 1]) <= WIDTH - 3) columns += width(units[--i]);
  return i === 0 ? units.join('') : `  …${units.slice(i).join('')}`;
}

/** Runs of white space as one space; the control characters left are escaped by {@link fit}, unit by unit. */
export function oneLine(text: string): string {
  return oddSpacing(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** A character other than the printable ones below U+1100 (where wide characters start), `↳` and `…`. */
const NOT_PLAIN_NARROW = /[^\x20-\x7e\xa0-\u061b\u061d-\u10ff\u2026\u21b3]/;

/**
 * Only printable characters below U+1100 or the table's own `↳` and `…`, no controls: one column per character and
 * nothing to escape. The common line is checked in one native scan, without allocating.
 */
function isPlainNarrow(line: string): boolean {
  return !NOT_PLAIN_NARROW.test(line);
}

/** Terminal columns of one display unit: CJK characters take two, an escape such as `\x1b` its length. */
function width(unit: string): number {
  if (unit.length > 2) return unit.length;
  return eastAsianWidth(unit.codePointAt(0) ?? 0, { ambiguousAsWide: false });
}

/**
 * Cuts a line to the table width in terminal columns, with an ellipsis; control characters are escaped first, and a
 * cut never falls inside an escape.
 */
export function fit(line: string): string {
  // One column per character and nothing to escape: cut by length, as the loop below would.
  if (isPlainNarrow(line)) return line.length <= WIDTH ? line : `${line.slice(0, WIDTH - 1)}…`;
  let columns = 0;
  let out = '';
  const units = displayUnits(line, true);
  for (let i = 0; i < units.length; i++) {
    const w = width(units[i]);
    if (columns + w > WIDTH - (i < units.length - 1 ? 1 : 0)) return out + '…';
    columns += w;
    out += units[i];
  }
  return out;
}

/** Width of a text in terminal columns (CJK characters take two). */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += eastAsianWidth(ch.codePointAt(0) ?? 0, { ambiguousAsWide: false });
  return n;
}

/** Wraps a text into lines of the table width, the first after `first`, the rest after `indent`; breaks at spaces where it can. */
export function wrapLines(first: string, indent: string, text: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let rest = oneLine(text);
  while (rest !== '') {
    const room = WIDTH - columns(prefix);
    let cut = 0;
    let used = 0;
    let lastSpace = -1;
    const chars = [...rest];
    while (cut < chars.length && used + columns(chars[cut]) <= room) {
      if (chars[cut] === ' ') lastSpace = cut;
      used += columns(chars[cut]);
      cut++;
    }
    if (cut < chars.length && lastSpace > 0) cut = lastSpace;
    lines.push(prefix + chars.slice(0, Math.max(cut, 1)).join('').trimEnd());
    rest = chars.slice(Math.max(cut, 1)).join('').trimStart();
    prefix = indent;
  }
  return lines;
}
