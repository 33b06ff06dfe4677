import { join } from 'node:path';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import type { Catalog } from '../catalog/patch';
import type { StoreFacts } from '../evidence/evaluate';
import { ENV_YAML_FILE, readQualityPatches, type QualityPatchEntry } from '../cloud/envYaml';
import type { Project } from '../lock/project';
import { InputError, type Problem } from '../problem';
import type { ReleaseTable } from '../releases/releaseTable';
import { unknownRelease } from '../releases/analyzeRelease';
import { triage } from '../triage/triage';
import type { TriageResult } from '../triage/triaged';
import { readLocalPatches } from './localPatches';
import { planUpgrade } from './planUpgrade';
import type { LocalPatch, UpgradePlan } from './upgradePlan';

/** What a project uses today, read from its files (the applied set comes from elsewhere). */
export interface ProjectPatches {
  /** `stage.build.QUALITY_PATCHES` entries, with their place in `.magento.env.yaml`. */
  scheduled: QualityPatchEntry[];
  /** The `.magento.env.yaml` file, when there is one. */
  envFile?: string;
  local: LocalPatch[];
  problems: Problem[];
}

/** Reads `.magento.env.yaml` beside the lock and the store's own patches. Nothing here throws for bad input. */
export function readProjectPatches(project: Project): ProjectPatches {
  const scheduled = readScheduled(project);
  const local = readLocalPatches(project);
  return { ...scheduled, local: local.patches, problems: [...scheduled.problems, ...local.problems] };
}

/** `stage.build.QUALITY_PATCHES` of the `.magento.env.yaml` beside the lock (none without the file). */
export function readScheduled(project: Project): Omit<ProjectPatches, 'local'> {
  const problems: Problem[] = [];
  if (project.root === '') return { scheduled: [], problems };
  const envFile = join(project.root, ENV_YAML_FILE);
  let scheduled: QualityPatchEntry[] = [];
  let found: string | undefined;
  try {
    const text = readTextFile(envFile, FILE_LIMITS.envYaml);
    found = envFile;
    const list = readQualityPatches(text, envFile);
    scheduled = list.entries;
    problems.push(...list.problems);
  } catch (e) {
    if (e instanceof InputError) problems.push(e.problem);
  }
  return { scheduled, ...(found !== undefined ? { envFile: found } : {}), problems };
}

export interface ProjectPlanOptions {
  applied?: ReadonlySet<string>;
  recommended?: ReadonlySet<string>;
  /** What the store's logs and settings show, read once for the project and evaluated per target. */
  evidence?: StoreFacts;
  /** Today's triage, when the caller has it already. */
  current?: TriageResult;
  patches?: ProjectPatches;
}

/** Plans an upgrade of a project to each target release. Throws {@link InputError} for a release the list lacks. */
export function planProject(
  project: Project,
  catalog: Catalog,
  table: ReleaseTable,
  releases: readonly string[],
  options: ProjectPlanOptions = {},
): UpgradePlan[] {
  const current = options.current ?? triage(project, catalog);
  const patches = options.patches ?? readProjectPatches(project);
  return releases.map((release) => {
    const versions = table.releases.get(release);
    if (versions === undefined) throw unknownRelease(release, table);
    return planUpgrade(
      {
        project,
        current,
        release,
        versions,
        applied: options.applied ?? new Set(),
        scheduled: patches.scheduled.map((e) => e.id),
        local: patches.local,
        recommended: options.recommended,
        ...(options.evidence !== undefined ? { evidence: options.evidence } : {}),
      },
      catalog,
    );
  });
}
