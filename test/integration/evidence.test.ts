// Runs in test/fixtures/evidence-store: Magento Open Source 2.4.7-p1 with a QPT metadata file of test patches that
// carry evidence signatures. The logs and app/etc/env.php are written here and removed afterwards. Plan Upgrade puts
// the patches of a later release that the same evidence calls for first.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ActionResult } from '../../src/vscode/commands/context';
import { extensionApi, groupRow, hoverText, plain, report, rows, setUserSetting, waitFor } from './extensionApi';
import { ScriptedPrompts } from './scriptedPrompts';

const ROOT = process.env.INTEGRATION_WORKSPACE ?? '';
const LOG = join(ROOT, 'var', 'log', 'exception.log');
const ROTATED = join(ROOT, 'var', 'log', 'exception.log.1.gz');
const ENV_PHP = join(ROOT, 'app', 'etc', 'env.php');

describe('Recommended for this store: evidence from logs and settings', function () {
  this.timeout(30_000);
  let api: ExtensionApi;

  before(async () => {
    assert.ok(ROOT !== '', 'INTEGRATION_WORKSPACE is not set');
    api = await extensionApi();
    await setUserSetting('notifyNewEvidence', false);
    writeFileSync(
      LOG,
      'noise\n'.repeat(40) +
        '[2025-10-01T10:00:00+00:00] report.CRITICAL: DivisionByZeroError: Division by zero in /app/vendor/magento/module-sales/Model/Order/Tax.php\nnoise\n',
    );
    writeFileSync(
      ROTATED,
      gzipSync(
        'old\n'.repeat(500) + 'report.CRITICAL: DivisionByZeroError: Division by zero in /srv/Model/Order/Tax.php\n',
      ),
    );
    mkdirSync(join(ROOT, 'app', 'etc'), { recursive: true });
    writeFileSync(
      ENV_PHP,
      "<?php\nreturn ['system' => ['default' => ['dev' => ['js' => ['minify_files' => true]]]]];\n",
    );
    const [entry] = api.store.commerce();
    assert.ok(entry, 'the store is analysed');
    await api.evidence.scan(entry);
  });

  after(async () => {
    rmSync(LOG, { force: true });
    rmSync(ROTATED, { force: true });
    rmSync(join(ROOT, 'app'), { recursive: true, force: true });
    await setUserSetting('notifyNewEvidence', undefined);
  });

  it('puts the Recommended group first, with the applicable patches whose signature holds', async () => {
    const groups = await waitFor('the Recommended group', () => {
      const roots = api.view.provider.getChildren();
      return roots.some((n) => n.kind === 'group' && n.spec.id === 'recommended') ? roots : undefined;
    });
    const first = groups.find((n) => n.kind === 'group');
    assert.equal(first?.kind === 'group' && first.spec.id, 'recommended');
    const group = await groupRow(api, 'Recommended for this store');
    const ids = (await rows(api, group.node)).map((r) => r.label);
    assert.deepEqual(ids, ['ACSD-90101', 'ACSD-90103'], 'ACSD-90104 has the same signature but is for 2.4.8');
    assert.match(String(api.view.view.badge?.tooltip), /2 recommended for this store/);
  });

  it('shows the evidence as rows under each patch: log lines (rotated copies too) and settings', async () => {
    const group = await groupRow(api, 'Recommended for this store');
    const [tax, minify] = await rows(api, group.node);
    assert.equal(tax.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const evidence = await rows(api, tax.node);
    assert.deepEqual(
      evidence.map((r) => r.label),
      ['exception.log:41', 'exception.log.1.gz:501'],
    );
    assert.match(evidence[0].description, /^2025-10-01T10:00:00\+00:00 · report\.CRITICAL: DivisionByZeroError/);
    const setting = await rows(api, minify.node);
    assert.deepEqual(
      setting.map((r) => [r.label, r.description]),
      [['dev/js/minify_files = 1', join('app', 'etc', 'env.php')]],
    );
  });

  it('opens a log at its line, and a compressed log as an excerpt around the line', async () => {
    const group = await groupRow(api, 'Recommended for this store');
    const [tax] = await rows(api, group.node);
    const [plainLine, gzLine] = await rows(api, tax.node);
    const command = plainLine.item.command!;
    const args: unknown[] = command.arguments ?? [];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(command.command, ...args);
    assert.equal(editor.document.uri.fsPath, LOG);
    assert.equal(editor.selection.active.line, 40);
    const gz = gzLine.item.command!;
    const gzArgs: unknown[] = gz.arguments ?? [];
    const excerpt = await vscode.commands.executeCommand<vscode.TextEditor>(gz.command, ...gzArgs);
    assert.equal(excerpt.document.uri.scheme, 'commerce-patches-log');
    assert.match(excerpt.document.lineAt(excerpt.selection.active.line).text, /DivisionByZeroError/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the evidence in the hover', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-90101', language: 'markdown' });
    const [md] = await hoverText(doc.uri, new vscode.Position(0, 3));
    const text = plain(md ?? '');
    assert.match(text, /Recommended for this store/);
    assert.match(text, /exception\.log:41/);
  });

  it('adds a patch within a second or so of a matching line being appended to a log', async () => {
    const group = await groupRow(api, 'Recommended for this store');
    assert.ok(!(await rows(api, group.node)).some((r) => r.label === 'ACSD-90102'));
    const start = Date.now();
    appendFileSync(LOG, 'report.ERROR: Cannot return null for non-nullable field "CartItem.uid" {"exception":"..."}\n');
    await waitFor('ACSD-90102 in the Recommended group', () => {
      const recommended = api.view.provider
        .getChildren()
        .find((n) => n.kind === 'group' && n.spec.id === 'recommended');
      return recommended?.kind === 'group' && recommended.patches.some((p) => p.patch.id === 'ACSD-90102');
    });
    report(`evidence: a line appended to exception.log showed in the view after ${Date.now() - start} ms`);
    const again = await groupRow(api, 'Recommended for this store');
    const row = (await rows(api, again.node)).find((r) => r.label === 'ACSD-90102');
    assert.deepEqual(
      (await rows(api, row!.node)).map((r) => r.label),
      ['exception.log:43'],
    );
  });
  it('puts the newly applicable patches the evidence calls for first in Plan Upgrade, marked Recommended', async () => {
    const prompts = new ScriptedPrompts();
    prompts.pickOneWith = (labels) => (labels.includes('2.4.8') ? '2.4.8' : undefined);
    const previous = api.actions.setPrompts(prompts);
    try {
      const [entry] = api.store.commerce();
      const result = await vscode.commands.executeCommand<ActionResult>('commercePatches.planUpgrade', {
        kind: 'project',
        entry: { lockFile: entry.lockFile },
      });
      assert.equal(result.outcome, 'succeeded');
      const doc = vscode.workspace.textDocuments.find(
        (d) => d.languageId === 'markdown' && d.getText().includes('Upgrade plan'),
      );
      assert.ok(doc, 'the plan is open');
      const text = doc.getText();
      // ACSD-90104 applies from 2.4.8 on and shares ACSD-90101's signature, whose line is in exception.log.
      assert.match(text, /^Recommended for this store, listed first \(its logs or settings show what they fix\): 1$/m);
      assert.match(
        text,
        /^\| Patch \| Title \| Evidence \|\n\| --- \| --- \| --- \|\n\| \[ACSD-90104\]\([^)]+\) \| [^|]+ \| \*\*Recommended\*\*: var\/log\/exception\.log:\d+/m,
      );
    } finally {
      api.actions.setPrompts(previous);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
