// Runs in a window without a folder (":none"), where the welcome content offers Browse Patches for a Release:
// the Patches view fills with the patches of the release picked, labelled as not the workspace's store, and goes
// back to the welcome content afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ActionResult } from '../../src/vscode/commands/context';
import { extensionApi, extensionId, rows } from './extensionApi';
import { ScriptedPrompts } from './scriptedPrompts';

describe('Browse Patches for a Release… without a project', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  const prompts = new ScriptedPrompts();

  before(async () => {
    api = await extensionApi();
    api.actions.setPrompts(prompts);
  });

  after(async () => {
    await vscode.commands.executeCommand('commercePatches.stopBrowsing');
  });

  it('is offered by the welcome content of an empty window', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { viewsWelcome: Array<{ contents: string; when: string }> };
    };
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.when === 'workspaceFolderCount == 0');
    // VS Code hands the manifest over with its %keys% already replaced by the display language's texts.
    assert.match(
      welcome?.contents ?? '',
      /\n\[Browse Patches for a Release\]\(command:commercePatches\.browseRelease\)$/,
    );
  });

  it("fills the Patches view with the release's patches, labelled as not the workspace's store", async () => {
    assert.deepEqual(await rows(api), [], 'no folder: the welcome content shows');
    prompts.pickOneWith = (labels) => (labels.includes('2.4.7-p2') ? '2.4.7-p2' : 'Adobe Commerce');
    const result = await vscode.commands.executeCommand<ActionResult>('commercePatches.browseRelease');
    assert.equal(result.outcome, 'succeeded');
    const [releaseAsked, editionAsked] = prompts.asked.pickOnes.slice(-2);
    assert.equal(releaseAsked.labels[0], '2.4.9', 'newest first');
    assert.ok(releaseAsked.labels.includes('2.3.0'));
    assert.deepEqual(editionAsked.labels, ['Adobe Commerce', 'Adobe Commerce · B2B', 'Magento Open Source']);
    const top = await rows(api);
    assert.equal(top[0].label, 'Release: Adobe Commerce 2.4.7-p2');
    assert.equal(top[0].description, "not this workspace's store");
    assert.equal(api.view.view.message, "Browsing release 2.4.7-p2, not this workspace's store.");
    const applicable = top.find((r) => r.label === 'Applicable');
    assert.ok(applicable, top.map((r) => r.label).join(', '));
    const patchRows = await rows(api, applicable.node);
    assert.ok(patchRows.length > 0);
    const first = patchRows[0].node.kind === 'patch' ? patchRows[0] : (await rows(api, patchRows[0].node))[0];
    assert.equal(first.item.contextValue, 'patch.release', 'no Apply, schedule or decision on a release');
    assert.ok(result.outcome === 'succeeded' && result.ids.length > 0);
  });

  it('goes back to the welcome content when browsing stops', async () => {
    await vscode.commands.executeCommand('commercePatches.stopBrowsing');
    assert.deepEqual(await rows(api), []);
    assert.equal(api.view.provider.summary().state, 'noFolder');
  });
});
