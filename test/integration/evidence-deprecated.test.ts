// Runs in test/fixtures/evidence-store: ACSD-90105 is deprecated for 2.4.7 (replaced with ACSD-90106) and has a log
// signature of its own; its evidence recommends the replacement, and its own row and hover say so (or, once the
// replacement is scheduled or applied, that it is already). An applied patch keeps its evidence, but is not
// recommended again.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { QptPatchState } from '../../src/core/qpt/status';
import { COMMANDS } from '../../src/vscode/ids';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import {
  groupRow,
  hoverText,
  patchRows,
  plain,
  projectGroups,
  rows,
  setUserSetting,
  until,
  waitFor,
} from './extensionApi';
import { evidenceStore, LOG, ROOT, TAX } from './evidenceStore';

const LINE =
  '[2025-10-02T08:00:00+00:00] report.ERROR: Stock reservation for order 000123 failed (queue [main] locked)';

/** Marks `id` applied in the store, as QPT's status would. */
async function markApplied(api: ExtensionApi, entry: CommerceEntry, id: string): Promise<void> {
  const applied: QptPatchState = {
    id,
    status: 'Applied',
    title: '',
    categories: [],
    origin: 'Adobe Commerce Support',
    details: '',
    deprecated: false,
    require: [],
    components: [],
  };
  await api.actions.applied.set(entry.analysis.project, new Map([[id, applied]]));
}

describe('Recommended for this store: a deprecated patch whose evidence recommends its replacement', function () {
  this.timeout(30_000);
  let api: ExtensionApi;

  before(async () => {
    writeFileSync(LOG, `noise\n${LINE}\n`);
    const store = await evidenceStore(false);
    api = store.api;
    await api.evidence.scan(store.entry);
  });

  after(async () => {
    rmSync(LOG, { force: true });
    await setUserSetting('notifyNewEvidence', undefined);
  });

  it('recommends the replacement, naming the deprecated patch whose signature matched', async () => {
    await waitFor('the Recommended group', () =>
      api.view.provider.getChildren().some((n) => n.kind === 'group' && n.spec.id === 'recommended'),
    );
    const group = await groupRow(api, 'Recommended for this store');
    const recommended = await rows(api, group.node);
    assert.deepEqual(
      recommended.map((r) => r.label),
      ['ACSD-90106'],
    );
    const evidence = await rows(api, recommended[0].node);
    assert.deepEqual(
      evidence.map((r) => r.label),
      ['exception.log:2'],
    );
  });

  it("shows the evidence under the deprecated patch's own row, saying to apply the replacement", async () => {
    const deprecated = await groupRow(api, 'Deprecated / replaced');
    const row = (await patchRows(api, deprecated.node)).find((r) => r.label === 'ACSD-90105');
    assert.ok(row, 'ACSD-90105 is in the Deprecated group');
    assert.match(row.description, /^evidence → apply ACSD-90106 \(replacement\) · /);
    assert.equal(row.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const evidence = await rows(api, row.node);
    assert.deepEqual(
      evidence.map((r) => [r.label, r.item.command?.command]),
      [['exception.log:2', COMMANDS.openEvidence]],
    );
    assert.match(evidence[0].description, /Stock reservation for order 000123 failed/);
  });

  it('says in the hover which signature matched and which patch to apply, with working links', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-90105', language: 'markdown' });
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(0, 3),
      )) ?? [];
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string');
    assert.ok(md, 'a hover');
    const text = plain(md.value);
    assert.match(text, /Its evidence recommends its replacement: apply ACSD-90106/);
    assert.match(
      text,
      /Signature matched: “report\.ERROR: Stock reservation for order \* failed \(queue \[\*\] locked\)”/,
    );
    assert.match(text, /exception\.log:2/);
    // The links to the replacement and to the log line run: their commands are the ones the hover trusts.
    const trusted = typeof md.isTrusted === 'object' ? md.isTrusted.enabledCommands : [];
    assert.ok(trusted.includes(COMMANDS.reveal) && trusted.includes(COMMANDS.openEvidence), JSON.stringify(trusted));
    assert.match(md.value, /command:commercePatches\.reveal\?[^)]*ACSD-90106/);
  });
});

