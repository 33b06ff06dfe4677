import { docsLink, searchUrl } from '../docs/docsUrl';
import { evidenceSummary } from '../evidence/evidenceText';
import type { Recommendation } from '../evidence/recommend';
import { type Locale, localized } from '../locale';
import { productLabel } from '../text/describe';
import { t } from '../text/translate';
import { codeSpan, markdownCell, markdownTable } from '../report/markdown';
import { groupedPlan, PLAN_GROUPS, planGroupLabel, plannedText, sourceLabel } from './planText';
import type { UpgradePlan } from './upgradePlan';

/** The QPT overview page, linked where QPT has no patch for the target. */
const QPT_DOCS = 'https://experienceleague.adobe.com/{lang}/docs/commerce-operations/tools/quality-patches-tool/usage';

/**
 * An upgrade plan as a Markdown report (for a ticket, a pull request or a job summary): one table per section,
 * patch IDs linked to their documentation. `where` names the project (a relative path).
 */
export function planMarkdown(plan: UpgradePlan, where: string, locale: Locale): string {
  const out: string[] = [];
  const product = plan.project.product === null ? where : productLabel(plan.project.product);
  out.push(`## ${markdownCell(t('Upgrade plan: {0} → {1}', product, plan.to))}`, '', markdownCell(where), '');
  const groups = groupedPlan(plan);
  const blockers = groups.get('blocks-upgrade') ?? [];
  if (blockers.length > 0) {
    out.push(
      `> **${markdownCell(t('{0} patches in .magento.env.yaml block the upgrade: remove them first.', blockers.length))}**`,
      '',
    );
  }
  if (plan.patches.length === 0) out.push(t('The project uses no patch today.'), '');
  for (const group of PLAN_GROUPS) {
    const patches = groups.get(group) ?? [];
    if (patches.length === 0) continue;
    out.push(`### ${markdownCell(planGroupLabel(group))} (${patches.length})`, '');
    const rows = patches.map((p) => {
      const id = p.source === 'local' ? codeSpan(p.id) : `[${p.id}](${docsLink(p.patch ?? { id: p.id }, locale).url})`;
      const title = p.patch !== undefined ? localized(p.patch.title, locale) : '';
      return [id, markdownCell(title), markdownCell(sourceLabel(p)), markdownCell(plannedText(p, plan.to))];
    });
    out.push(
      ...markdownTable([t('Patch'), t('Title'), t('Used as'), t('On {0}', plan.to)].map(markdownCell), rows),
      '',
    );
    if (group === 'no-patch-for-target' || group === 'blocks-upgrade') {
      out.push(t('See [how QPT picks patches for a release]({0}).', QPT_DOCS.replace('{lang}', locale)), '');
    }
  }
  const newly = plan.newlyApplicable;
  out.push(`### ${markdownCell(t('Newly applicable on {0}', plan.to))} (${newly.length})`, '');
  if (newly.length === 0) out.push(t('None.'), '');
  else {
    const recommended: ReadonlyMap<string, Recommendation> = plan.recommended ?? new Map();
    if (recommended.size > 0) {
      out.push(
        markdownCell(
          t(
            'Recommended for this store, listed first (its logs or settings show what they fix): {0}',
            recommended.size,
          ),
        ),
        '',
      );
    }
    const rows = newly.map((id) => {
      const entry = plan.target.byId.get(id);
      const url = entry !== undefined ? docsLink(entry.patch, locale).url : searchUrl(id, locale);
      const row = [`[${id}](${url})`, entry !== undefined ? markdownCell(localized(entry.patch.title, locale)) : ''];
      const rec = recommended.get(id);
      if (recommended.size > 0)
        row.push(
          rec !== undefined
            ? `**${markdownCell(t('Recommended'))}**: ${markdownCell(evidenceSummary(rec, plan.project.root))}`
            : '',
        );
      return row;
    });
    const head = [t('Patch'), t('Title'), ...(recommended.size > 0 ? [t('Evidence')] : [])];
    out.push(...markdownTable(head.map(markdownCell), rows), '');
  }
  return out.join('\n');
}
