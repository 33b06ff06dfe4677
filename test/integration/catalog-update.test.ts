// Runs in test/fixtures/os-247p1: Magento Open Source 2.4.7-p1 without QPT. The bundled facts give its full list of
// patches; Update Patch Catalog fetches a newer catalog from a server on 127.0.0.1 that this test starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UpdateResult } from '../../src/core/catalog/update/update';
import type { ExtensionApi } from '../../src/extension';
import { CatalogServer, release } from '../support/catalogServer';
import { extensionApi, groupRow, hoverText, patchRows, setUserSetting, waitFor } from './extensionApi';
import { ScriptedPrompts } from './scriptedPrompts';

describe('Patch catalog: bundled facts, Update Patch Catalog, the catalogUpdates setting', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let server: CatalogServer;
  let prompts: ScriptedPrompts;
  let previous: ReturnType<ExtensionApi['actions']['setPrompts']>;

  before(async () => {
    api = await extensionApi();
    server = new CatalogServer(release());
    await server.start();
    prompts = new ScriptedPrompts();
    previous = api.actions.setPrompts(prompts);
  });
  after(async () => {
    api.actions.setPrompts(previous);
    server.stop();
    await setUserSetting('catalogUrl', undefined);
    await setUserSetting('catalogUpdates', undefined);
  });

  const project = () => api.store.commerce()[0];
  const hover = async (id: string) => {
    const doc = await vscode.workspace.openTextDocument({ content: `- ${id}`, language: 'markdown' });
    return (await hoverText(doc.uri, new vscode.Position(0, 4))).join('\n');
  };

  it('a store without QPT gets its full list of applicable patches from the bundled facts', async () => {
    const entry = await waitFor('project', () => api.store.commerce()[0]);
    assert.equal(entry.analysis.project.qpt.installed, null);
    const { counts } = entry.analysis.result;
    assert.ok(
      counts.applicable + counts.deprecated >= 190,
      `${counts.applicable} applicable, ${counts.deprecated} deprecated`,
    );
    const applicable = await groupRow(api, 'Applicable');
    assert.equal(applicable.description, String(counts.applicable));
    // A patch only the facts know: its ID, with its categories and components for a title.
    const rows = await patchRows(api, applicable.node);
    const factsOnly = rows.find((r) => r.label === 'AC-10698');
    assert.equal(factsOnly?.description, 'Other · magento/module-google-gtag');
    assert.match(
      await hover('AC-10698'),
      /No title yet: the bundled catalog holds only facts .*run Update Patch Catalog\./,
    );
  });

  it('the status bar tooltip names the bundled catalog', async () => {
    await waitFor('status bar', () => api.statusBar.current());
    api.statusBar.update();
    assert.match(api.statusBar['item'].tooltip as string, /\nPatch catalog: QPT 1\.1\.82, bundled with the extension$/);
  });

  it('Update Patch Catalog fetches from the configured URL; the triage, tooltip and hover use the new copy', async () => {
    await setUserSetting('catalogUrl', server.base);
    const changed = new Promise<void>((resolve) => {
      const d = api.store.onDidChange(() => (d.dispose(), resolve()));
    });
    const result = await vscode.commands.executeCommand<UpdateResult>('commercePatches.updateCatalog');
    assert.equal(result.outcome, 'updated', result.message);
    assert.equal(result.info?.qpt, '1.1.83');
    assert.deepEqual(prompts.asked.messages.at(-1), {
      kind: 'info',
      message: 'The patch catalog was updated to QPT 1.1.83.',
      buttons: [],
    });
    assert.equal(server.requests.length, 4);
    await changed;
    const sources = project().analysis.catalog.sources.filter((s) => s.layer === 'fetched');
    assert.deepEqual(
      sources.map((s) => s.version),
      ['1.1.83', '1.1.83', '1.1.83'],
    );
    api.statusBar.update();
    assert.match(api.statusBar['item'].tooltip as string, /\nPatch catalog: QPT 1\.1\.83, fetched .+ \(0 days old\)$/);
    assert.match(await hover('AC-10698'), /Title from the fetched QPT metadata \(1\.1\.83\)\./);
  });

  it('a failed update says why and keeps the last good copy', async () => {
    server.special.set('patches-info.json', (_req, res) => res.writeHead(500, 'Internal Server Error').end());
    try {
      const result = await vscode.commands.executeCommand<UpdateResult>('commercePatches.updateCatalog');
      assert.equal(result.outcome, 'failed');
      assert.match(
        result.message,
        /the server answered 500 Internal Server Error\. The last good copy \(QPT 1\.1\.83, fetched .+\) stays in use\.$/,
      );
      assert.equal(prompts.asked.messages.at(-1)?.kind, 'warning');
      assert.equal(result.info?.qpt, '1.1.83');
    } finally {
      server.special.clear();
    }
  });

  it('the setting: off never fetches, daily fetches once a day without asking, ask asks first', async () => {
    const inTwoDays = Date.now() + 2 * 24 * 60 * 60 * 1000;
    server.requests.length = 0;
    await setUserSetting('catalogUpdates', 'off');
    assert.equal(await api.catalog.whenDue(inTwoDays), undefined);
    await setUserSetting('catalogUpdates', 'daily');
    assert.equal(await api.catalog.whenDue(), undefined, 'checked less than a day ago');
    assert.equal(server.requests.length, 0);
    const daily = await api.catalog.whenDue(inTwoDays);
    assert.equal(daily?.outcome, 'current', daily?.message);
    assert.ok(
      server.requests.every((r) => r.etag !== undefined),
      'the copy is revalidated with its ETags',
    );

    await setUserSetting('catalogUpdates', 'ask');
    const asked = prompts.asked.messages.length;
    prompts.messageWith = (_message, buttons) => buttons.find((b) => b === 'Never');
    assert.equal(await api.catalog.whenDue(inTwoDays + 1), undefined);
    const question = prompts.asked.messages[asked];
    assert.match(
      question?.message ?? '',
      /^The bundled patch catalog is QPT 1\.1\.82\. Fetch the current one from 127\.0\.0\.1:\d+\?$/,
    );
    assert.deepEqual(question?.buttons, ['Update Now', 'Update Daily', 'Never']);
    assert.equal(vscode.workspace.getConfiguration('commercePatches').get('catalogUpdates'), 'off');
  });

  it('where requests go is a user setting only: the manifest scopes it to the application', () => {
    type Manifest = {
      name: string;
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const manifest = vscode.extensions.all
      .map((e) => e.packageJSON as Manifest)
      .find((m) => m.name === 'commerce-patch-triage')!;
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['commercePatches.catalogUrl'].scope, 'application');
    assert.equal(props['commercePatches.catalogUpdates'].scope, 'application');
  });
});
