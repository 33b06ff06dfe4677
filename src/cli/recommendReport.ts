import { isAbsolute, relative } from 'node:path';
import type { Analysis } from '../core/analyze';
import type { Evidence } from '../core/evidence/evidence';
import type { Recommendation } from '../core/evidence/recommend';
import type { StoreEvidence } from '../core/evidence/storeEvidence';
import { type Locale, localized } from '../core/locale';
import { productLabel } from '../core/text/describe';
import type { Translate } from '../core/text/translate';
import { replacementText } from '../core/text/replacementText';
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
    recommendations: evidence.recommendations
      .filter((r) => r.replacement === undefined)
      .map((r) => ({
        id: r.entry.patch.id,
        status: r.entry.status,
        ...(r.state !== undefined ? { state: r.state } : {}),
        recommended: r.recommended,
        via: r.via,
        evidence: r.evidence.map(evidenceJson),
      })),
    // Deprecated patches whose own signature holds: their evidence recommends the replacement (`apply`).
    deprecated: evidence.recommendations.flatMap((r) =>
      r.replacement === undefined
        ? []
        : [
            {
              id: r.entry.patch.id,
              status: r.entry.status,
              apply: r.replacement.patch.id,
              evidence: r.evidence.map(evidenceJson),
            },
          ],
    ),
  }));
  return JSON.stringify({ projects }, null, 2) + '\n';
}

function evidenceJson(e: Evidence): object {
  return e.type === 'log'
    ? {
        type: 'log',
        file: e.file,
        line: e.line,
        text: e.text,
        ...(e.timestamp ? { timestamp: e.timestamp } : {}),
        match: e.match,
        count: e.count,
      }
    : { type: 'config', path: e.path, value: e.value, source: e.source };
}

/**
 * The report for people: per project, the recommended patches with their evidence, then the applied ones that still
 * show it, then the deprecated ones whose evidence recommends their replacement.
 */
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
    const { recommendations: all } = evidence;
    const groups: Array<[string, Recommendation[]]> = [
      [t('Recommended for this store'), all.filter((r) => r.recommended)],
      [t('Applied or scheduled, evidence still present'), all.filter((r) => !r.recommended && !r.replacement)],
      [t('Deprecated, their evidence recommends the replacement'), all.filter((r) => r.replacement)],
    ];
    for (const [title, list] of groups) {
      if (list !== groups[0][1] && list.length === 0) continue;
      out.push(t('{0} ({1})', title, formatNumber(list.length, locale)));
      if (list.length === 0) out.push(`  ${t('No log line or setting of this store matches a signature.')}`);
      for (const r of list) {
        out.push(fit(`  ${r.entry.patch.id.padEnd(16)} ${oneLine(localized(r.entry.patch.title, locale))}`));
        const others = r.via.filter((id) => id !== r.entry.patch.id);
        if (others.length > 0)
          out.push(fit(`${indent}↳ ${t('replaces {0}, whose signature matched', others.join(', '))}`));
        const to = r.replacement;
        if (to)
          out.push(
            fit(
              `${indent}↳ ${replacementText(
                to,
                all.some((o) => o.entry === to && o.recommended),
              )}`,
            ),
          );
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
