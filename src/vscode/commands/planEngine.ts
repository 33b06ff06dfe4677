import { bundledFactsFile } from '../../core/catalog/bundledFacts';
import { t } from '../l10n';

/** The upgrade plan's and the release list's functions (see core/plan/engine.ts). */
export type PlanEngine = typeof import('../../core/plan/engine');

let engine: PlanEngine | undefined;

/**
 * The upgrade plan and the release list, loaded on first call: the build makes them a bundle of their own
 * (dist/plan.js), so they cost nothing until Plan Upgrade or Browse Patches for a Release runs.
 */
export function planEngine(): PlanEngine {
  if (engine === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, on purpose
    engine = require('../../core/plan/engine') as PlanEngine;
    // Its texts go through VS Code's lookup, and it reads the bundled facts the extension reads.
    engine.useTranslate(t);
    engine.useBundledFactsFile(bundledFactsFile());
  }
  return engine;
}
