// Runs in test/fixtures/applied-store: an Adobe Commerce 2.4.6-p3 store whose QPT metadata holds three patches with
// their files (one not applied, one applied, one in conflict), two m2-hotfixes (applied, in conflict) and a
// composer-patches entry (not applied). The extension's own applied check on the rows, in groups, tooltips and the
// hover, the view before the check is done, Show Patch Changes for catalog and local patches, and following a vendor
// file that changes.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ShowChangesResult } from '../../src/vscode/commands/showChanges';
import {
  checksSettled,
  extensionApi,
  groupRow,
  hoverText,
  labelOf,
  patchRows,
  plain,
  report,
  rows,
  waitFor,
} from './extensionApi';
import manifest from '../../package.json';
import { ScriptedPrompts } from './scriptedPrompts';

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
        ['patches/rounding.patch', 'Not applied · magento/framework'],
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

  it('Show Patch Changes from the palette asks which patch, among those the check could read', async () => {
    const prompts = new ScriptedPrompts();
    prompts.pickOneWith = (labels) => labels.find((l) => l === 'ACSD-91002');
    const previous = api.actions.setPrompts(prompts);
    try {
      const result = await vscode.commands.executeCommand<ShowChangesResult>('commercePatches.showChanges');
      assert.deepEqual(prompts.asked.pickOnes[0]?.labels, ['ACSD-91001', 'ACSD-91002', 'ACSD-91003']);
      assert.equal(result.outcome === 'diff' && result.direction, 'reverse');
    } finally {
      api.actions.setPrompts(previous);
    }
  });

  it('Show Patch Changes is on the rows of the local patches that can be checked', async () => {
    const menus = manifest.contributes.menus['view/item/context'].filter(
      (m) => m.command === 'commercePatches.showChanges',
    );
    const offered = (contextValue: string) =>
      menus.some((m) => {
        const regex = /viewItem =~ \/(.+)\/$/.exec(m.when)?.[1];
        return regex !== undefined && new RegExp(regex).test(contextValue);
      });
    const localRows = await rows(api, (await groupRow(api, 'Local patches')).node);
    assert.deepEqual(
      localRows.map((r) => [r.item.contextValue, offered(String(r.item.contextValue))]),
      [
        ['local.applied', true],
        ['local.conflict', true],
        ['local.not-applied', true],
      ],
    );
    assert.equal(offered('local.unknown'), false);
  });

  const localRow = async (label: string) => {
    const found = (await rows(api, (await groupRow(api, 'Local patches')).node)).find((r) => r.label === label);
    assert.ok(found, label);
    return found.node;
  };

  /** Show Patch Changes on a Local patches row, as its context menu runs it; the diff tab of `file` it opens. */
  const showLocal = async (label: string, file: string): Promise<[ShowChangesResult, vscode.Tab]> => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>(
      'commercePatches.showChanges',
      await localRow(label),
    );
    const tab = await waitFor('diff tab', () => {
      const active = vscode.window.tabGroups.activeTabGroup.activeTab;
      return active?.input instanceof vscode.TabInputTextDiff && active.input.original.fsPath.endsWith(file)
        ? active
        : undefined;
    });
    return [result, tab];
  };

  it('Show Patch Changes on a composer-patches row: the package file now against the file with the patch', async () => {
    const [result, tab] = await showLocal('patches/rounding.patch', 'Rounding.php');
    const rounding = join(store, 'vendor', 'magento', 'framework', 'Rounding.php');
    assert.deepEqual(result, { outcome: 'diff', direction: 'forward', files: [rounding] });
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.fsPath, rounding);
    assert.equal(tab.label, 'rounding.patch: Rounding.php (now ↔ with the patch)');
    const patched = await vscode.workspace.openTextDocument(input.modified);
    assert.equal(patched.getText(), '<?php\nreturn round($total, 2);\n// end\n');
  });

  it('Show Patch Changes on an applied m2-hotfix: the file as reverting it would make it', async () => {
    const [result, tab] = await showLocal('m2-hotfixes/01-price.patch', 'Price.php');
    assert.equal(result.outcome === 'diff' && result.direction, 'reverse');
    const reverted = await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).modified);
    assert.equal(reverted.getText(), '<?php\n// head\nold price\n// end\n');
  });

  it('Show Patch Changes on an m2-hotfix in conflict: opens the file at the hunk that does not match', async () => {
    const result = await vscode.commands.executeCommand<ShowChangesResult>(
      'commercePatches.showChanges',
      await localRow('m2-hotfixes/02-export.patch'),
    );
    const exportFile = join(store, 'vendor', 'magento', 'framework', 'Export.php');
    assert.deepEqual(result, { outcome: 'conflict', file: exportFile, line: 1 });
    const editor = await waitFor('editor', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === exportFile ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(editor.selection.active.line, 0);
  });

  it('shows the triage at once while the check runs ("checking…"), then the state groups', async () => {
    const entry = api.store.commerce()[0];
    await checksSettled(api);
    const provider = api.view.provider;
    const t0 = performance.now();
    api.actions.states.checked.recheck(entry.analysis);
    // Read in the same turn as the recheck: the check has not run a single patch yet.
    const roots = provider.getChildren();
    const built = performance.now() - t0;
    const header = provider.getTreeItem(roots[0]);
    assert.equal((header.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    assert.match(String(header.description), /checking which patches are applied…/);
    const labels = roots.map((n) => labelOf(provider.getTreeItem(n)));
    assert.ok(!labels.includes('Applied') && !labels.includes('Local patches'), labels.join(', '));
    const applicable = roots.find((n) => labelOf(provider.getTreeItem(n)) === 'Applicable');
    assert.ok(applicable, labels.join(', '));
    let first = provider.getChildren(applicable)[0];
    while (first !== undefined && first.kind === 'category') first = provider.getChildren(first)[0];
    assert.ok(first?.kind === 'patch');
    const tooltip = provider.resolveTreeItem(provider.getTreeItem(first), first).tooltip as vscode.MarkdownString;
    assert.match(plain(tooltip.value), /Applied or not: checking the vendor files…/);
    // The extension host's turns while the check runs: none is held long.
    let longest = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    await checksSettled(api);
    clearInterval(sampler);
    report(
      `      view built in ${built.toFixed(1)} ms before the check; longest turn while it ran ${longest.toFixed(1)} ms`,
    );
    const after = provider.getTreeItem(provider.getChildren()[0]);
    assert.equal((after.iconPath as vscode.ThemeIcon).id, 'package');
    assert.deepEqual(
      (await patchRows(api, (await groupRow(api, 'Applied')).node)).map((r) => r.label),
      ['ACSD-91002'],
    );
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
