// Runs with the qpt-*.test.js suites in the fresh folder holding a copy of the Cloud 2.4.6-p3 fixture store: the
// decision commands write .commerce-patches.yaml (a workspace edit, undoable), skipped patches move to the
// Skipped group with their note, and the hover shows the decision.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActionResult } from '../../src/vscode/commands/context';
import { groupRow, hoverText, patchRows, projectGroups, until } from './extensionApi';
import { qptWorkspace, run, type QptWorkspace } from './qptWorkspace';

describe('decisions in .commerce-patches.yaml on the Cloud store', function () {
  this.timeout(60_000);
  let w: QptWorkspace;
  let file: string;
  const lockFile = () => w.cloudEntry().lockFile;
  const groupLabels = async () => (await projectGroups(w.api, 0)).map((g) => g.label);
  const skippedRows = async () => {
    const group = (await projectGroups(w.api, 0)).find((g) => g.label === 'Skipped');
    return group === undefined ? [] : await patchRows(w.api, group.node);
  };

  before(async () => {
    w = await qptWorkspace();
    file = join(w.cloud, '.commerce-patches.yaml');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(file, { force: true });
    w.api.actions.states.decisions.drop(file);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(file, { force: true });
    w.api.actions.states.decisions.drop(file);
  });

  it('Skip Patch… creates the file with the note; the patch leaves Applicable for the Skipped group', async () => {
    w.prompts.inputWith = 'Our CDN purges these pages';
    const result = await run<ActionResult>('commercePatches.skipPatch', { id: 'ACSD-90004', lockFile: lockFile() });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90004'] });
    assert.match(w.prompts.asked.inputs.at(-1)?.prompt ?? '', /Why is ACSD-90004 not needed\?/);
    const text = readFileSync(file, 'utf8');
    assert.match(
      text,
      /^decisions:\n {2}ACSD-90004:\n {4}decision: skip\n {4}note: Our CDN purges these pages\n {4}by: .+\n {4}date: \d{4}-\d{2}-\d{2}\n$/,
    );
    await until('the Skipped group', async () => (await skippedRows()).length === 1);
    const [skipped] = await skippedRows();
    assert.equal(skipped.label, 'ACSD-90004');
    assert.equal(skipped.description, 'Our CDN purges these pages');
    const applicable = (await patchRows(w.api, (await groupRow(w.api, 'Applicable')).node)).map((r) => r.label);
    assert.ok(!applicable.includes('ACSD-90004'), applicable.join(', '));
  });

  it('the hover shows the decision and offers to clear it', async () => {
    const env = vscode.Uri.file(join(w.cloud, '.magento.env.yaml'));
    const doc = await vscode.workspace.openTextDocument(env);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('- ACSD-90004'));
    const hover = (
      await hoverText(env, new vscode.Position(line, doc.lineAt(line).text.indexOf('ACSD-90004') + 3))
    ).join('\n');
    assert.match(hover, /Decision in \.commerce-patches\.yaml: skip · Our CDN purges these pages/);
    assert.match(hover, /command:commercePatches\.clearDecision/);
  });

  it('Mark for Investigation… appends an entry with a workspace edit that Undo takes back', async () => {
    const before = readFileSync(file, 'utf8');
    w.prompts.inputWith = '';
    const result = await run<ActionResult>('commercePatches.investigatePatch', {
      id: 'ACSD-90002',
      lockFile: lockFile(),
    });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90002'] });
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith(before), 'the first entry stays byte for byte');
    assert.match(after.slice(before.length), /^ {2}ACSD-90002:\n {4}decision: investigate\n {4}by: .+\n {4}date: /);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file);
    assert.ok(editor, 'the edited file is shown');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await until('Undo', () => editor.document.getText() === before);
    await editor.document.save();
    w.api.actions.states.decisions.drop(file);
  });

  it('Clear Decision removes the entry; the Skipped group goes away', async () => {
    const result = await run<ActionResult>('commercePatches.clearDecision', { id: 'ACSD-90004', lockFile: lockFile() });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90004'] });
    assert.equal(readFileSync(file, 'utf8'), 'decisions: {}\n');
    await until('the Skipped group to go', async () => !(await groupLabels()).includes('Skipped'));
    const again = await run<ActionResult>('commercePatches.clearDecision', { id: 'ACSD-90004', lockFile: lockFile() });
    assert.equal(again.outcome, 'refused');
    assert.ok(existsSync(file));
  });

  it('refuses a file it cannot edit without corrupting it, naming the line', async () => {
    const { writeFileSync } = await import('node:fs');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(file, 'decisions: {ACSD-1: {decision: skip}}\n');
    w.api.actions.states.decisions.drop(file);
    const result = await run<ActionResult>('commercePatches.skipPatch', { id: 'ACSD-90002', lockFile: lockFile() });
    assert.equal(result.outcome, 'refused');
    assert.match(
      (result as { why: string }).why,
      /\.commerce-patches\.yaml cannot be edited: .*:1:\d+: "decisions:" must be a block mapping/,
    );
    assert.equal(readFileSync(file, 'utf8'), 'decisions: {ACSD-1: {decision: skip}}\n');
  });
});
