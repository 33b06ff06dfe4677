import type { Evidence } from '../../core/evidence/evidence';
import type { LocalPatchState } from '../../core/applied/localPatches';
import type { TriagedPatch } from '../../core/triage/triaged';
import type { BrokenEntry, CommerceEntry } from '../projects/entries';
import type { GroupSpec } from './groups';

/** A Commerce project (one composer.lock). */
export interface ProjectNode {
  kind: 'project';
  key: string;
  entry: CommerceEntry;
  /** The only project: shown as a header row with its groups beside it at the top level. */
  inline?: boolean;
  children?: TreeNode[];
}

/** A composer.lock that could not be read; shown beside working projects. */
export interface BrokenNode {
  kind: 'broken';
  key: string;
  entry: BrokenEntry;
}

/** A status group of one project; `patches` are the ones that pass the filter, `total` ignores the filter. */
export interface GroupNode {
  kind: 'group';
  key: string;
  parent: ProjectNode;
  spec: GroupSpec;
  patches: TriagedPatch[];
  total: number;
  children?: TreeNode[];
}

/** Patches of a large group that share a category (a patch with several categories is under each). */
export interface CategoryNode {
  kind: 'category';
  key: string;
  parent: GroupNode;
  /** Category name, or undefined for patches without one. */
  name: string | undefined;
  patches: TriagedPatch[];
  children?: TreeNode[];
}

export interface PatchNode {
  kind: 'patch';
  key: string;
  parent: GroupNode | CategoryNode;
  project: CommerceEntry;
  triaged: TriagedPatch;
  /** Its evidence rows, once asked for. */
  children?: TreeNode[];
}

/** A log line or setting that shows the store needs the patch of its parent row. */
export interface EvidenceNode {
  kind: 'evidence';
  key: string;
  parent: PatchNode;
  evidence: Evidence;
}

/** The project's own patches (`m2-hotfixes/`, composer-patches entries), with their applied state. */
export interface LocalGroupNode {
  kind: 'localGroup';
  key: string;
  parent: ProjectNode;
  patches: readonly LocalPatchState[];
  children?: TreeNode[];
}

/** One local patch. */
export interface LocalNode {
  kind: 'local';
  key: string;
  parent: LocalGroupNode;
  local: LocalPatchState;
}

/** An informational row, e.g. "No patch matches the filter". */
export interface MessageNode {
  kind: 'message';
  key: string;
  parent: ProjectNode | undefined;
  text: string;
}

export type TreeNode =
  | ProjectNode
  | BrokenNode
  | GroupNode
  | CategoryNode
  | PatchNode
  | EvidenceNode
  | LocalGroupNode
  | LocalNode
  | MessageNode;
