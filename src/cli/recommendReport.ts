import { isAbsolute, relative } from 'node:path';
import type { Analysis } from '../core/analyze';
import type { Evidence } from '../core/evidence/evidence';
import type { StoreEvidence } from '../core/evidence/storeEvidence';
import { type Locale, localized } from '../core/locale';
import { productLabel } from '../core/text/describe';
import type { Translate } from '../core/text/translate';
import { formatNumber } from '../core/text/numbers';
import { productJson } from './jsonReport';
import { fit, fitPath, joinLines, oneLine } from './tableReport';

type Result = [Analysis, StoreEvidence];

/** The machine-readable report; its shape is a contract (see README, "Command line"). */
export function recommendJson(results: Result[]): string {
  const projects = results.map(([{ project }, evidence]) => ({
    lockFile: project.lockFile,
    product: productJson(project),
    logFiles: evidence.logFiles,
    recommendations: evidence.recommendations.map((r) => ({
      id: r.entry.patch.id,
      status: r.entry.status,
      ...(r.state !== undefined ? { state: r.state } : {}),
      recommended: r.recommended,
      via: r.via,
      evidence: r.evidence.map((e) =>
        e.type === 'log'
          ? {
              type: 'log',
              file: e.file,
              line: e.line,
              text: e.text,
              ...(e.timestamp ? { timestamp: e.timestamp } : {}),
              match: e.match,
              count: e.count,
            }
          : { type: 'config', path: e.path, value: e.value, source: e.source },
      ),
    })),
  }));
  return JSON.stringify({ projects }, null, 2) + '\n';
}

/** The report for people: per project, the recommended patches with their evidence, then the applied ones that still show it. */
export function recommendTable(results: Result[], locale: Locale, t: Translate, cwd: string): string {
  const out: string[] = [];
  const indent = ' '.repeat(19);
  for (const [{ project }, evidence] of results) {
    const where = relative(cwd, project.lockFile) || project.lockFile;
    if (project.product === null) {
      out.push(t('{0}: not a Commerce project (no magento/magento2-base in the lock file)', where), '');
      continue;
    }
    out.push(productLabel(project.product), fitPath(`  ${where}`));
    out.push(fit(`  ${t('{0} log files read', formatNumber(evidence.logFiles.length, locale))}`), '');
    const groups: Array<[string, typeof evidence.recommendations]> = [
      [t('Recommended for this store'), evidence.recommendations.filter((r) => r.recommended)],
      [t('Applied or scheduled, evidence still present'), evidence.recommendations.filter((r) => !r.recommended)],
    ];
    for (const [title, list] of groups) {
      if (list === groups[1][1] && list.length === 0) continue;
      out.push(t('{0} ({1})', title, formatNumber(list.length, locale)));
      if (list.length === 0) out.push(`  ${t('No log line or setting of this store matches a signature.')}`);
      for (const r of list) {
        out.push(fit(`  ${r.entry.patch.id.padEnd(16)} ${oneLine(localized(r.entry.patch.title, locale))}`));
        const others = r.via.filter((id) => id !== r.entry.patch.id);
        if (others.length > 0)
          out.push(fit(`${indent}↳ ${t('replaces {0}, whose signature matched', others.join(', '))}`));
        for (const e of r.evidence) out.push(fit(`${indent}↳ ${evidenceLine(e, project.root, t)}`));
      }
      out.push('');
    }
  }
  return joinLines(out);
}

function evidenceLine(e: Evidence, root: string, t: Translate): string {
  if (e.type === 'config') {
    return t(
      '{0} = {1} in {2}',
      e.path,
      JSON.stringify(e.value),
      isAbsolute(e.source) ? relative(root, e.source) || e.source : e.source,
    );
  }
  const file = relative(root, e.file) || e.file;
  const stamp = e.timestamp ? `[${e.timestamp}] ` : '';
  const text = e.timestamp ? e.text.replace(`[${e.timestamp}]`, '').trim() : e.text;
  return `${file}:${e.line}  ${stamp}${oneLine(text)}`;
}
