// Runs with the qpt-*.test.js suites on the copy of the Cloud 2.4.6-p3 fixture store: Plan Upgrade… opens the plan
// as a Markdown document (which can be saved or copied) and shows its preview.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActionResult } from '../../src/vscode/commands/context';
import { until } from './extensionApi';
import { qptWorkspace, run, type QptWorkspace } from './qptWorkspace';

describe('Plan Upgrade… on the Cloud store', function () {
  this.timeout(60_000);
  let w: QptWorkspace;

  before(async () => {
    w = await qptWorkspace();
  });

  it('offers the later releases of the 2.4 line, newest first, and opens the report for the one picked', async () => {
    w.prompts.pickOneWith = (labels) => (labels.includes('2.4.7-p4') ? '2.4.7-p4' : undefined);
    const result = await run<ActionResult>('commercePatches.planUpgrade', {
      kind: 'project',
      entry: { lockFile: w.cloudEntry().lockFile },
    });
    w.prompts.pickOneWith = undefined;
    assert.equal(result.outcome, 'succeeded');
    const asked = w.prompts.asked.pickOnes.at(-1);
    assert.ok(asked, 'a release was asked for');
    assert.equal(asked.labels[0], '2.4.9');
    assert.ok(
      asked.labels.includes('2.4.6-p4') && !asked.labels.includes('2.4.6-p3') && !asked.labels.includes('2.4.5'),
    );
    const doc = vscode.workspace.textDocuments.find(
      (d) => d.languageId === 'markdown' && d.getText().includes('Upgrade plan'),
    );
    assert.ok(doc, 'the plan is an open Markdown document');
    assert.equal(doc.isUntitled, true, 'untitled: it can be saved anywhere or copied');
    const text = doc.getText();
    assert.match(text, /^## Upgrade plan: Adobe Commerce 2\.4\.6-p3 · Cloud → 2\.4\.7-p4$/m);
    assert.match(text, /^### Blocks the upgrade \(1\)$/m);
    assert.match(text, /^\| \[ACSD-90001\]\(https:[^)]+\) \|/m);
    assert.match(text, /^### Newly applicable on 2\.4\.7-p4 \(\d+\)$/m);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says first that a scheduled patch blocks the upgrade, and removes it from .magento.env.yaml on request', async () => {
    const file = join(w.cloud, '.magento.env.yaml');
    const original = readFileSync(file, 'utf8');
    w.prompts.pickOneWith = (labels) => (labels.includes('2.4.7-p4') ? '2.4.7-p4' : undefined);
    w.prompts.messageWith = (message, buttons) =>
      message.includes('would stop the Cloud build') ? buttons[0] : undefined;
    try {
      await run<ActionResult>('commercePatches.planUpgrade', {
        kind: 'project',
        entry: { lockFile: w.cloudEntry().lockFile },
      });
      const warned = w.prompts.asked.messages.find((m) => m.message.includes('would stop the Cloud build'));
      assert.ok(warned, 'the blocker is announced');
      assert.equal(warned.kind, 'warning');
      assert.match(
        warned.message,
        /^ACSD-90001 in \.magento\.env\.yaml would stop the Cloud build on 2\.4\.7-p4 with "Next patches weren't found"\.$/,
      );
      await until('the removal', () => readFileSync(file, 'utf8') !== original);
      assert.equal(
        readFileSync(file, 'utf8'),
        original.replace('      - ACSD-90001   # made-up checkout fix, in the fixture QPT metadata\n', ''),
      );
      // The removal ends by showing the edited file: wait for it before putting the file back.
      await until('the edited file shown', () =>
        vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === file),
      );
    } finally {
      w.prompts.pickOneWith = undefined;
      w.prompts.messageWith = () => undefined;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      writeFileSync(file, original);
      w.api.actions.scheduled.drop(file);
      const open = () => vscode.workspace.textDocuments.filter((d) => d.uri.fsPath === file && !d.isClosed);
      await until('VS Code to reload the file', () => open().every((d) => d.getText() === original));
    }
  });
});
