import * as vscode from 'vscode';
import type { TreeNode } from './nodes';

/** Milliseconds (performance.now()) at which the tree first answered, for the speed figures. */
export interface TreeTimings {
  /** VS Code first asked for the roots (the view became visible). */
  firstRootsRequest?: number;
  firstPatchRows?: number;
  /** Since the last refresh (store change, Refresh, setting). */
  lastRefresh?: number;
  lastPatchRows?: number;
}

/** Notes when the tree answers (the benchmark and the output channel's "view filled" line read it). */
export class TreeClock implements vscode.Disposable {
  readonly timings: TreeTimings = {};
  private readonly patchRowsServed = new vscode.EventEmitter<number>();
  /** Fires the first time patch rows are handed to VS Code after a refresh, with performance.now(). */
  readonly onDidServePatchRows = this.patchRowsServed.event;
  private pendingPatchRows = true;

  refreshed(): void {
    this.timings.lastRefresh = performance.now();
    this.pendingPatchRows = true;
  }

  rootsAsked(): void {
    this.timings.firstRootsRequest ??= performance.now();
  }

  served(children: readonly TreeNode[]): void {
    if (!this.pendingPatchRows || !children.some((c) => c.kind === 'patch' || c.kind === 'category')) return;
    const now = performance.now();
    this.timings.firstPatchRows ??= now;
    this.timings.lastPatchRows = now;
    this.pendingPatchRows = false;
    this.patchRowsServed.fire(now);
  }

  dispose(): void {
    this.patchRowsServed.dispose();
  }
}
