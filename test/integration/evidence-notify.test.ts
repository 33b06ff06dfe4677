// Runs in test/fixtures/evidence-store: a line appended to var/log/exception.log that a patch's signature matches
// brings a notification ("ACSD-… matches a new error in exception.log"), unless commercePatches.notifyNewEvidence is
// off. The notification goes through the extension's prompts, which the test records instead of showing.
import * as assert from 'node:assert/strict';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Prompts } from '../../src/vscode/commands/prompts';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { setUserSetting, until, waitFor } from './extensionApi';
import { evidenceStore, GRAPHQL, LOG, TAX } from './evidenceStore';
import { ScriptedPrompts } from './scriptedPrompts';

describe('Recommended for this store: the notification of a new matching log line', function () {
  this.timeout(30_000);
  let api: ExtensionApi;
  let entry: CommerceEntry;
  let scripted: ScriptedPrompts;
  let previous: Prompts;

  /** How many lines of exception.log match the (one-rule) signature of `id`: each kept line carries the count. */
  const matching = (id: string): number =>
    Math.max(0, ...(api.evidence.of(entry)?.get(id)?.evidence ?? []).map((e) => (e.type === 'log' ? e.count : 0)));
  const notifyNewEvidence = () =>
    vscode.workspace.getConfiguration('commercePatches').get<boolean>('notifyNewEvidence');

  before(async () => {
    writeFileSync(LOG, 'noise\n'.repeat(10));
    ({ api, entry } = await evidenceStore(true));
    scripted = new ScriptedPrompts();
    previous = api.actions.setPrompts(scripted);
    await api.evidence.scan(entry);
    assert.equal(matching('ACSD-90102'), 0);
  });

  after(async () => {
    api.actions.setPrompts(previous);
    rmSync(LOG, { force: true });
    await setUserSetting('notifyNewEvidence', undefined);
  });

  it('says which patch matches a new error in which log when a matching line is appended; Show reveals it', async () => {
    scripted.messageWith = (_message, buttons) => buttons[0];
    appendFileSync(LOG, GRAPHQL);
    const shown = await waitFor('the notification', () =>
      scripted.asked.messages.find((m) => m.message.includes('ACSD-90102')),
    );
    assert.deepEqual(shown, {
      kind: 'info',
      message: 'ACSD-90102 matches a new error in exception.log',
      buttons: ['Show', 'Do not notify again'],
    });
    assert.equal(scripted.asked.messages.length, 1, 'one notification for one new line');
    assert.equal(matching('ACSD-90102'), 1);
    const selected = await waitFor('the revealed row', () => api.view.view.selection[0]);
    assert.ok(selected.kind === 'patch' && selected.triaged.patch.id === 'ACSD-90102', selected.key);
  });

  it('turns the notifications off with "Do not notify again"', async () => {
    scripted.messageWith = (_message, buttons) => buttons[1];
    appendFileSync(LOG, TAX);
    await waitFor('the notification', () =>
      scripted.asked.messages.find((m) => m.message === 'ACSD-90101 matches a new error in exception.log'),
    );
    await until('the setting turned off', () => notifyNewEvidence() === false);
  });

  it('shows no notification while commercePatches.notifyNewEvidence is off, though the evidence follows', async () => {
    scripted.messageWith = () => undefined;
    await setUserSetting('notifyNewEvidence', false);
    const before = scripted.asked.messages.length;
    appendFileSync(LOG, GRAPHQL + TAX);
    // The notification would be shown in the same scan that updates the evidence, before the view hears of it.
    await until('the new lines counted', () => matching('ACSD-90102') === 2 && matching('ACSD-90101') === 2);
    assert.deepEqual(scripted.asked.messages.slice(before), []);
  });
});
