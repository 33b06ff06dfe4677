import { t } from '../text/translate';
import type { PlannedPatch, UpgradePlan } from './upgradePlan';

/** The sections of a plan, in reading order. */
export type PlanGroup = 'blocks-upgrade' | 'no-patch-for-target' | 'available' | 'recheck';
export const PLAN_GROUPS: readonly PlanGroup[] = ['blocks-upgrade', 'no-patch-for-target', 'available', 'recheck'];

function planGroup(p: PlannedPatch): PlanGroup {
  return p.blocksUpgrade ? 'blocks-upgrade' : p.outcome;
}

/** The patches of a plan by section. */
export function groupedPlan(plan: UpgradePlan): Map<PlanGroup, PlannedPatch[]> {
  const groups = new Map<PlanGroup, PlannedPatch[]>(PLAN_GROUPS.map((g) => [g, []]));
  for (const p of plan.patches) groups.get(planGroup(p))?.push(p);
  return groups;
}

export function planGroupLabel(group: PlanGroup): string {
  switch (group) {
    case 'blocks-upgrade':
      return t('Blocks the upgrade');
    case 'no-patch-for-target':
      return t('No patch for the target');
    case 'available':
      return t('Still needed, available on the target');
    case 'recheck':
      return t('Local patches: re-check after the upgrade');
  }
}

export function sourceLabel(p: PlannedPatch): string {
  switch (p.source) {
    case 'applied':
      return t('applied');
    case 'scheduled':
      return t('scheduled in .magento.env.yaml');
    case 'required':
      return t('required by {0}', (p.requiredBy ?? []).join(', '));
    case 'local':
      return p.local?.kind === 'composer-patches'
        ? t('composer-patches entry for {0}', p.local.package ?? '')
        : t('local patch');
  }
}

/** What the plan says about one patch, after its source. */
export function plannedText(p: PlannedPatch, to: string): string {
  if (p.blocksUpgrade) {
    return t(
      'QPT has no patch for it on {0}, so the Cloud build stops with "Next patches weren\'t found": remove it from stage.build.QUALITY_PATCHES before upgrading',
      to,
    );
  }
  switch (p.outcome) {
    case 'no-patch-for-target':
      if (p.fixedIn !== undefined) return t('Fixed in {0}', p.fixedIn);
      if (p.patch === undefined) return t('No catalog knows this patch');
      return t('QPT has no patch for it on {0} (usually because the release contains the fix)', to);
    case 'available': {
      const parts: string[] = [];
      if (p.targetFile !== undefined) parts.push(t('patch file on {0}: {1}', to, p.targetFile));
      if (p.replacedWith !== undefined) parts.push(t('deprecated on {0}, replaced by {1}', to, p.replacedWith));
      return parts.length > 0 ? parts.join('; ') : t('same patch on {0}', to);
    }
    case 'recheck':
      return t('check that {0} still applies after the upgrade', p.local?.file ?? p.id);
  }
}
