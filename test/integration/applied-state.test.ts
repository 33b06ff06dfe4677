// Runs in test/fixtures/applied-store: an Adobe Commerce 2.4.6-p3 store whose QPT metadata holds three patches with
// their files (one not applied, one applied, one in conflict) and two m2-hotfixes. The extension's own applied check
// on the rows, in groups, tooltips and the hover, Show Patch Changes, and following a vendor file that changes.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ShowChangesResult } from '../../src/vscode/commands/showChanges';
import { extensionApi, groupRow, hoverText, patchRows, plain, rows, waitFor } from './extensionApi';

describe('applied state checked by the extension', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let store: string;
  let cart: string;
  let cartBefore: string;

  before(async () => {
    store = process.env.INTEGRATION_WORKSPACE ?? '';
    assert.ok(store !== '' && existsSync(join(store, 'composer.lock')), 'runs in test/fixtures/applied-store');
    cart = join(store, 'vendor', 'magento', 'framework', 'Cart.php');
    cartBefore = '<?php\n// head\nold cart\n// end\n';
    if (readFileSync(cart, 'utf8') !== cartBefore) writeFileSync(cart, cartBefore);
    api = await extensionApi();
    api.store.refresh();
    await waitFor('the store', () => api.store.commerce().find((e) => e.lockFile === join(store, 'composer.lock')));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(cart, cartBefore);
  });

  it('groups the patches by state: not applied under Applicable, then Applied, Conflicts and Local patches', async () => {
    const ids = async (label: string) => (await patchRows(api, (await groupRow(api, label)).node)).map((r) => r.label);
    // The bundled catalog's patches have no patch file here: they stay where the triage put them.
    const applicable = await ids('Applicable');
    assert.ok(applicable.includes('ACSD-91001'), applicable.join(', '));
    assert.ok(!applicable.includes('ACSD-91002') && !applicable.includes('ACSD-91003'), applicable.join(', '));
    assert.deepEqual(await ids('Applied'), ['ACSD-91002']);
    assert.deepEqual(await ids('Conflicts'), ['ACSD-91003']);
    const local = await groupRow(api, 'Local patches');
    const localRows = await rows(api, local.node);
    assert.deepEqual(
      localRows.map((r) => [r.label, r.description]),
      [
        ['m2-hotfixes/01-price.patch', 'Applied'],
        ['m2-hotfixes/02-export.patch', 'Conflict'],
      ],
    );
  });

  it('leads each row with what is wrong and gives the conflict reason in the tooltip', async () => {
    const [row] = await patchRows(api, (await groupRow(api, 'Conflicts')).node);
    assert.equal(row.description, 'Orders stall at export');
    assert.equal((row.item.iconPath as vscode.ThemeIcon).id, 'warning');
    const item = api.view.provider.resolveTreeItem(row.item, row.node);
    const tooltip = plain((item.tooltip as vscode.MarkdownString).value);
    assert.match(
      tooltip,
      /Conflict \(checked in the vendor files\): hunk 1 of vendor\/magento\/framework\/Export\.php does not match at line 1/,
    );
  });

  it('gives the state and the conflict reason in the hover', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-91003 ACSD-91002', language: 'markdown' });
    const [conflict] = await hoverText(doc.uri, new vscode.Position(0, 3));
    assert.match(
      conflict ?? '',
      /Conflict \(checked in the vendor files\): hunk 1 of vendor\/magento\/framework\/Export\.php/,
    );
    assert.match(conflict ?? '', /Show patch changes/);
    const [applied] = await hoverText(doc.uri, new vscode.Position(0, 14));
    assert.match(applied ?? '', /Applied \(checked in the vendor files\)/);
  });

  it('Show Patch Changes opens the diff editor: the vendor file now against the file with the patch', async () => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>('commercePatches.showChanges', {
      id: 'ACSD-91001',
      lockFile: join(store, 'composer.lock'),
    });
    assert.equal(result.outcome, 'diff');
    const tab = await waitFor('diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.fsPath, cart);
    assert.equal(tab.modified.scheme, 'commerce-patch');
    const patched = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(patched.getText(), '<?php\n// head\nnew cart\n// end\n');
  });

  it('for an applied patch, compares with the file as reverting would make it', async () => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>('commercePatches.showChanges', {
      id: 'ACSD-91002',
    });
    assert.equal(result.outcome, 'diff');
    assert.equal(result.outcome === 'diff' && result.direction, 'reverse');
  });

  it('for a conflict, opens the file at the hunk that does not match', async () => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>('commercePatches.showChanges', {
      id: 'ACSD-91003',
    });
    assert.deepEqual(result, {
      outcome: 'conflict',
      file: join(store, 'vendor', 'magento', 'framework', 'Export.php'),
      line: 1,
    });
    const editor = await waitFor('editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.fsPath, result.outcome === 'conflict' ? result.file : '');
  });

  it('follows a change of a vendor file the check read', async () => {
    writeFileSync(cart, '<?php\n// head\nnew cart\n// end\n');
    const end = Date.now() + 15_000;
    for (;;) {
      const applied = (await patchRows(api, (await groupRow(api, 'Applied')).node)).map((r) => r.label);
      if (applied.includes('ACSD-91001')) break;
      assert.ok(Date.now() < end, `ACSD-91001 not applied after the change: ${applied.join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
