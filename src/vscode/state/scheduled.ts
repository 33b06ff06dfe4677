import * as path from 'node:path';
import { ENV_YAML_FILE, readQualityPatches, type QualityPatchesList } from '../../core/cloud/envYaml';
import { caseInsensitiveIds } from '../../core/qpt/patchId';
import { InputError } from '../../core/problem';
import { WatchedFiles } from './watchedFiles';
import { FILE_LIMITS, readTextFile } from '../../core/files/readTextFile';
import { readFailure } from '../../core/lock/read';

/** A Cloud project's `.magento.env.yaml`: where it is and what `stage.build.QUALITY_PATCHES` lists. */
export interface EnvYamlState {
  file: string;
  exists: boolean;
  /** The list as read from disk; empty when the file or the key is missing, or the file is not valid YAML. */
  list: QualityPatchesList;
  /** IDs listed (each once). */
  ids: ReadonlySet<string>;
}

/** `.magento.env.yaml` beside the project's composer.lock, where ece-tools reads it. */
export function envYamlPath(projectRoot: string): string {
  return path.join(projectRoot, ENV_YAML_FILE);
}

/** Reads the file from disk; unreadable or invalid files give an empty list with the problem. */
function readEnvYamlState(file: string): EnvYamlState {
  let text: string;
  try {
    // Only a regular file of sane size is read: a FIFO or a link to a device in the workspace must not block.
    text = readTextFile(file, FILE_LIMITS.envYaml);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { file, exists: false, list: { entries: [], problems: [] }, ids: new Set() };
    const problem = { severity: 'error' as const, file, message: readFailure(code, e) };
    return { file, exists: true, list: { entries: [], problems: [problem] }, ids: new Set() };
  }
  let list: QualityPatchesList;
  try {
    list = readQualityPatches(text, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    list = { entries: [], problems: [e.problem] };
  }
  // QPT IDs are written upper-cased there; `has` answers for the catalog's spelling too.
  return { file, exists: true, list, ids: caseInsensitiveIds(list.entries.map((e) => e.id)) };
}

/**
 * The patches each Cloud project schedules for its next build (`stage.build.QUALITY_PATCHES`), read from disk on
 * first use and again whenever the file is created, saved or deleted.
 */
export class ScheduledPatches extends WatchedFiles<EnvYamlState> {
  constructor() {
    super(ENV_YAML_FILE, readEnvYamlState);
  }
}
