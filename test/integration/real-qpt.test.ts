// Apply, Revert, Check Applied Patches and Add to .magento.env.yaml against Adobe's real QPT engine (PHP,
// magento-cloud-patches, installed by ../shared/tools/real-qpt into copies of fixture stores in the fresh folder the
// harness opened). The vendor files of a few patches are rebuilt from the patches, so those are Not applied;
// `git apply --check` judges what changed. The folder lies in the git-ignored .cache/ of the checkout: git is told
// to stop above it (GIT_CEILING_DIRECTORIES), so QPT's git and the test's see the stores as outside a repository.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { qptStatusCommand } from '../../src/core/qpt/command';
import { parseQptRunOutput } from '../../src/core/qpt/runOutput';
import { parseQptStatus, withCatalogIds } from '../../src/core/qpt/status';
import type { ActionResult } from '../../src/vscode/commands/context';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { gitAccepts, realStore, requireRealQpt, runInvocation, type RealStore } from '../support/realQpt';
import { extensionApi, hoverText, patchRows, projectGroups, setUserSetting, waitFor } from './extensionApi';
import { run } from './qptWorkspace';
import { ScriptedPrompts } from './scriptedPrompts';

const ACP2E_3705 = 'os/ACP2E-3705_2.4.7-p4_v2.patch';
const COMMUNITY_34528 = 'community/magento_magento2_34528.patch';
const ACSD_47920 = ['os/ACSD-47920_2.4.3-p1.patch', 'commerce/ACSD-47920_2.4.3-p1.patch'];
/** The engine's own required Cloud patches for 2.4.3, applied first by `ece-patches apply`. */
const CLOUD_REQUIRED: Record<string, string> = {
  'AC-384': 'AC-384__Fix_Incompatible_PHP_Method__2.4.3_ce.patch',
  'MCLOUD-8279': 'MCLOUD-8279__Fixed_currency_displaying_on_product_page__2.4.3.patch',
  'MCLOUD-10032': 'MCLOUD-10032__Increment_number_for_catalog_product_entity_tables__2.4.3-p1.patch',
  'MCLOUD-10279': 'MCLOUD-10279__errors_when_flushing_js_css_cache_from_admin__2.4.4.patch',
  'MC-43048': 'MC-43048__set_rate_limits__2.4.3.patch',
  'MDVA-43443': 'MDVA-43443__parser_token_new_fix__2.4.3.patch',
};