describe('Recommended for this store: an applied patch whose evidence is still in the logs', function () {
  this.timeout(30_000);
  let api: ExtensionApi;
  let entry: CommerceEntry;

  before(async () => {
    writeFileSync(LOG, `noise\n${TAX}`);
    ({ api, entry } = await evidenceStore(false));
    await api.evidence.scan(entry);
    assert.equal(api.evidence.of(entry)?.get('ACSD-90101')?.recommended, true);
    await markApplied(api, entry, 'ACSD-90101');
  });

  after(async () => {
    await api.actions.applied.forget(entry.lockFile);
    rmSync(LOG, { force: true });
    await setUserSetting('notifyNewEvidence', undefined);
  });

  it('is not recommended again; its row in the Applied group and its hover keep the evidence', async () => {
    await until(
      'ACSD-90101 no longer recommended',
      () => api.evidence.of(entry)?.get('ACSD-90101')?.recommended === false,
    );
    const groups = await projectGroups(api);
    assert.ok(!groups.some((g) => g.label === 'Recommended for this store'), groups.map((g) => g.label).join(', '));
    const row = (await patchRows(api, (await groupRow(api, 'Applied')).node)).find((r) => r.label === 'ACSD-90101');
    assert.ok(row, 'ACSD-90101 is in the Applied group');
    assert.deepEqual(
      (await rows(api, row.node)).map((r) => r.label),
      ['exception.log:2'],
    );
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-90101', language: 'markdown' });
    const [text] = await hoverText(doc.uri, new vscode.Position(0, 3));
    assert.match(text ?? '', /Evidence still in the logs \(old lines often outlive the fix\)/);
    assert.match(text ?? '', /exception\.log:2/);
  });
});

describe('Recommended for this store: a deprecated patch whose replacement is already applied or scheduled', function () {
  this.timeout(30_000);
  let api: ExtensionApi;
  let entry: CommerceEntry;
  const ENV_YAML = join(ROOT, '.magento.env.yaml');

  before(async () => {
    writeFileSync(LOG, `noise\n${LINE}\n`);
    ({ api, entry } = await evidenceStore(false));
    await api.evidence.scan(entry);
    assert.equal(api.evidence.of(entry)?.get('ACSD-90106')?.recommended, true);
  });

  after(async () => {
    await api.actions.applied.forget(entry.lockFile);
    rmSync(ENV_YAML, { force: true });
    rmSync(LOG, { force: true });
    await api.evidence.scan(entry);
    await setUserSetting('notifyNewEvidence', undefined);
  });

  /** Waits until the replacement is in `state` and no longer recommended, then checks the view and the hover. */
  async function saysReplacementIsIn(state: 'applied' | 'scheduled'): Promise<void> {
    await until(`ACSD-90106 ${state}`, async () => {
      await api.evidence.scan(entry);
      const rec = api.evidence.of(entry)?.get('ACSD-90106');
      return rec?.state === state && !rec.recommended;
    });
    const groups = await projectGroups(api);
    assert.ok(!groups.some((g) => g.label === 'Recommended for this store'), groups.map((g) => g.label).join(', '));
    const deprecated = await groupRow(api, 'Deprecated / replaced');
    const row = (await patchRows(api, deprecated.node)).find((r) => r.label === 'ACSD-90105');
    assert.ok(row, 'ACSD-90105 is in the Deprecated group');
    assert.match(row.description, /^evidence → ACSD-90106 \(replacement\), already applied or scheduled · /);
    const doc = await vscode.workspace.openTextDocument({ content: 'ACSD-90105', language: 'markdown' });
    const [text] = await hoverText(doc.uri, new vscode.Position(0, 3));
    assert.match(text ?? '', /Its evidence points to its replacement ACSD-90106, which is applied or scheduled/);
    assert.doesNotMatch(text ?? '', /recommends its replacement/);
    assert.match(text ?? '', /Signature matched: “report\.ERROR: Stock reservation for order \* failed/);
    assert.match(text ?? '', /exception\.log:2/);
  }

  it('scheduled in .magento.env.yaml: the row and the hover say so, nothing is recommended', async () => {
    writeFileSync(ENV_YAML, 'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-90106\n');
    await saysReplacementIsIn('scheduled');
  });

  it('applied (QPT status): the row and the hover say so, nothing is recommended', async () => {
    rmSync(ENV_YAML, { force: true });
    await markApplied(api, entry, 'ACSD-90106');
    await saysReplacementIsIn('applied');
  });
});
