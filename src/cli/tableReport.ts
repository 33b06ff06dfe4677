import { eastAsianWidth } from 'get-east-asian-width';
import { relative } from 'node:path';
import type { Analysis } from '../core/analyze';
import type { Locale } from '../core/locale';
import { productLabel, reasonText, statusLabel } from '../core/text/describe';
import { patchDisplayTitle } from '../core/text/displayTitle';
import type { Translate } from '../core/text/translate';
import { formatNumber } from '../core/text/numbers';
import type { PatchStatus, TriagedPatch } from '../core/triage/triaged';

const WIDTH = 100;
const ORDER: PatchStatus[] = ['applicable', 'needs-qpt-update', 'deprecated', 'not-applicable'];

/** The report for people: one block per project, patches grouped by status with counts, lines kept within 100 columns. */
export function tableReport(analyses: Analysis[], all: boolean, locale: Locale, t: Translate, cwd: string): string {
  const num = (value: number) => formatNumber(value, locale);
  const out: string[] = [];
  for (const { project, result, catalog } of analyses) {
    const where = relative(cwd, project.lockFile) || project.lockFile;
    if (project.product === null) {
      out.push(t('{0}: not a Commerce project (no magento/magento2-base in the lock file)', where), '');
      continue;
    }
    out.push(productLabel(project.product), fitPath(`  ${where}`));
    const qpt = project.qpt.installed === null ? t('QPT not installed') : t('QPT {0} installed', project.qpt.installed);
    out.push(fit(`  ${qpt} · ${t('{0} patches in the catalog', num(catalog.patches.size))}`), '');
    for (const status of ORDER) {
      if (status === 'not-applicable' && !all) continue;
      const entries = result.patches.filter((e) => e.status === status);
      out.push(t('{0} ({1})', statusLabel(status), num(entries.length)));
      for (const e of entries) out.push(...rows(e, locale, t));
      out.push('');
    }
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

function rows(e: TriagedPatch, locale: Locale, t: Translate): string[] {
  const id = e.patch.id.padEnd(16);
  const lines = [fit(`  ${id} ${oneLine(patchDisplayTitle(e.patch.title, locale))}`)];
  const details: string[] = [];
  if (e.reason) details.push(reasonText(e.reason));
  if (e.replacedWith) details.push(t('replaced by {0}', e.replacedWith));
  if (e.status !== 'not-applicable' && e.requires.length > 0) details.push(t('requires {0}', e.requires.join(', ')));
  if (details.length > 0) lines.push(fit(`  ${' '.repeat(16)} ↳ ${oneLine(details.join('; '))}`));
  return lines;
}

/** Keeps the end of a long path, which names the store. */
export function fitPath(line: string): string {
  return line.length <= WIDTH ? line : `  …${line.slice(line.length - WIDTH + 3)}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts a line to the table width in terminal columns (CJK characters take two), with an ellipsis. */
export function fit(line: string): string {
  let columns = 0;
  let out = '';
  const chars = [...line];
  for (let i = 0; i < chars.length; i++) {
    const w = eastAsianWidth(chars[i].codePointAt(0) ?? 0, { ambiguousAsWide: false });
    if (columns + w > WIDTH - (i < chars.length - 1 ? 1 : 0)) return out + '…';
    columns += w;
    out += chars[i];
  }
  return out;
}
