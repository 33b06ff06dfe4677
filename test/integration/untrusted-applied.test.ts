// Runs in a fresh folder opened in Restricted Mode (workspaces.json: "trusted": false): the extension's applied
// check runs no process, so it works here as in a trusted workspace, Show Patch Changes included.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ShowChangesResult } from '../../src/vscode/commands/showChanges';
import { repoRoot } from '../support/realworld';
import { extensionApi, patchRows, projectGroups, rows, waitFor } from './extensionApi';

describe('applied state in Restricted Mode', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let lockFile: string;
  let store: string;

  before(async () => {
    const root = process.env.INTEGRATION_WORKSPACE ?? '';
    assert.ok(root !== '' && existsSync(root), 'runs in a fresh empty folder');
    store = join(root, 'applied-store');
    cpSync(join(repoRoot(), 'test', 'fixtures', 'applied-store'), store, { recursive: true });
    lockFile = join(store, 'composer.lock');
    api = await extensionApi();
    api.store.refresh();
    await waitFor('the store', () => api.store.commerce().find((e) => e.lockFile === lockFile));
  });

  // The folder is shared with the other Restricted Mode suites: leave it as it was.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(store, { recursive: true, force: true });
    api.store.refresh();
  });

  it('is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('shows the Applied, Conflicts and Local patches groups of the store', async () => {
    const roots = await rows(api);
    const index = roots
      .filter((r) => r.node.kind === 'project')
      .findIndex((r) => r.node.kind === 'project' && r.node.entry.lockFile === lockFile);
    const groups = await projectGroups(api, Math.max(0, index));
    const byLabel = new Map(groups.map((g) => [g.label, g]));
    for (const label of ['Applied', 'Conflicts', 'Local patches'])
      assert.ok(byLabel.has(label), `${label} among ${[...byLabel.keys()].join(', ')}`);
    const conflicts = await patchRows(api, byLabel.get('Conflicts')!.node);
    assert.ok(conflicts.some((r) => r.label === 'ACSD-91003'));
  });

  it('opens Show Patch Changes', async () => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>('commercePatches.showChanges', {
      id: 'ACSD-91001',
      lockFile,
    });
    assert.equal(result.outcome, 'diff');
  });
});
