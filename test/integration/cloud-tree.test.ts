// Runs in test/fixtures/cloud-246p3: Adobe Commerce 2.4.6-p3 on Cloud, QPT 1.1.43 metadata in vendor/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { PatchStatus } from '../../src/core/triage/triaged';
import {
  clipboardText,
  extensionApi,
  patchRows,
  groupRow,
  plain,
  projectGroups,
  recordOpenedUrls,
  report,
  rows,
  setUserSetting,
  waitFor,
} from './extensionApi';

const GROUP_LABELS: Record<PatchStatus, string> = {
  applicable: 'Applicable',
  'needs-qpt-update': 'Needs QPT update',
  deprecated: 'Deprecated / replaced',
  'not-applicable': 'Not applicable',
};

describe('Patches view on the Cloud 2.4.6-p3 store', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
    await setUserSetting('statuses', undefined);
    await setUserSetting('groupBy', undefined);
    api.view.provider.setFilter('');
  });

  it('has one project root labelled with edition, version, Cloud and the lock folder', async () => {
    const roots = await rows(api);
    assert.equal(roots.filter((r) => r.node.kind === 'project').length, 1, roots.map((r) => r.label).join(', '));
    assert.equal(roots[0].label, 'Adobe Commerce 2.4.6-p3 · Cloud');
    assert.equal(roots[0].description, 'cloud-246p3');
    // The only project is a header row; its groups follow at the top level, so the view needs one expansion less.
    assert.equal(roots[0].item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(api.view.provider.getChildren(roots[0].node), []);
    assert.ok(roots.slice(1).every((r) => r.node.kind === 'group'));
    for (const r of roots.slice(1)) assert.equal(api.view.provider.getParent(r.node), undefined);
  });

  it('shows the status groups in order with the counts of the triage', async () => {
    const entry = api.store.commerce()[0];
    const counts = entry.analysis.result.counts;
    const groups = await projectGroups(api);
    const expected = (['applicable', 'needs-qpt-update', 'deprecated'] as const).filter((s) => counts[s] > 0);
    // Then the patches the fixture's .magento.env.yaml schedules for the Cloud build (QUALITY_PATCHES).
    assert.deepEqual(
      groups.map((g) => [g.label, g.description]),
      [...expected.map((s) => [GROUP_LABELS[s], String(counts[s])]), ['Scheduled (Cloud build)', '3']],
    );
    // The fixture's QPT metadata and the bundled catalog give at least these.
    assert.ok(counts.applicable >= 7, `applicable: ${counts.applicable}`);
    assert.ok(counts['needs-qpt-update'] >= 1);
    assert.ok(counts.deprecated >= 1);
    for (const g of groups) {
      // A patch with several categories is listed under each: count IDs.
      const ids = new Set((await patchRows(api, g.node)).map((r) => r.label));
      assert.equal(ids.size, Number(g.description), `${g.label}: rows and count differ`);
    }
  });

  it('puts ACSD-61103 under "Needs QPT update" (QPT 1.1.43 installed, the patch came with 1.1.54)', async () => {
    const group = await groupRow(api, 'Needs QPT update');
    const patch = (await patchRows(api, group.node)).find((r) => r.label === 'ACSD-61103');
    assert.ok(patch, 'no ACSD-61103 row');
    assert.match(patch.description, /failure count|failures_num|login/i);
    assert.equal(patch.item.contextValue, 'patch.needs-qpt-update.cloud');
    const icon = patch.item.iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'cloud-download');
    assert.ok(icon.color instanceof vscode.ThemeColor);
  });

  it('explains a patch in its tooltip: categories, match, constraint, QPT version', async () => {
    const group = await groupRow(api, 'Needs QPT update');
    const patch = (await patchRows(api, group.node)).find((r) => r.label === 'ACSD-61103')!;
    const resolved = api.view.provider.resolveTreeItem(patch.item, patch.node);
    const md = plain((resolved.tooltip as vscode.MarkdownString).value);
    assert.match(md, /\*\*ACSD-61103\*\*/);
    assert.match(md, /Categories:\*\* Customer, Web API/);
    assert.match(md, /magento\/magento2-base 2\.4\.6-p3 satisfies >=2\.4\.6 <2\.4\.7/);
    assert.match(md, /QPT version:\*\* 1\.1\.54 \(installed: 1\.1\.43\)/);
    assert.match(md, /Affected components:\*\* [^\n]*magento\/module-customer/);
  });

  it('shows required patches and replacements in tooltips', async () => {
    const applicable = await groupRow(api, 'Applicable');
    const p2 = (await patchRows(api, applicable.node)).find((r) => r.label === 'ACSD-90002')!;
    const md2 = plain((api.view.provider.resolveTreeItem(p2.item, p2.node).tooltip as vscode.MarkdownString).value);
    assert.match(md2, /Requires:\*\* ACSD-90001/);
    assert.match(md2, /Categories:\*\* Admin, Performance/);
    assert.match(md2, /Matched:\*\* magento\/magento2-ee-base 2\.4\.6-p3 satisfies >=2\.4\.5 <2\.4\.6-p5/);
    const deprecated = await groupRow(api, 'Deprecated / replaced');
    const p3 = (await patchRows(api, deprecated.node)).find((r) => r.label === 'ACSD-90003')!;
    const md3 = plain((api.view.provider.resolveTreeItem(p3.item, p3.node).tooltip as vscode.MarkdownString).value);
    assert.match(md3, /Replaced with:\*\* ACSD-90004/);
  });

  it('sets the view badge to the applicable count and shows a status bar item', async () => {
    const counts = api.store.commerce()[0].analysis.result.counts;
    await waitFor('badge', () => api.view.view.badge?.value === counts.applicable);
    assert.match(api.view.view.badge!.tooltip, new RegExp(`^${counts.applicable} applicable patches$`));
    assert.equal(api.statusBar.current()?.lockFile, api.store.commerce()[0].lockFile);
  });

  it('filters over ID, title and category and says so in the view message', async () => {
    const provider = api.view.provider;
    try {
      provider.setFilter('acsd-61103');
      let groups = await projectGroups(api);
      const needsUpdate = api.store.commerce()[0].analysis.result.counts['needs-qpt-update'];
      assert.deepEqual(
        groups.map((g) => [g.label, g.description]),
        [['Needs QPT update', `1 of ${needsUpdate}`]],
      );
      await waitFor('filter message', () => api.view.view.message?.includes('acsd-61103'));
      assert.match(api.view.view.message!, /1 of \d+ patches shown/);

      provider.setFilter('cache');
      const ids = (await Promise.all((await projectGroups(api)).map((g) => patchRows(api, g.node))))
        .flat()
        .map((r) => r.label);
      assert.ok(ids.includes('ACSD-90004') && ids.includes('ACSD-90003'), ids.join(', '));
      assert.ok(!ids.includes('ACSD-90001'), 'category filter let ACSD-90001 through');

      provider.setFilter('no such patch anywhere');
      groups = await projectGroups(api);
      assert.equal(groups.length, 1);
      assert.equal(groups[0].node.kind, 'message');
      assert.match(groups[0].label, /No patch matches “no such patch anywhere”/);
    } finally {
      await vscode.commands.executeCommand('commercePatches.clearFilter');
    }
    assert.equal(provider.filter.active, false);
    await waitFor('message cleared', () => api.view.view.message === undefined || api.view.view.message === '');
  });

  it('hides the groups left out of commercePatches.statuses and shows "Not applicable" when asked', async () => {
    try {
      await setUserSetting('statuses', ['not-applicable', 'applicable', 42]);
      // The view's order wins over the setting's; entries that are not status names are ignored.
      assert.deepEqual(await groupLabels(api), ['Applicable', 'Not applicable']);
      const notApplicable = await groupRow(api, 'Not applicable');
      const counts = api.store.commerce()[0].analysis.result.counts;
      assert.equal(notApplicable.description, String(counts['not-applicable']));
    } finally {
      await setUserSetting('statuses', undefined);
    }
    assert.ok(!(await groupLabels(api)).includes('Not applicable'));
  });

  it('opens the documentation of a tree row and copies its ID', async () => {
    const group = await groupRow(api, 'Needs QPT update');
    const patch = (await patchRows(api, group.node)).find((r) => r.label === 'ACSD-61103')!;
    const recorder = recordOpenedUrls(api);
    try {
      await vscode.commands.executeCommand('commercePatches.openDocs', patch.node);
      await vscode.commands.executeCommand('commercePatches.openDocs', { id: 'ACSD-90001' });
      await vscode.commands.executeCommand('commercePatches.openDocs', 'not an id');
    } finally {
      recorder.restore();
    }
    assert.deepEqual(recorder.urls, [
      'https://experienceleague.adobe.com/en/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login',
      'https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html#ACSD-90001',
    ]);
    // The search page cannot take the ID, so the command left it on the clipboard.
    const clip = await clipboardText();
    if (clip === undefined) {
      report('      (clipboard not readable in this workbench: copy checks skipped)');
      return;
    }
    assert.equal(clip, 'ACSD-90001');
    await vscode.commands.executeCommand('commercePatches.copyId', patch.node);
    assert.equal(await clipboardText(), 'ACSD-61103');
  });

  it('reveals a patch row from its ID and clears a filter that hides it', async () => {
    const provider = api.view.provider;
    provider.setFilter('cache');
    await vscode.commands.executeCommand('commercePatches.reveal', { id: 'MDVA-90007-V2' });
    assert.equal(provider.filter.active, false);
    const selected = await waitFor('selection', () => api.view.view.selection[0]);
    assert.equal(selected.kind, 'patch');
    assert.equal(selected.kind === 'patch' && selected.triaged.patch.id, 'MDVA-90007-V2');
    assert.equal(api.view.view.visible, true);
  });

  after(async () => {
    await setUserSetting('statuses', undefined);
    await setUserSetting('groupBy', undefined);
  });
});

/** Group labels of the only project, once a setting change has reached the tree. */
async function groupLabels(api: ExtensionApi): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 100));
  return (await projectGroups(api)).map((g) => g.label);
}
