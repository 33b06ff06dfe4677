import { relative } from 'node:path';
import { evidenceSummary } from '../core/evidence/evidenceText';
import { type Locale, localized } from '../core/locale';
import { groupedPlan, PLAN_GROUPS, planGroupLabel, plannedText, sourceLabel } from '../core/plan/planText';
import type { PlannedPatch, UpgradePlan } from '../core/plan/upgradePlan';
import { productLabel } from '../core/text/describe';
import type { Translate } from '../core/text/translate';
import { formatNumber } from '../core/text/numbers';
import { fit, fitPath, joinLines, oneLine, wrapLines } from './tableReport';

/** The machine-readable plan; its shape is a contract (see README, "Upgrade plan"). */
export function planJson(plans: UpgradePlan[]): string {
  const projects = plans.map((plan) => ({
    lockFile: plan.project.lockFile,
    from: plan.from,
    to: plan.to,
    patches: plan.patches.map((p) => ({
      id: p.id,
      source: p.source,
      outcome: p.outcome,
      blocksUpgrade: p.blocksUpgrade,
      ...(p.fixedIn !== undefined ? { fixedIn: p.fixedIn } : {}),
      ...(p.targetFile !== undefined ? { targetFile: p.targetFile } : {}),
      ...(p.replacedWith !== undefined ? { replacedWith: p.replacedWith } : {}),
    })),
    newlyApplicable: plan.newlyApplicable,
    ...(plan.recommended !== undefined ? { recommended: [...plan.recommended.keys()] } : {}),
  }));
  return JSON.stringify({ projects }, null, 2) + '\n';
}

/** The plan for people: per project and target, the sections with counts, then the newly applicable patches. */
export function planTable(plans: UpgradePlan[], locale: Locale, t: Translate, cwd: string): string {
  const num = (value: number) => formatNumber(value, locale);
  const out: string[] = [];
  for (const plan of plans) {
    const product = plan.project.product === null ? plan.from : productLabel(plan.project.product);
    out.push(
      fit(`${product} → ${plan.to}`),
      fitPath(`  ${relative(cwd, plan.project.lockFile) || plan.project.lockFile}`),
      '',
    );
    const groups = groupedPlan(plan);
    for (const group of PLAN_GROUPS) {
      const patches = groups.get(group) ?? [];
      if (patches.length === 0) continue;
      out.push(t('{0} ({1})', planGroupLabel(group), num(patches.length)));
      for (const p of patches) out.push(...rows(p, plan.to, locale));
      out.push('');
    }
    if (plan.patches.length === 0) out.push(t('The project uses no patch today.'), '');
    out.push(t('{0} ({1})', t('Newly applicable on {0}', plan.to), num(plan.newlyApplicable.length)));
    for (const id of plan.newlyApplicable) {
      const entry = plan.target.byId.get(id);
      out.push(fit(`  ${id.padEnd(16)} ${entry !== undefined ? oneLine(localized(entry.patch.title, locale)) : ''}`));
      const rec = plan.recommended?.get(id);
      if (rec !== undefined) {
        const why = `${t('Recommended')}: ${evidenceSummary(rec, plan.project.root)}`;
        out.push(...wrapLines(`  ${' '.repeat(16)} ↳ `, ' '.repeat(21), why));
      }
    }
    out.push('');
  }
  return joinLines(out);
}

function rows(p: PlannedPatch, to: string, locale: Locale): string[] {
  const title = p.patch !== undefined ? oneLine(localized(p.patch.title, locale)) : '';
  return [
    fit(`  ${p.id.padEnd(16)} ${title}`),
    ...wrapLines(`  ${' '.repeat(16)} ↳ `, ' '.repeat(21), `${sourceLabel(p)} · ${plannedText(p, to)}`),
  ];
}