describe('Apply, revert and check against the real QPT engine (PHP, magento-cloud-patches)', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  const prompts = new ScriptedPrompts();
  const stores: Record<'os' | 'community' | 'cloud', RealStore> = {} as never;
  const entryOf = (store: RealStore): CommerceEntry => {
    const entry = api.store.commerce().find((e) => e.analysis.project.root === store.root);
    assert.ok(entry, `no project at ${store.root}`);
    return entry;
  };
  const indexOf = (store: RealStore) => api.store.commerce().indexOf(entryOf(store));
  const groupIds = async (store: RealStore, label: string) => {
    const group = (await projectGroups(api, indexOf(store))).find((g) => g.label === label);
    // A patch in several categories has a row in each category sub-group.
    return group === undefined ? [] : [...new Set((await patchRows(api, group.node)).map((r) => r.label))];
  };
  const count = (text: string) => Number(text.replace(/[^0-9]/g, ''));

  before(async function () {
    requireRealQpt(this);
    const root = process.env.INTEGRATION_WORKSPACE ?? '';
    assert.ok(root !== '', 'runs in a fresh empty folder (":empty" in workspaces.json)');
    // Before the extension reads the folder, and before any git or QPT process starts.
    process.env.GIT_CEILING_DIRECTORIES = root;
    process.env.COMPOSER_HOME = join(root, '.composer-home');
    stores.os = realStore('os-247p1', { into: join(root, 'os'), allowGit: true, seed: [ACP2E_3705] });
    stores.community = realStore('os-243', { into: join(root, 'community'), allowGit: true, seed: [COMMUNITY_34528] });
    const required = Object.values(CLOUD_REQUIRED).map((f) => `../../magento-cloud-patches/patches/${f}`);
    stores.cloud = realStore('cloud-243', {
      into: join(root, 'cloud'),
      allowGit: true,
      seed: [...required, ...ACSD_47920, COMMUNITY_34528],
    });
    api = await extensionApi();
    api.store.refresh();
    await setUserSetting('qptCommand', undefined);
    await setUserSetting('statuses', undefined);
    api.actions.setPrompts(prompts);
    await waitFor('the three stores', () => api.store.commerce().length === 3 || undefined, 60_000);
  });

  beforeEach(() => {
    prompts.asked.messages.length = 0;
    prompts.asked.confirms.length = 0;
    prompts.projectWith = undefined;
  });

  it('Check Applied Patches agrees with the real `status --format=json` on every patch', async () => {
    const entry = entryOf(stores.os);
    const result = await run<ActionResult>('commercePatches.checkApplied', { kind: 'project', entry });
    assert.equal(result.outcome, 'succeeded');
    const direct = await runInvocation(qptStatusCommand(entry.analysis.project), stores.os.env);
    const expected = withCatalogIds(parseQptStatus(direct.stdout), entry.analysis.catalog.patches.keys());
    const kept = api.actions.applied.get(entry.analysis.project)?.states;
    assert.ok(kept !== undefined);
    assert.deepEqual([...kept].sort(), [...expected.values()].map((s) => [s.id, s.status]).sort());
    assert.equal(kept.get('ACP2E-3705'), 'Not applied');
    // The extension's own check of the vendor files says what QPT says, for every patch it could check.
    const checked = (await api.actions.states.checked.status(entry.analysis)).patches;
    const qptWord = { applied: 'Applied', 'not-applied': 'Not applied', conflict: 'N/A' } as const;
    const compared = [...expected.values()].filter((s) => {
      const state = checked.get(s.id)?.state;
      return state !== undefined && state !== 'unknown';
    });
    assert.ok(compared.length > 0, 'the extension checked patches QPT reported on');
    assert.deepEqual(
      compared.filter((s) => qptWord[checked.get(s.id)!.state as keyof typeof qptWord] !== s.status).map((s) => s.id),
      [],
    );
    assert.match(
      prompts.lastMessage()?.message ?? '',
      /^Magento Open Source 2\.4\.7-p1: 0 patches applied, \d+ not applied, \d+ N\/A \(QPT status\)\.$/,
    );
  });

  it('Apply from the palette: confirm, the task runs, vendor files change; Applied group, hover and every count follow', async () => {
    prompts.projectWith = () => entryOf(stores.os);
    prompts.pick = ['ACP2E-3705'];
    prompts.confirmWith = (buttons) => buttons[0];
    const result = await run<ActionResult>('commercePatches.apply');
    const confirm = prompts.asked.confirms[0];
    assert.equal(confirm?.message, 'Apply ACP2E-3705 to Magento Open Source 2.4.7-p1?');
    assert.match(confirm?.detail ?? '', /Command: php vendor\/bin\/magento-patches apply -n ACP2E-3705/);
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACP2E-3705'], exitCode: 0 });
    assert.ok(prompts.asked.messages.some((m) => m.message === 'Applied ACP2E-3705 to Magento Open Source 2.4.7-p1.'));
    assert.ok(gitAccepts(stores.os, ACP2E_3705, true), 'git apply --check --reverse: the vendor files hold the patch');
    // The Applied group is what the vendor files now hold: exactly what the real engine's status says after the run.
    const project = entryOf(stores.os).analysis;
    const after = await runInvocation(qptStatusCommand(project.project), stores.os.env);
    const appliedNow = [...withCatalogIds(parseQptStatus(after.stdout), project.catalog.patches.keys()).values()]
      .filter((s) => s.status === 'Applied')
      .map((s) => s.id)
      .sort();
    assert.ok(appliedNow.includes('ACP2E-3705'), appliedNow.join(', '));
    assert.deepEqual([...(await groupIds(stores.os, 'Applied'))].sort(), appliedNow);
    assert.ok(!(await groupIds(stores.os, 'Applicable')).includes('ACP2E-3705'));
    const doc = await vscode.workspace.openTextDocument({ content: 'ACP2E-3705' });
    const hover = (await hoverText(doc.uri, new vscode.Position(0, 3))).join('\n');
    assert.match(hover, /Applied \(QPT status of /);
    // Every count agrees: each project's Applicable group, the badge (their sum) and the status bar.
    let sum = 0;
    for (const store of [stores.os, stores.community, stores.cloud]) {
      const group = (await projectGroups(api, indexOf(store))).find((g) => g.label === 'Applicable');
      const shown = group === undefined ? 0 : count(group.description);
      assert.equal(shown, (await groupIds(store, 'Applicable')).length);
      sum += shown;
    }
    await waitFor('badge', () => api.view.view.badge?.value === sum || undefined);
    const current = api.statusBar.current();
    assert.ok(current);
    const own = (await projectGroups(api, api.store.commerce().indexOf(current))).find((g) => g.label === 'Applicable');
    assert.match(api.statusBar.text, new RegExp(` ${count(own?.description ?? '0')} applicable$`));
  });

  it('Revert brings the vendor files back, and the patch back to Applicable', async () => {
    prompts.projectWith = () => entryOf(stores.os);
    prompts.pick = ['ACP2E-3705'];
    const result = await run<ActionResult>('commercePatches.revert', {
      id: 'ACP2E-3705',
      lockFile: entryOf(stores.os).lockFile,
    });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACP2E-3705'], exitCode: 0 });
    assert.ok(prompts.asked.messages.some((m) => m.message === 'Reverted ACP2E-3705 in Magento Open Source 2.4.7-p1.'));
    assert.ok(gitAccepts(stores.os, ACP2E_3705));
    assert.deepEqual(await groupIds(stores.os, 'Applied'), []);
    assert.ok((await groupIds(stores.os, 'Applicable')).includes('ACP2E-3705'));
  });

  it('the community patch magento/magento2/34528: applied under its catalog ID, shown Applied, reverted', async () => {
    const entry = entryOf(stores.community);
    prompts.pick = ['magento/magento2/34528'];
    const applied = await run<ActionResult>('commercePatches.apply', {
      id: 'magento/magento2/34528',
      lockFile: entry.lockFile,
    });
    assert.match(prompts.asked.confirms[0]?.detail ?? '', /apply -n MAGENTO\/MAGENTO2\/34528/);
    assert.deepEqual(applied, { outcome: 'succeeded', ids: ['magento/magento2/34528'], exitCode: 0 });
    assert.ok(gitAccepts(stores.community, COMMUNITY_34528, true));
    assert.deepEqual(await groupIds(stores.community, 'Applied'), ['magento/magento2/34528']);
    const reverted = await run<ActionResult>('commercePatches.revert', {
      id: 'magento/magento2/34528',
      lockFile: entry.lockFile,
    });
    assert.deepEqual(reverted, { outcome: 'succeeded', ids: ['magento/magento2/34528'], exitCode: 0 });
    assert.ok(gitAccepts(stores.community, COMMUNITY_34528));
    assert.deepEqual(await groupIds(stores.community, 'Applied'), []);
  });

  it('Cloud: after Add to .magento.env.yaml, ece-patches applies exactly the listed patches', async () => {
    const entry = entryOf(stores.cloud);
    prompts.confirmWith = (buttons) => buttons[0];
    for (const id of ['ACSD-47920', 'magento/magento2/34528']) {
      const result = await run<ActionResult>('commercePatches.addToEnvYaml', { id, lockFile: entry.lockFile });
      assert.equal(result.outcome, 'succeeded', JSON.stringify(result));
    }
    const file = join(stores.cloud.root, '.magento.env.yaml');
    assert.match(readFileSync(file, 'utf8'), /- MAGENTO\/MAGENTO2\/34528$/m);
    const ece = await runInvocation(
      { command: 'php', args: ['vendor/bin/ece-patches', 'apply'], cwd: stores.cloud.root },
      stores.cloud.env,
    );
    assert.equal(ece.code, 0, ece.stdout);
    const report = parseQptRunOutput(ece.stdout, entry.analysis.catalog.patches.keys());
    assert.deepEqual(report.applied, [...Object.keys(CLOUD_REQUIRED), 'ACSD-47920', 'magento/magento2/34528']);
    for (const patch of [...ACSD_47920, COMMUNITY_34528]) assert.ok(gitAccepts(stores.cloud, patch, true), patch);
  });

  it('Cloud: an ID with no patch for the version fails ece-patches as the diagnostics predicted', async () => {
    const entry = entryOf(stores.cloud);
    const file = join(stores.cloud.root, '.magento.env.yaml');
    writeFileSync(file, 'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACP2E-3705\n');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const diagnostic = await waitFor(
      'diagnostic',
      () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code !== undefined),
      20_000,
    );
    assert.equal(diagnostic.code, 'not-applicable');
    assert.match(diagnostic.message, /^ACP2E-3705 does not apply to Adobe Commerce 2\.4\.3/);
    const ece = await runInvocation(
      { command: 'php', args: ['vendor/bin/ece-patches', 'apply'], cwd: stores.cloud.root },
      stores.cloud.env,
    );
    assert.equal(ece.code, 1);
    assert.deepEqual(parseQptRunOutput(ece.stdout, entry.analysis.catalog.patches.keys()).notFound, ['ACP2E-3705']);
    // The catalog's lower-case spelling: flagged, and ece-patches indeed does not find it.
    writeFileSync(file, 'stage:\n  build:\n    QUALITY_PATCHES:\n      - magento/magento2/34528\n');
    const lower = await waitFor(
      'case diagnostic',
      () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'case'),
      20_000,
    );
    assert.match(lower.message, /write MAGENTO\/MAGENTO2\/34528/);
    const failed = await runInvocation(
      { command: 'php', args: ['vendor/bin/ece-patches', 'apply'], cwd: stores.cloud.root },
      stores.cloud.env,
    );
    assert.equal(failed.code, 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
