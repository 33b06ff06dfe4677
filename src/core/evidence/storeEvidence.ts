import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Signature } from '../catalog/signature';
import { ENV_YAML_FILE, readQualityPatches } from '../cloud/envYaml';
import { normalizePatchId } from '../catalog/patchId';
import { InputError, type Problem } from '../problem';
import type { TriageResult } from '../triage/triaged';
import { type ConfigFiles, readConfigFiles } from './configValues';
import { type LogScanOptions, scanLogs } from './logEvidence';
import { type AppliedLookup, type Recommendation, recommend } from './recommend';

export interface StoreEvidenceOptions extends LogScanOptions {
  /** Applied state by patch ID (QPT's status, the applied-state check); `.magento.env.yaml` fills the gaps. */
  applied?: AppliedLookup;
  /** Database values (`bin/magento config:show`), asked for only when a signature has a config rule. */
  databaseConfig?: () => Promise<ReadonlyMap<string, string> | undefined>;
}

export interface StoreEvidence {
  recommendations: Recommendation[];
  /** Logs that could not be read, config files that are not PHP arrays, a broken `.magento.env.yaml`. */
  problems: Problem[];
  /** The log files read. */
  logFiles: string[];
  bytesRead: number;
}

/**
 * Everything the store's own files say about the patches that apply to it: the logs its signatures name (each file
 * read once for all its rules, only what was added since `cache` saw it), `app/etc/env.php` and `config.php` when a
 * signature asks for a setting, and the recommendations that follow.
 */
export async function storeEvidence(result: TriageResult, options: StoreEvidenceOptions = {}): Promise<StoreEvidence> {
  const root = result.project.root;
  const signatures: Signature[] = [];
  for (const entry of result.patches) {
    if (entry.status === 'not-applicable') break;
    if (entry.patch.metadata !== undefined) signatures.push(entry.patch.metadata);
  }
  const logs = await scanLogs(root, signatures, options);
  const problems = [...logs.problems];
  let config: ConfigFiles | undefined;
  if (signatures.some(hasConfigRule)) {
    config = await readConfigFiles(root, await options.databaseConfig?.());
    problems.push(...config.problems);
  }
  const scheduled = scheduledPatches(root, problems);
  const applied: AppliedLookup = (id) => options.applied?.(id) ?? (scheduled.has(id) ? 'scheduled' : undefined);
  const recommendations = recommend(
    result,
    { logHits: logs.hits, ...(config ? { config: (p: string) => config.get(p) } : {}) },
    applied,
  );
  return { recommendations, problems, logFiles: logs.files, bytesRead: logs.bytesRead };
}

function hasConfigRule(s: Signature): boolean {
  return s.type === 'config' || ((s.type === 'and' || s.type === 'or') && s.items.some(hasConfigRule));
}

/** The IDs in `.magento.env.yaml` `stage.build.QUALITY_PATCHES` (applied on every Cloud build). */
function scheduledPatches(root: string, problems: Problem[]): Set<string> {
  const file = join(root, ENV_YAML_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  try {
    return new Set(readQualityPatches(text, file).entries.map((e) => normalizePatchId(e.id)));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push({ ...e.problem, severity: 'warning' });
    return new Set();
  }
}
