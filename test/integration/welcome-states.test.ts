// Runs in each workspace without a usable Commerce project: no folder (":none"), an empty folder (":empty"),
// test/fixtures/no-commerce, composer-json-only and broken-lock. The expected state follows from the folder.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { WorkspaceState } from '../../src/vscode/tree/summary';
import { extensionApi, extensionId, hoverText, rows, waitFor } from './extensionApi';

function expectedState(): WorkspaceState {
  const folder = process.env.INTEGRATION_WORKSPACE ?? '';
  if (folder === '') return 'noFolder';
  if (readdirSync(folder).length === 0) return 'noComposer';
  const byName: Record<string, WorkspaceState> = {
    'no-commerce': 'notCommerce',
    'composer-json-only': 'composerJsonOnly',
    'broken-lock': 'lockError',
  };
  const state = byName[basename(folder)];
  assert.ok(state, `welcome-states.test.js does not know the workspace ${folder}`);
  return state;
}

describe('welcome content of the Patches view', () => {
  let api: ExtensionApi;
  const expected = expectedState();

  before(async () => {
    api = await extensionApi();
  });

  it(`is in the "${expected}" state with an empty tree, no badge and no status bar item`, async () => {
    assert.deepEqual(await rows(api), []);
    assert.equal(api.view.provider.summary().state, expected);
    assert.equal(api.view.view.badge, undefined);
    assert.equal(api.statusBar.current(), undefined);
  });

  it('the manifest has welcome content for this state', () => {
    const ext = vscode.extensions.getExtension(extensionId)!;
    const manifest = ext.packageJSON as { contributes: { viewsWelcome: Array<{ when: string; contents: string }> } };
    const welcome = manifest.contributes.viewsWelcome;
    const clause = expected === 'noFolder' ? 'workspaceFolderCount == 0' : `commercePatches.state == ${expected}`;
    assert.ok(
      welcome.some((w) => w.when.includes(clause)),
      `no viewsWelcome entry with "${clause}"`,
    );
  });

  if (expected === 'lockError') {
    it('puts the error in the Problems panel at its spot and opens the lock there', async () => {
      await vscode.commands.executeCommand('commercePatches.showView');
      const problem = api.view.provider.summary().problem!;
      assert.ok(problem.line !== undefined && problem.line > 1, `line ${problem.line}`);
      // No view message: VS Code would hide the welcome content.
      assert.ok(!api.view.view.message, `message: ${api.view.view.message}`);
      const [diagnostic] = await waitFor('diagnostic', () => {
        const list = vscode.languages.getDiagnostics(vscode.Uri.file(problem.file));
        return list.length > 0 ? list : undefined;
      });
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diagnostic.source, 'Commerce Patches');
      assert.match(diagnostic.message, /invalid JSON/);
      assert.equal(diagnostic.range.start.line, problem.line - 1);
      assert.equal(diagnostic.range.start.character, (problem.column ?? 1) - 1);
      await vscode.commands.executeCommand('commercePatches.openLockProblem');
      const editor = await waitFor('editor', () => vscode.window.activeTextEditor);
      assert.equal(basename(editor.document.uri.fsPath), 'composer.lock');
      assert.equal(editor.selection.active.line, problem.line - 1);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }

  it('hovers give only the short "unknown" answer: no project, no catalog', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-61103', language: 'plaintext' });
    const [text] = await hoverText(doc.uri, new vscode.Position(0, 3));
    assert.match(text ?? '', /\*\*ACSD-61103\*\* is not in the loaded patch catalogs\./);
  });
});
