// Runs in a fresh folder opened in Restricted Mode (workspaces.json: "trusted": false) holding a copy of the
// Cloud fixture store: everything is triaged and shown, but no process runs, the workspace's own QPT command
// setting is ignored, and the UI says why Apply is unavailable.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ActionResult } from '../../src/vscode/commands/context';
import { repoRoot } from '../support/realworld';
import { extensionApi, groupRow, hoverText, patchRows, setUserSetting, waitFor } from './extensionApi';
import { configureFake, FAKE_QPT, fakeRuns } from './qptWorkspace';
import { ScriptedPrompts } from './scriptedPrompts';

const HOSTILE_COMMAND = ['sh', '-c', 'touch pwned'];

describe('Restricted Mode (untrusted workspace)', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let cloud: string;
  const prompts = new ScriptedPrompts();

  before(async () => {
    const root = process.env.INTEGRATION_WORKSPACE ?? '';
    assert.ok(root !== '' && existsSync(root), 'runs in a fresh empty folder (":empty" in workspaces.json)');
    cloud = join(root, 'cloud');
    cpSync(join(repoRoot(), 'test', 'fixtures', 'cloud-246p3'), cloud, { recursive: true });
    configureFake(cloud);
    // The workspace asks for a command of its own: a restricted setting, which VS Code ignores here.
    mkdirSync(join(root, '.vscode'), { recursive: true });
    // groupBy beside it is not restricted: it shows that VS Code did read the file.
    writeFileSync(
      join(root, '.vscode', 'settings.json'),
      JSON.stringify({ 'commercePatches.qptCommand': HOSTILE_COMMAND, 'commercePatches.groupBy': 'flat' }),
    );
    api = await extensionApi();
    api.store.refresh();
    api.actions.setPrompts(prompts);
    await setUserSetting('qptCommand', [process.execPath, FAKE_QPT]);
  });

  it('is not trusted (INTEGRATION_TRUSTED=false)', () => {
    assert.equal(process.env.INTEGRATION_TRUSTED, 'false');
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still triages and shows everything', async () => {
    const applicable = await groupRow(api, 'Applicable');
    const ids = (await patchRows(api, applicable.node)).map((r) => r.label);
    assert.ok(ids.includes('ACSD-90002') && ids.length >= 7, ids.join(', '));
    assert.equal((await groupRow(api, 'Scheduled (Cloud build)')).description, '3');
  });

  it('reads the QPT command from the user settings only (a restricted setting)', async () => {
    const config = () => vscode.workspace.getConfiguration('commercePatches');
    await waitFor('the workspace settings', () => config().inspect<string>('groupBy')?.workspaceValue === 'flat');
    assert.equal(config().inspect<string[]>('qptCommand')?.workspaceValue, undefined);
    assert.deepEqual(config().get('qptCommand'), [process.execPath, FAKE_QPT]);
  });

  it('runs no process: Apply, Revert and Check say why, with a way to trust the folder', async () => {
    const lockFile = api.store.commerce()[0].lockFile;
    for (const [command, arg] of [
      ['commercePatches.apply', undefined],
      ['commercePatches.apply', { id: 'ACSD-90002', lockFile }],
      ['commercePatches.revert', { id: 'ACSD-90002', lockFile }],
      ['commercePatches.checkApplied', undefined],
    ] as const) {
      prompts.asked.messages.length = 0;
      const result = await vscode.commands.executeCommand<ActionResult>(command, arg);
      const [message] = prompts.asked.messages;
      assert.deepEqual(result, { outcome: 'refused', why: message?.message }, command);
      assert.equal(message?.kind, 'warning');
      assert.match(
        message?.message ?? '',
        /^This workspace is not trusted: Commerce Patches shows the triage but runs no process/,
      );
      assert.deepEqual(message?.buttons, ['Manage Workspace Trust']);
    }
    assert.deepEqual(prompts.asked.picks, [], 'nothing was offered to pick');
    assert.deepEqual(vscode.tasks.taskExecutions, []);
    assert.deepEqual(fakeRuns(cloud), []);
    assert.ok(!readdirSync(cloud).includes('pwned') && !existsSync(join(process.env.INTEGRATION_WORKSPACE!, 'pwned')));
  });

  it('the hover says why Apply is unavailable instead of offering it', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-90002' });
    const [text] = await hoverText(doc.uri, new vscode.Position(0, 3));
    assert.match(
      text ?? '',
      /This workspace is not trusted: .*applying, reverting and checking patches with the Quality Patches Tool is unavailable\./,
    );
    assert.match(text ?? '', /Manage Workspace Trust/);
    assert.doesNotMatch(text ?? '', /\$\(play\) Apply/);
    // Editing .magento.env.yaml runs nothing: offered as in a trusted folder.
    assert.match(text ?? '', /Add to \.magento\.env\.yaml/);
  });

  it('edits .magento.env.yaml (text, no process)', async () => {
    const result = await vscode.commands.executeCommand<ActionResult>('commercePatches.addToEnvYaml', {
      id: 'ACSD-90002',
      lockFile: api.store.commerce()[0].lockFile,
    });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90002'] });
    assert.deepEqual(fakeRuns(cloud), []);
  });
});
