// Runs in test/fixtures/monorepo: two stores (stores/a: Commerce 2.4.1, stores/b: Commerce 2.4.6-p8 B2B with QPT
// 1.1.54), plus composer.lock files that must be ignored (node_modules/, a store's generated/ folder).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/vscode/tree/nodes';
import { extensionApi, hoverText, row, rows, setUserSetting, waitFor } from './extensionApi';

describe('Patches view on a monorepo with two stores', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  it('has one root per store, labelled with product and lock folder, and ignores other locks', async () => {
    const roots = await rows(api);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description]),
      [
        ['Adobe Commerce 2.4.1', 'monorepo/stores/a'],
        ['Adobe Commerce 2.4.6-p8 · B2B', 'monorepo/stores/b'],
      ],
    );
  });

  it('gives each store its own groups and counts', async () => {
    const [a, b] = await rows(api);
    // Store a (no QPT installed) gets its patches from the bundled facts.
    const aCounts = api.store.commerce()[0].analysis.result.counts;
    assert.ok(aCounts.applicable > 0);
    assert.equal((await row(api, 'Applicable', a.node)).description, String(aCounts.applicable));
    const bCounts = api.store.commerce()[1].analysis.result.counts;
    const bApplicable = await row(api, 'Applicable', b.node);
    assert.equal(bApplicable.description, String(bCounts.applicable));
    const badge = await waitFor('badge', () => api.view.view.badge);
    assert.equal(badge.value, bCounts.applicable + api.store.commerce()[0].analysis.result.counts.applicable);
  });

  it('says so when a store has no patch in the shown statuses', async () => {
    await setUserSetting('statuses', ['scheduled']);
    try {
      const [a] = await rows(api);
      const aGroups = await rows(api, a.node);
      assert.equal(aGroups.length, 1);
      assert.equal(aGroups[0].node.kind, 'message');
      assert.equal(aGroups[0].label, 'No patch in the statuses shown.');
    } finally {
      await setUserSetting('statuses', undefined);
    }
  });

  it('hovers a patch ID with one status line per store', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'See ACSD-61103.', language: 'markdown' });
    const [md] = await hoverText(doc.uri, new vscode.Position(0, 6));
    assert.ok(md, 'no hover');
    assert.match(
      md,
      /\$\(dash\) magento\/magento2-base 2\.4\.1 is outside >=2\.4\.6 <2\.4\.7 \(Adobe Commerce 2\.4\.1\) — monorepo\/stores\/a/,
    );
    assert.match(md, /\$\(wrench\) Applicable to Adobe Commerce 2\.4\.6-p8 · B2B — monorepo\/stores\/b/);
  });

  it('shows in the status bar the store of the active editor', async () => {
    const [aEntry, bEntry] = api.store.commerce();
    for (const entry of [aEntry, bEntry]) {
      await vscode.window.showTextDocument(vscode.Uri.file(entry.lockFile));
      await waitFor(`status bar for ${entry.lockFile}`, () => api.statusBar.current()?.lockFile === entry.lockFile);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives every row one ID and the parent it was listed under, the same objects until a refresh', async () => {
    // VS Code finds a revealed row by its ID and walks up with getParent: both must agree with getChildren.
    const provider = api.view.provider;
    const seen = new Map<string, TreeNode>();
    const walk = async (parent: TreeNode | undefined): Promise<void> => {
      const children = provider.getChildren(parent);
      const again = provider.getChildren(parent);
      assert.ok(
        again.length === children.length && again.every((c, i) => c === children[i]),
        'getChildren answers with the same objects',
      );
      for (const child of children) {
        const id = provider.getTreeItem(child).id;
        assert.ok(id !== undefined && !seen.has(id), `row ID ${id} is missing or used twice`);
        seen.set(id, child);
        assert.equal(provider.getParent(child), parent, `getParent of ${id}`);
        await walk(child);
      }
    };
    await walk(undefined);
    const patchRows = [...seen.values()].filter((n) => n.kind === 'patch').length;
    assert.ok(patchRows > 40, `only ${patchRows} patch rows`);
  });

  it('reveals a patch in the store the hover link names', async () => {
    const b = api.store.commerce()[1];
    await vscode.commands.executeCommand('commercePatches.reveal', { id: 'ACSD-61103', lockFile: b.lockFile });
    const selected = await waitFor('selection', () => api.view.view.selection[0]);
    assert.equal(selected.kind === 'patch' && selected.project.lockFile, b.lockFile);
    assert.equal(selected.kind === 'patch' && selected.triaged.patch.id, 'ACSD-61103');
    // Once the view is loaded, a row of the other store is revealed as well.
    const a = api.store.commerce()[0];
    const id = a.analysis.result.patches.find((p) => p.status === 'applicable')?.patch.id;
    assert.ok(id, 'store a has an applicable patch');
    await vscode.commands.executeCommand('commercePatches.reveal', { id, lockFile: a.lockFile });
    const other = await waitFor('selection in store a', () => {
      const node = api.view.view.selection[0];
      return node?.kind === 'patch' && node.project.lockFile === a.lockFile ? node : undefined;
    });
    assert.equal(other.kind === 'patch' && other.triaged.patch.id, id);
  });

  it('explains when a patch is not shown in the view', async () => {
    // ACSD-61103 is "not applicable" to store a, a status the view does not show by default, and store b is
    // not named: the command reveals it in store b. A patch no store shows gets no selection change.
    const before = api.view.view.selection[0];
    await vscode.commands.executeCommand('commercePatches.reveal', { id: 'ACSD-99999' });
    assert.equal(api.view.view.selection[0], before);
  });
});
