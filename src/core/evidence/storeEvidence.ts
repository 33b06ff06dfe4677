import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { join } from 'node:path';
import type { Catalog } from '../catalog/patch';
import type { Signature } from '../catalog/signature';
import { ENV_YAML_FILE, readQualityPatches } from '../cloud/envYaml';
import { normalizePatchId } from '../catalog/patchId';
import { InputError, type Problem } from '../problem';
import type { TriageResult } from '../triage/triaged';
import { type ConfigFiles, readConfigFiles } from './configValues';
import type { StoreFacts } from './evaluate';
import { type LogScanOptions, scanLogs } from './logEvidence';
import { type AppliedLookup, type Recommendation, recommend } from './recommend';

export interface StoreEvidenceOptions extends LogScanOptions {
  /** Applied state by patch ID (QPT's status, the applied-state check); `.magento.env.yaml` fills the gaps. */
  applied?: AppliedLookup;
  /** Database values (`bin/magento config:show`), asked for only when a signature has a config rule. */
  databaseConfig?: () => Promise<ReadonlyMap<string, string> | undefined>;
  /** More signatures to read the store for (an upgrade plan's, for the patches of other releases). */
  extraSignatures?: readonly Signature[];
}

/** What a store's logs and settings show for a set of signatures, to evaluate them against (once, for any triage). */
export interface StoreFactsRead {
  facts: StoreFacts;
  /** Logs that could not be read, config files that are not PHP arrays. */
  problems: Problem[];
  /** The log files read. */
  logFiles: string[];
  bytesRead: number;
}

export interface StoreEvidence extends StoreFactsRead {
  recommendations: Recommendation[];
}

/**
 * Reads a store for the given signatures: the logs they name (each file once for all its rules, only what was
 * added since `cache` saw it), and `app/etc/env.php` and `config.php` when a signature asks for a setting.
 */
export async function readStoreFacts(
  root: string,
  signatures: readonly Signature[],
  options: StoreEvidenceOptions = {},
): Promise<StoreFactsRead> {
  const logs = await scanLogs(root, signatures, options);
  const problems = [...logs.problems];
  let config: ConfigFiles | undefined;
  if (signatures.some(hasConfigRule)) {
    config = readConfigFiles(root, await options.databaseConfig?.());
    problems.push(...config.problems);
  }
  const facts: StoreFacts = { logHits: logs.hits, ...(config ? { config: (p: string) => config.get(p) } : {}) };
  return { facts, problems, logFiles: logs.files, bytesRead: logs.bytesRead };
}

/** The signatures of every patch of a catalog: what an upgrade plan reads a store for, once for all its targets. */
export function catalogSignatures(catalog: Catalog): Signature[] {
  const signatures: Signature[] = [];
  for (const patch of catalog.patches.values()) if (patch.metadata !== undefined) signatures.push(patch.metadata);
  return signatures;
}

/**
 * Everything the store's own files say about the patches that apply to it (and about `extraSignatures`): the
 * facts read by {@link readStoreFacts}, and the recommendations that follow.
 */
export async function storeEvidence(result: TriageResult, options: StoreEvidenceOptions = {}): Promise<StoreEvidence> {
  const root = result.project.root;
  const signatures: Signature[] = [];
  for (const entry of result.patches) {
    if (entry.status === 'not-applicable') break;
    if (entry.patch.metadata !== undefined) signatures.push(entry.patch.metadata);
  }
  const read = await readStoreFacts(root, [...signatures, ...(options.extraSignatures ?? [])], options);
  const problems = [...read.problems];
  const scheduled = scheduledPatches(root, problems);
  const applied: AppliedLookup = (id) => options.applied?.(id) ?? (scheduled.has(id) ? 'scheduled' : undefined);
  const recommendations = recommend(result, read.facts, applied);
  return { ...read, recommendations, problems };
}

function hasConfigRule(s: Signature): boolean {
  return s.type === 'config' || ((s.type === 'and' || s.type === 'or') && s.items.some(hasConfigRule));
}

/** The IDs in `.magento.env.yaml` `stage.build.QUALITY_PATCHES` (applied on every Cloud build). */
function scheduledPatches(root: string, problems: Problem[]): Set<string> {
  const file = join(root, ENV_YAML_FILE);
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.envYaml);
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
