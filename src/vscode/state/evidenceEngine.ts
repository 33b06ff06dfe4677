import { t } from '../l10n';

/** The evidence engine's functions (see core/evidence/engine.ts). */
export type EvidenceEngine = typeof import('../../core/evidence/engine');

let engine: EvidenceEngine | undefined;

/**
 * The evidence engine, loaded on first call: the build makes it a bundle of its own (dist/evidence.js), so it costs
 * nothing until a project's evidence is asked for.
 */
export function evidenceEngine(): EvidenceEngine {
  if (engine === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, on purpose
    engine = require('../../core/evidence/engine') as EvidenceEngine;
    // Its texts (unreadable logs and settings) go through VS Code's lookup too.
    engine.useTranslate(t);
  }
  return engine;
}
