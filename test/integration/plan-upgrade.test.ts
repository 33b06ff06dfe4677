// Runs with the qpt-*.test.js suites on the copy of the Cloud 2.4.6-p3 fixture store: Plan Upgrade… opens the plan
// as a Markdown document (which can be saved or copied) and shows its preview; its applied patches are those the
// extension's own check finds in the vendor files.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  it("takes the applied patches from the extension's own check of the vendor files, QPT's status only where it cannot tell", async () => {
    // MDVA-90007-V2's change is in the vendor files; QPT's last status does not list it as applied.
    const qpt = join(w.cloud, 'vendor', 'magento', 'quality-patches', 'patches');
    const file = join(w.cloud, 'vendor', 'magento', 'module-inventory-sales', 'Model', 'Salable.php');
    const path = 'vendor/magento/module-inventory-sales/Model/Salable.php';
    mkdirSync(join(qpt, 'os'), { recursive: true });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '<?php\n// fixture\nfixed line\n// end\n');
    writeFileSync(
      join(qpt, 'os', 'MDVA-90007_1.2.6_v2.patch'),
      `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1,4 +1,4 @@\n <?php\n // fixture\n-broken line\n+fixed line\n // end\n`,
    );
    const states = w.api.actions.states;
    const checked = () => states.of(w.cloudEntry()).checked?.patches.get('MDVA-90007-V2')?.state;
    try {
      states.checked.recheck(w.cloudEntry().analysis);
      await until('the check to find MDVA-90007-V2 applied', () => checked() === 'applied');
      assert.notEqual(states.of(w.cloudEntry()).applied?.states.get('MDVA-90007-V2'), 'Applied');
      w.prompts.pickOneWith = (labels) => (labels.includes('2.4.7-p4') ? '2.4.7-p4' : undefined);
      const result = await run<ActionResult>('commercePatches.planUpgrade', {
        kind: 'project',
        entry: { lockFile: w.cloudEntry().lockFile },
      });
      assert.equal(result.outcome, 'succeeded');
      assert.ok(result.outcome === 'succeeded' && result.ids.includes('MDVA-90007-V2'), 'planned as in use');
      const doc = vscode.workspace.textDocuments.find(
        (d) =>
          d.languageId === 'markdown' && d.getText().includes('Upgrade plan') && d.getText().includes('MDVA-90007'),
      );
      assert.ok(doc, 'the plan is open');
      assert.match(doc.getText(), /^\| \[MDVA-90007-V2\]\([^)]+\) \| [^|]+ \| applied \|/m);
      // Scheduled patches the check cannot tell about (no patch file here) still come from .magento.env.yaml.
      assert.match(doc.getText(), /^\| \[ACSD-90001\]\([^)]+\) \| [^|]+ \| scheduled in \.magento\.env\.yaml \|/m);
    } finally {
      w.prompts.pickOneWith = undefined;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(qpt, { recursive: true, force: true });
      rmSync(join(w.cloud, 'vendor', 'magento', 'module-inventory-sales'), { recursive: true, force: true });
      states.checked.recheck(w.cloudEntry().analysis);
    }
  });
});
