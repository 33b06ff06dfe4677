// Runs in a fresh folder opened in Restricted Mode (workspaces.json: "trusted": false) holding a copy of the
// evidence-store fixture: the logs are read and the Recommended group shows as in a trusted workspace, but
// commercePatches.configShowCommand (a process) never runs, not even the user's own value of it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { repoRoot } from '../support/realworld';
import { extensionApi, groupRow, rows, setUserSetting, waitFor } from './extensionApi';
import { TAX } from './evidenceStore';

/** A harmless `bin/magento` that leaves `marker` behind when it runs (`config:show` is appended to it). */
function markerCommand(marker: string): string[] {
  return [process.execPath, '-e', "require('fs').writeFileSync(process.argv[1], 'ran')", marker];
}

describe('Recommended for this store in Restricted Mode: the database is not read', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let entry: CommerceEntry;
  let store: string;
  let temp: string;
  let marker: string;

  before(async () => {
    const root = process.env.INTEGRATION_WORKSPACE ?? '';
    assert.ok(root !== '' && existsSync(root), 'runs in a fresh empty folder');
    temp = mkdtempSync(join(tmpdir(), 'config-show-'));
    marker = join(temp, 'ran');
    store = join(root, 'evidence-store');
    cpSync(join(repoRoot(), 'test', 'fixtures', 'evidence-store'), store, { recursive: true });
    writeFileSync(join(store, 'var', 'log', 'exception.log'), `noise\n${TAX}`);
    api = await extensionApi();
    await setUserSetting('notifyNewEvidence', false);
    // The user's own value: VS Code gives it in Restricted Mode too (a workspace's value of it would be ignored).
    await setUserSetting('configShowCommand', markerCommand(marker));
    api.store.refresh();
    const lockFile = join(store, 'composer.lock');
    entry = await waitFor('the store', () => api.store.commerce().find((e) => e.lockFile === lockFile));
  });

  // The folder is shared with the other Restricted Mode suites: leave it as it was.
  after(async () => {
    await setUserSetting('configShowCommand', undefined);
    await setUserSetting('notifyNewEvidence', undefined);
    rmSync(store, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
    api.store.refresh();
  });

  it('is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('the configured command would leave the marker when run', () => {
    const probe = join(temp, 'probe');
    const [file, ...args] = markerCommand(probe);
    execFileSync(file, [...args, 'config:show']);
    assert.ok(existsSync(probe), 'the command writes its marker');
    rmSync(probe);
  });

  it('reads the logs, but never runs commercePatches.configShowCommand', async () => {
    assert.deepEqual(
      vscode.workspace.getConfiguration('commercePatches').get('configShowCommand'),
      markerCommand(marker),
    );
    // A scan asks for the database values: ACSD-90103's signature is a setting that app/etc does not set.
    await api.evidence.scan(entry);
    const evidence = api.evidence.of(entry);
    assert.ok(evidence, 'the evidence scan has ended');
    assert.equal(evidence.get('ACSD-90101')?.recommended, true, 'the log line is evidence');
    assert.equal(evidence.get('ACSD-90103'), undefined, 'the setting stays unknown');
    const projects = (await rows(api)).filter((r) => r.node.kind === 'project');
    const index = projects.findIndex((r) => r.node.kind === 'project' && r.node.entry.lockFile === entry.lockFile);
    const group = await groupRow(api, 'Recommended for this store', Math.max(0, index));
    const recommended = await rows(api, group.node);
    assert.deepEqual(
      recommended.map((r) => r.label),
      ['ACSD-90101'],
    );
    assert.ok(!existsSync(marker), 'commercePatches.configShowCommand ran in an untrusted workspace');
  });
});
