// Runs in test/fixtures/os-247p1: Magento Open Source 2.4.7-p1, no QPT installed (bundled catalog only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import {
  extensionApi,
  hoverText,
  patchRows,
  groupRow,
  projectGroups,
  recordOpenedUrls,
  rows,
  waitFor,
} from './extensionApi';

describe('Patches view on Magento Open Source 2.4.7-p1', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  it('labels the root as Magento Open Source without Cloud or B2B', async () => {
    const [root] = await rows(api);
    assert.deepEqual([root.label, root.description], ['Magento Open Source 2.4.7-p1', 'os-247p1']);
  });

  it('leaves ACSD-61103 (>=2.4.6 <2.4.7) out of every shown group', async () => {
    for (const g of await projectGroups(api)) {
      const ids = (await patchRows(api, g.node)).map((r) => r.label);
      assert.ok(!ids.includes('ACSD-61103'), `ACSD-61103 under ${g.label}`);
    }
    const applicable = await groupRow(api, 'Applicable');
    assert.equal(applicable.description, String(api.store.commerce()[0].analysis.result.counts.applicable));
  });

  it('explains in the hover why ACSD-61103 does not apply, and still links its article', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: '- ACSD-61103', language: 'markdown' });
    const [md] = await hoverText(doc.uri, new vscode.Position(0, 4));
    assert.match(
      md ?? '',
      /magento\/magento2-base 2\.4\.7-p1 is outside >=2\.4\.6 <2\.4\.7 \(Magento Open Source 2\.4\.7-p1\)/,
    );
    assert.doesNotMatch(md ?? '', / — os-247p1/, 'a single project needs no folder name');
    const recorder = recordOpenedUrls(api);
    try {
      await vscode.commands.executeCommand('commercePatches.openDocs', { id: 'ACSD-61103' });
    } finally {
      recorder.restore();
    }
    assert.deepEqual(recorder.urls, [
      'https://experienceleague.adobe.com/en/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login',
    ]);
  });

  it('tells the user when a revealed patch is in no shown group', async () => {
    const before = api.view.view.selection.length;
    await vscode.commands.executeCommand('commercePatches.reveal', { id: 'ACSD-61103' });
    assert.equal(api.view.view.selection.length, before);
  });

  it('shows the status bar item with the applicable count', async () => {
    const entry = await waitFor('status bar', () => api.statusBar.current());
    assert.equal(entry.analysis.project.product.version, '2.4.7-p1');
  });
});
