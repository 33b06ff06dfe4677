import type { CorruptDetail } from '../diff/types';

/** Whether a patch's changes are in the project, as QPT's `git apply --check` / `--check --reverse` decides. */
export type AppliedState = 'applied' | 'not-applied' | 'conflict' | 'unknown';

export const APPLIED_STATES: readonly AppliedState[] = ['applied', 'not-applied', 'conflict', 'unknown'];

/** How much of a conflicting patch is in place: hunks (and created or deleted files) found as the patch leaves them. */
export interface Partly {
  applied: number;
  total: number;
}

/** Why a patch has its state: structured, so every front end words it in its own language. */
export type StateReason =
  /** Both directions apply (what it adds repeats its own context): git, and so QPT, say not applied. */
  | { kind: 'may-be-applied' }
  /** Applied because a patch that requires it is applied (QPT's rule), though its own reverse check fails. */
  | { kind: 'required-by-applied'; by: string }
  | { kind: 'file-missing'; path: string; partly?: Partly }
  | { kind: 'file-exists'; path: string; partly?: Partly }
  /** Hunk `hunk` (1-based) of `path` matches neither way; `line` is where it was expected. */
  | { kind: 'hunk-mismatch'; path: string; hunk: number; line: number; partly?: Partly }
  /** Every piece is found, some applied and some not. */
  | { kind: 'partly-applied'; partly: Partly }
  | { kind: 'leaves-content'; path: string }
  | { kind: 'qpt-missing' }
  | { kind: 'no-patch-file' }
  | { kind: 'patch-unreadable'; file: string; message: string }
  | { kind: 'binary'; file: string; path: string }
  | { kind: 'unsafe-path'; file: string; path: string }
  | { kind: 'corrupt'; file: string; line: number; detail: CorruptDetail }
  | { kind: 'empty'; file: string }
  | { kind: 'too-large'; file: string; bytes: number; limit: number }
  /** A composer-patches entry that names an address: never fetched. */
  | { kind: 'remote'; url: string };

export interface StateResult {
  state: AppliedState;
  reason?: StateReason;
}
