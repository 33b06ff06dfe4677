// Runs in a fresh folder holding copies of the Cloud 2.4.6-p3 and Open Source 2.4.7-p1 fixture stores, with the
// fake QPT of test/fixtures/bin set through commercePatches.qptCommand: Apply, Revert and Check applied patches
// run it as VS Code tasks and read its status, end to end. The fake stays for what the real engine cannot be made
// to do on demand: exit with other codes, print hostile status rows or notices around its JSON, run behind a
// Docker-style command setting. The same flows against the real engine: real-qpt.test.ts.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseQptStatus } from '../../src/core/qpt/status';
import type { ActionResult } from '../../src/vscode/commands/context';
import { groupRow, hoverText, patchRows, projectGroups, setUserSetting, waitFor, clipboardText } from './extensionApi';
import { CLOUD_STATUS, configureFake, FAKE_QPT, fakeRuns, qptWorkspace, run, type QptWorkspace } from './qptWorkspace';
import { patchItems, pickedIds } from './scriptedPrompts';

async function until(what: string, probe: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Apply, revert and check patches with QPT (fake magento-patches)', function () {
  this.timeout(60_000);
  let w: QptWorkspace;
  const ids = async (label: string) => {
    const groups = await projectGroups(w.api, 0);
    const group = groups.find((g) => g.label === label);
    return group === undefined ? [] : (await patchRows(w.api, group.node)).map((r) => r.label);
  };
  /** The rows of a group once the view has caught up with a state change (its refresh follows the change event). */
  const settledIds = async (label: string, expected: string[]) => {
    const end = Date.now() + 10_000;
    let rows = await ids(label);
    while (JSON.stringify(rows) !== JSON.stringify(expected) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await ids(label);
    }
    return rows;
  };

  before(async () => {
    w = await qptWorkspace();
  });

  beforeEach(() => {
    w.prompts.asked.messages.length = 0;
    w.prompts.asked.picks.length = 0;
    w.prompts.asked.confirms.length = 0;
  });

  it('finds both stores; Applied is unknown until QPT was asked', async () => {
    const projects = w.api.store.commerce().map((e) => e.analysis.project.root);
    assert.deepEqual(projects, [w.cloud, w.os]);
    assert.deepEqual(await ids('Applied'), []);
    assert.equal(w.api.actions.applied.get(w.cloudEntry().analysis.project), undefined);
  });

  it('Check applied patches runs `status --format=json` without a shell and adds the Applied group', async () => {
    const result = await run<ActionResult>('commercePatches.checkApplied', { kind: 'project', entry: w.cloudEntry() });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['MDVA-39305-V3', '$(id)', 'ACSD-1; touch pwned'] });
    assert.deepEqual(fakeRuns(w.cloud), [['status', '--format=json']]);
    assert.match(
      w.prompts.lastMessage()?.message ?? '',
      /^Adobe Commerce 2\.4\.6-p3 · Cloud: 3 patches applied, 3 not applied, 1 N\/A \(QPT status\)\.$/,
    );
    // Only catalog patches get rows: the hostile IDs QPT listed stay out.
    assert.deepEqual(await settledIds('Applied', ['MDVA-39305-V3']), ['MDVA-39305-V3']);
    assert.ok(!(await ids('Applicable')).includes('MDVA-39305-V3'), 'an applied patch left Applicable');
    const applied = await groupRow(w.api, 'Applied');
    const [row] = await patchRows(w.api, applied.node);
    // QPT 1.1.48 brought MDVA-39305-V3, after the store's 1.1.43: applied all the same (QPT's own word).
    assert.equal(row?.item.contextValue, 'patch.needs-qpt-update.applied.scheduled.cloud');
  });

  it('Apply patch from the palette: applicable patches with titles and categories, requirements together, modal confirmation, task', async () => {
    w.prompts.pick = ['ACSD-90002'];
    w.prompts.confirmWith = (buttons) => buttons[0];
    const result = await run<ActionResult>('commercePatches.apply');
    // Two stores: the user picks one first.
    assert.equal(w.prompts.asked.projectPicks.length, 1);
    const pick = w.prompts.asked.picks[0];
    assert.equal(
      pick.title,
      'Apply patches to Adobe Commerce 2.4.6-p3 · Cloud (empty-workspace/cloud)'.replace(
        'empty-workspace',
        vscode.workspace.workspaceFolders![0].name,
      ),
    );
    const items = patchItems(pick);
    const byId = new Map(items.map((i) => [i.id, i]));
    // Applicable, not yet applied: in; needing a QPT update, not applicable or applied: out.
    for (const id of ['ACSD-90001', 'ACSD-90002', 'ACSD-90004', 'MDVA-90007-V2', 'magento2-90001'])
      assert.ok(byId.has(id), `${id} not offered`);
    for (const id of ['ACSD-61103', 'ACSD-51240', 'MDVA-39305-V3', '$(id)']) assert.ok(!byId.has(id), `${id} offered`);
    assert.match(byId.get('ACSD-90002')!.description!, /admin order grid/);
    assert.match(byId.get('ACSD-90002')!.detail!, /^Admin, Performance · requires ACSD-90001$/);
    assert.deepEqual(byId.get('ACSD-90002')!.requires, ['ACSD-90001']);
    assert.match(byId.get('ACSD-90001')!.detail!, /Order\/Checkout · scheduled in \.magento\.env\.yaml/);
    // Deprecated patches come last and point to their replacement.
    const separator = pick.items.findIndex((i) => i.kind === vscode.QuickPickItemKind.Separator);
    assert.ok(separator > 0);
    assert.match(byId.get('ACSD-90003')!.detail!, /deprecated: use ACSD-90004/);
    assert.ok(pick.items.indexOf(byId.get('ACSD-90003')!) > separator);
    assert.deepEqual(pickedIds(pick), []);

    const confirm = w.prompts.asked.confirms[0];
    assert.equal(confirm.message, 'Apply 2 patches to Adobe Commerce 2.4.6-p3 · Cloud?');
    assert.deepEqual(confirm.buttons, ['Apply', 'Add to .magento.env.yaml Instead']);
    assert.match(confirm.detail, /changes files under vendor\//);
    assert.match(confirm.detail, /Required patches added: ACSD-90001/);
    assert.match(confirm.detail, /lost at the next deployment/);
    assert.ok(
      confirm.detail.includes(`Command: ${process.execPath} ${FAKE_QPT} apply -n ACSD-90001 ACSD-90002`),
      confirm.detail,
    );

    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90001', 'ACSD-90002'], exitCode: 0 });
    const runs = fakeRuns(w.cloud);
    assert.deepEqual(runs.slice(-2), [
      ['apply', '-n', 'ACSD-90001', 'ACSD-90002'],
      ['status', '--format=json'],
    ]);
    assert.ok(
      w.prompts.asked.messages.some(
        (m) => m.kind === 'info' && m.message === 'Applied ACSD-90001, ACSD-90002 to Adobe Commerce 2.4.6-p3 · Cloud.',
      ),
    );
    // The status ran again: both are applied now.
    assert.deepEqual(await ids('Applied'), ['ACSD-90001', 'ACSD-90002', 'MDVA-39305-V3']);
    assert.ok(!(await ids('Applicable')).includes('ACSD-90002'));
    const terminal = vscode.window.terminals.find((t) => t.name.includes('Apply ACSD-90001 ACSD-90002'));
    assert.ok(terminal, `no task terminal among ${vscode.window.terminals.map((t) => t.name).join(', ')}`);
  });

  it('the hover and the tree row offer Revert on an applied patch, with its state', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'See ACSD-90002 and ACSD-90004.' });
    const [applied] = await hoverText(doc.uri, new vscode.Position(0, 6));
    assert.match(applied ?? '', /Applied \(QPT status of /);
    assert.match(applied ?? '', /\$\(discard\) Revert/);
    assert.doesNotMatch(applied ?? '', /\$\(play\) Apply/);
    const [notApplied] = await hoverText(doc.uri, new vscode.Position(0, 21));
    assert.match(notApplied ?? '', /Not applied \(QPT status of /);
    assert.match(notApplied ?? '', /\$\(play\) Apply/);
    assert.match(notApplied ?? '', /Remove from \.magento\.env\.yaml/, 'ACSD-90004 is scheduled in the fixture');
  });

  it('Apply from a tree row preselects it; a failing run reports its exit code and offers its output; the state is read again', async () => {
    configureFake(w.cloud, { fail: ['ACSD-90004'] });
    const row = (await patchRows(w.api, (await groupRow(w.api, 'Applicable')).node)).find(
      (r) => r.label === 'ACSD-90004',
    )!;
    assert.match(row.item.contextValue ?? '', /^patch\.applicable\.scheduled\.cloud$/);
    w.prompts.pick = (request) => pickedIds(request);
    w.prompts.messageWith = (_m, buttons) => buttons.find((b) => b === 'Show Output');
    const before = fakeRuns(w.cloud).length;
    const result = await run<ActionResult>('commercePatches.apply', row.node);
    assert.equal(w.prompts.asked.projectPicks.length, 1, 'the row names its project: no project pick');
    assert.deepEqual(pickedIds(w.prompts.asked.picks[0]), ['ACSD-90004']);
    assert.deepEqual(result, { outcome: 'failed', ids: ['ACSD-90004'], exitCode: 1 });
    assert.deepEqual(fakeRuns(w.cloud).slice(before), [
      ['apply', '-n', 'ACSD-90004'],
      ['status', '--format=json'],
    ]);
    const error = w.prompts.asked.messages.find((m) => m.kind === 'error');
    assert.equal(error?.message, 'Applying ACSD-90004 failed: the Quality Patches Tool exited with code 1.');
    assert.deepEqual(error?.buttons, ['Show Output']);
    // "Show Output" brought the task's terminal forward.
    await waitFor('the task terminal', () => vscode.window.activeTerminal?.name.includes('Apply ACSD-90004'));
    assert.ok(!(await ids('Applied')).includes('ACSD-90004'));
    w.prompts.messageWith = () => undefined;
  });

  it('passes other exit codes on as they are', async () => {
    configureFake(w.cloud, { exitCode: 3 });
    w.prompts.pick = ['MDVA-90007-V2'];
    const result = await run<ActionResult>('commercePatches.apply', {
      id: 'MDVA-90007-V2',
      lockFile: w.cloudEntry().lockFile,
    });
    assert.equal(result.outcome, 'failed');
    assert.equal((result as { exitCode?: number }).exitCode, 3);
    // The status run exits 3 as well: the old state is dropped, not kept as if nothing happened.
    assert.equal(w.api.actions.applied.get(w.cloudEntry().analysis.project), undefined);
    assert.ok(
      w.prompts.asked.messages.some((m) =>
        /^Could not read the applied patches of Adobe Commerce 2\.4\.6-p3 · Cloud: QPT status exited with code 3\.$/.test(
          m.message,
        ),
      ),
    );
    configureFake(w.cloud);
  });

  it('Revert patch offers the applied patches the catalog knows and runs `revert -n`', async () => {
    w.prompts.pick = ['ACSD-90001'];
    w.prompts.confirmWith = (buttons) => buttons[0];
    const before = fakeRuns(w.cloud).length;
    const result = await run<ActionResult>('commercePatches.revert', {
      id: 'ACSD-90001',
      lockFile: w.cloudEntry().lockFile,
    });
    // The state was unknown after the failed status: Revert checked it first.
    const pick = w.prompts.asked.picks[0];
    assert.deepEqual(
      patchItems(pick).map((i) => i.id),
      ['ACSD-90001', 'ACSD-90002', 'MDVA-39305-V3'],
    );
    assert.deepEqual(pickedIds(pick), ['ACSD-90001']);
    assert.equal(w.prompts.asked.confirms[0]?.message, 'Revert ACSD-90001 in Adobe Commerce 2.4.6-p3 · Cloud?');
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90001'], exitCode: 0 });
    assert.deepEqual(fakeRuns(w.cloud).slice(before), [
      ['status', '--format=json'],
      ['revert', '-n', 'ACSD-90001'],
      ['status', '--format=json'],
    ]);
    assert.deepEqual(await ids('Applied'), ['ACSD-90002', 'MDVA-39305-V3']);
    assert.ok((await ids('Applicable')).includes('ACSD-90001'));
  });

  it('Check applied patches picks up changes made outside VS Code; a change under vendor/ drops the state', async () => {
    // Someone ran QPT in a terminal.
    writeFileSync(
      join(w.cloud, '.fake-qpt-state.json'),
      JSON.stringify({ applied: ['ACSD-90004'], reverted: ['ACSD-90002', 'MDVA-39305-V3'] }),
    );
    assert.deepEqual(await ids('Applied'), ['ACSD-90002', 'MDVA-39305-V3'], 'cached until checked again');
    await run('commercePatches.checkApplied', { kind: 'project', entry: w.cloudEntry() });
    assert.deepEqual(await ids('Applied'), ['ACSD-90004']);
    // Composer installs something: vendor/composer/installed.json changes, and the applied state is unknown again.
    mkdirSync(join(w.cloud, 'vendor', 'composer'), { recursive: true });
    writeFileSync(join(w.cloud, 'vendor', 'composer', 'installed.json'), '{"packages": []}');
    await waitFor(
      'the state to be dropped',
      () => w.api.actions.applied.get(w.cloudEntry().analysis.project) === undefined,
    );
    await until('the Applied group to go', async () => (await ids('Applied')).length === 0);
  });

  it("keeps QPT's status when the file event of a change made before the status comes late", async () => {
    const entry = w.cloudEntry();
    const lock = entry.lockFile;
    // The test hears the same file events as the extension's watchers, in the same turn.
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(w.cloud), 'composer.lock'),
    );
    let heard = false;
    const subs = [watcher, watcher.onDidChange(() => (heard = true)), watcher.onDidCreate(() => (heard = true))];
    try {
      // composer.lock is written again (same text), then the status is stored before its event can arrive.
      writeFileSync(lock, readFileSync(lock, 'utf8'));
      void w.api.actions.applied.set(entry.analysis.project, parseQptStatus(JSON.stringify(CLOUD_STATUS)));
      await waitFor('the change event of composer.lock', () => heard);
      assert.equal(w.api.actions.applied.get(entry.analysis.project)?.states.get('MDVA-39305-V3'), 'Applied');
      assert.deepEqual(await settledIds('Applied', ['MDVA-39305-V3']), ['MDVA-39305-V3']);
      // A change after the status drops it, as ever.
      writeFileSync(lock, `${readFileSync(lock, 'utf8')}\n`);
      await waitFor('the state to be dropped', () => w.api.actions.applied.get(entry.analysis.project) === undefined);
    } finally {
      for (const d of subs) d.dispose();
    }
  });

  it('understands a status with PHP notices around the JSON; refuses output that is not a status list', async () => {
    configureFake(w.cloud, { noise: true });
    const ok = await run<ActionResult>('commercePatches.checkApplied', { kind: 'project', entry: w.cloudEntry() });
    assert.equal(ok.outcome, 'succeeded');
    configureFake(w.cloud, { status: [{ Id: 'ACSD-90001', Status: 'Maybe' }] });
    const bad = await run<ActionResult>('commercePatches.checkApplied', { kind: 'project', entry: w.cloudEntry() });
    assert.equal(bad.outcome, 'failed');
    assert.match(w.prompts.lastMessage()?.message ?? '', /Could not read the applied patches .*"Status" "Maybe"/);
    configureFake(w.cloud);
  });

  it('refuses bad, unknown and unusable input before anything runs', async () => {
    const before = fakeRuns(w.cloud).length;
    const lockFile = w.cloudEntry().lockFile;
    const refused = async (...args: unknown[]) => {
      const result = await run<ActionResult>('commercePatches.apply', ...args);
      assert.equal(result.outcome, 'refused', JSON.stringify(args));
      return (result as { why: string }).why;
    };
    assert.match(await refused('$(id)'), /^Refusing \$\(id\): a patch ID is letters and digits/);
    assert.match(await refused({ id: 'ACSD-1; touch pwned', lockFile }), /^Refusing ACSD-1; touch pwned/);
    assert.match(
      await refused({ id: 'ACSD-99999', lockFile }),
      /^ACSD-99999 is not in the patch catalogs of Adobe Commerce 2\.4\.6-p3 · Cloud: nothing was run\.$/,
    );
    assert.match(
      await refused({ id: 'ACSD-61103', lockFile }),
      /needs a newer Quality Patches Tool than the installed 1\.1\.43\. Update it with: composer update magento\/quality-patches/,
    );
    assert.match(
      await refused({ id: 'ACSD-51240', lockFile }),
      /^ACSD-51240 does not apply to Adobe Commerce 2\.4\.6-p3 · Cloud\. magento\/magento2-base 2\.4\.6-p3 is outside/,
    );
    // A command line as one string is refused rather than split by shell rules.
    await setUserSetting('qptCommand', 'php vendor/bin/magento-patches; touch pwned');
    try {
      const why = await refused({ id: 'ACSD-90004', lockFile });
      assert.match(why, /^The setting commercePatches\.qptCommand cannot be used: .*list of arguments/);
      assert.deepEqual(w.prompts.lastMessage()?.buttons, ['Open Settings']);
    } finally {
      await setUserSetting('qptCommand', [process.execPath, FAKE_QPT]);
    }
    assert.equal(fakeRuns(w.cloud).length, before, 'QPT ran');
    assert.deepEqual(
      readdirSync(w.cloud).filter((f) => f.includes('pwned')),
      [],
    );
  });

  it('says so when QPT is not installed, and offers to copy `composer require magento/quality-patches`', async () => {
    w.prompts.messageWith = (_m, buttons) => buttons[0];
    const result = await run<ActionResult>('commercePatches.apply', {
      kind: 'project',
      entry: w.api.store.commerce()[1],
    });
    w.prompts.messageWith = () => undefined;
    assert.equal(result.outcome, 'refused');
    const message = w.prompts.asked.messages.at(-1)!;
    assert.match(
      message.message,
      /^The Quality Patches Tool is not installed in Magento Open Source 2\.4\.7-p1 \(.*\/os\)\. Install it with: composer require magento\/quality-patches$/,
    );
    assert.deepEqual(message.buttons, ['Copy Command']);
    // The copy follows the click; a browser-hosted workbench may not let the clipboard be read back.
    for (let i = 0; i < 20 && (await clipboardText()) === ''; i++) await new Promise((r) => setTimeout(r, 100));
    const clip = await clipboardText();
    if (clip !== undefined) assert.equal(clip, 'composer require magento/quality-patches');
    assert.ok(!existsSync(join(w.os, '.fake-qpt.log')));
  });
});
