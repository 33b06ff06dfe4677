import { isWellFormedPatchId, normalizePatchId } from '../../core/catalog/patchId';
import { isSafePatchId } from '../../core/qpt/patchId';
import { t } from '../l10n';
import type { PatchRef } from '../links';
import type { TreeNode } from '../tree/nodes';

// What a command receives. Commands validate their arguments: other extensions can call them too.

/** The patch a command is about: a tree row, a `{id, lockFile}` from a hover link, or an ID. */
export function toRef(arg: unknown): PatchRef | undefined {
  if (typeof arg === 'string') return isWellFormedPatchId(arg.trim()) ? { id: normalizePatchId(arg) } : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as Partial<TreeNode>;
  if (node.kind === 'patch' && 'triaged' in node && node.triaged !== undefined) {
    return { id: node.triaged.patch.id, lockFile: node.project?.lockFile };
  }
  const ref = arg as { id?: unknown; lockFile?: unknown };
  if (typeof ref.id !== 'string' || ref.id.length === 0 || ref.id.length > 100) return undefined;
  return { id: ref.id, lockFile: typeof ref.lockFile === 'string' ? ref.lockFile : undefined };
}

/** One of a project's own patches (a row of the Local patches group): its lock file, file and package. */
export interface LocalRef {
  lockFile: string;
  file: string;
  package?: string;
}

/** The local patch a row names, or undefined when `arg` is not a Local patches row. */
export function toLocalRef(arg: unknown): LocalRef | undefined {
  if (typeof arg !== 'object' || arg === null || (arg as { kind?: unknown }).kind !== 'local') return undefined;
  const node = arg as { local?: { file?: unknown; package?: unknown }; parent?: { parent?: { entry?: unknown } } };
  const lockFile = (node.parent?.parent?.entry as { lockFile?: unknown } | undefined)?.lockFile;
  const { file, package: pkg } = node.local ?? {};
  if (typeof lockFile !== 'string' || typeof file !== 'string') return undefined;
  return { lockFile, file, ...(typeof pkg === 'string' ? { package: pkg } : {}) };
}

/** A QPT or `.magento.env.yaml` command's argument: a patch, a project (its tree row), nothing, or something unusable. */
export type ActionArg =
  | { kind: 'patch'; ref: PatchRef }
  | { kind: 'project'; lockFile: string }
  | { kind: 'none' }
  | { kind: 'bad'; shown: string };

export function actionArg(arg: unknown): ActionArg {
  if (arg === undefined || arg === null) return { kind: 'none' };
  if (typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'project') {
    const entry = (arg as { entry?: { lockFile?: unknown } }).entry;
    return typeof entry?.lockFile === 'string' ? { kind: 'project', lockFile: entry.lockFile } : { kind: 'none' };
  }
  const ref = toRef(arg);
  // The alphabet of patch IDs is what makes them safe to pass on: anything else stops here.
  if (ref !== undefined && isSafePatchId(ref.id)) return { kind: 'patch', ref };
  const shown = ref !== undefined ? ref.id : shownArg(arg);
  return { kind: 'bad', shown: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown };
}

/** An unusable argument as a message shows it: its JSON, or its type when it has none (a cycle, a function). */
function shownArg(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    const json = JSON.stringify(arg) as string | undefined;
    if (json !== undefined) return json;
  } catch {
    // A cyclic object or a BigInt: its type says enough.
  }
  return typeof arg;
}

/** The lock file and patch ID an `ActionArg` names (either may be absent). */
export function argTarget(arg: Exclude<ActionArg, { kind: 'bad' }>): { lockFile?: string; id?: string } {
  if (arg.kind === 'patch') return { lockFile: arg.ref.lockFile, id: arg.ref.id };
  if (arg.kind === 'project') return { lockFile: arg.lockFile };
  return {};
}

/** The message for a command argument that is not a patch ID. */
export function badArgMessage(bad: string): string {
  return t('Refusing {0}: a patch ID is letters and digits joined by "-", "_" or "/" (like ACSD-61103).', bad);
}
