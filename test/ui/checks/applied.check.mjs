// The applied state as a user sees it on test/fixtures/applied-store (applied, conflicting and local patches, and
// decisions): the state groups and a conflict's tooltip, Show Patch Changes from a Local patches row's context menu,
// and the Skipped group with the decisions' notes.
import * as assert from 'node:assert/strict';

const FOLDER = 'test/fixtures/applied-store';

/** Opens the Patches view and waits until the applied check is done (its groups are there). */
async function appliedView(ui, { manifest, localize }) {
  await ui.openContributedContainer(localize(manifest.contributes.viewsContainers.activitybar[0].title));
  return ui.stable(
    () => ui.treeRows(undefined, { wait: true }),
    (rows) => rows.some((r) => r.label === 'Conflicts') && !rows.some((r) => /checking/.test(r.description)),
    30_000,
  );
}

export default [
  {
    name: 'applied state groups and a conflict tooltip',
    folder: FOLDER,
    async run(ui, ctx) {
      const rows = await appliedView(ui, ctx);
      const groups = rows.filter((r) => r.level === 1).map((r) => `${r.label} ${r.description}`);
      for (const group of ['Applied 1', 'Conflicts 1', 'Skipped 2', 'Local patches 3'])
        assert.ok(groups.includes(group), `${group} among ${groups.join(', ')}`);
      await ui.clickRow('Conflicts');
      const tip = (await ui.rowTooltip('ACSD-91003')).replace(/\s+/g, ' ');
      assert.match(tip, /hunk 1 of vendor\/magento\/framework\/Export\.php does not match at line 1/);
      await ui.screenshot('states', { selector: '.part.sidebar' });
    },
  },
  {
    name: 'Show Patch Changes from a local patch row',
    folder: FOLDER,
    async run(ui, ctx) {
      await appliedView(ui, ctx);
      await ui.clickRow('Local patches');
      const missing = await ui.rowMenu('patches/rounding.patch', ctx.localize('%command.showChanges%'));
      assert.equal(missing, undefined, `the row's menu offers ${missing?.join(', ')}`);
      const tab = ui.page.locator('.part.editor .tab.active');
      await ui.stable(
        () => tab.innerText(),
        (text) => text.includes('rounding.patch: Rounding.php (now ↔ with the patch)'),
      );
      await ui.page.locator('.monaco-diff-editor .view-lines').first().waitFor({ timeout: 10_000 });
      const lines = await ui.stable(
        () => ui.page.locator('.monaco-diff-editor .editor.modified .view-lines').first().innerText(),
        (text) => text.includes('round($total, 2)'),
      );
      assert.ok(!lines.includes('round($total, 1)'), lines);
      await ui.screenshot('show-changes');
    },
  },
  {
    name: 'Skipped group with the decision notes',
    folder: FOLDER,
    async run(ui, ctx) {
      await appliedView(ui, ctx);
      await ui.clickRow('Skipped');
      const rows = await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (r) => r.some((x) => x.label === 'ACP2E-3753'),
      );
      const row = rows.find((r) => r.label === 'ACP2E-3753');
      assert.equal(row.description.replace(/\s+/g, ' '), 'Product alert emails are turned off on this store.');
      await ui.screenshot('skipped', { selector: '.part.sidebar' });
    },
  },
];
