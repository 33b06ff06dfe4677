// "Apply patch" as a user runs it: from the palette on a copy of the Cloud fixture store, with the fake QPT of
// test/fixtures/bin as the commercePatches.qptCommand setting (invented patches with requirements, a Docker-style
// command setting: what the real engine's data cannot be made to show; real-qpt.check.mjs runs the real engine).
// Screenshots of the quick pick, the confirmation and the result (notification, task terminal, Applied group).
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from '../../../tools/vscode-host/paths.mjs';

const FAKE_QPT = join(ROOT, 'test', 'fixtures', 'bin', 'fake-magento-patches');

/** A fresh copy of the Cloud fixture under the git-ignored .cache/ folder, set up for the fake QPT. */
function applyWorkspace(name) {
  const dir = join(CACHE, 'ui-workspaces', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'cloud-246p3'), dir, { recursive: true });
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  // A workspace value of the setting: a Docker-based store would put e.g. ["ddev", "exec", ...] here.
  writeFileSync(
    join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'commercePatches.qptCommand': [process.execPath, FAKE_QPT] }, null, 2),
  );
  return dir;
}

const folder = applyWorkspace('qpt-apply');
const yamlFolder = applyWorkspace('qpt-env-yaml');
const norm = (text) => text.replace(/\u00a0/g, ' ');

function fakeRuns() {
  const log = join(folder, '.fake-qpt.log');
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
}

async function openPatchesView(ui, localize, manifest) {
  const title = localize(manifest.contributes.viewsContainers.activitybar[0].title);
  await ui.stable(
    () => ui.activityBarTitles(),
    (titles) => titles.includes(title),
    30_000,
  );
  await ui.openViewContainer(title);
  return ui.stable(
    () => ui.treeRows(undefined, { wait: true }),
    (rows) => rows.length >= 3,
  );
}

export default [
  {
    name: 'apply patch from the palette (fake magento-patches)',
    folder,
    timeout: 120,
    async prepare() {
      // Invented status rows for the fixture's patches (the fake knows only the IDs it lists).
      const row = (Id, Status, Title, Category) => ({
        Id,
        Status,
        Title: `${Title}\n`,
        Category,
        Origin: 'Adobe Commerce Support',
        Details: 'Patch type: Optional',
      });
      writeFileSync(
        join(folder, '.fake-qpt.json'),
        JSON.stringify({
          status: [
            row('ACSD-90001', 'Not applied', 'Checkout totals shown twice', 'Order/Checkout'),
            row('ACSD-90002', 'Not applied', 'Slow admin order grid', 'Admin\nPerformance'),
            row('ACSD-90004', 'Not applied', 'Stale category pages', 'Cache'),
            row('MDVA-39305-V3', 'Applied', 'reCAPTCHA', 'Security'),
          ],
        }),
      );
    },
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.apply%')}`);
      const widget = ui.page.locator('.quick-input-widget');
      const rows = widget.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ timeout: 10_000 });
      const title = norm(await widget.locator('.quick-input-title').innerText());
      assert.match(title, /^Apply patches to Adobe Commerce 2\.4\.6-p3 · Cloud \(qpt-apply\)$/);
      // Every QPT patch that applies is offered: narrowed to the test catalog's own patches to read them.
      await ui.page.keyboard.type('ACSD-9000');
      await ui.settle();
      const offered = await ui.quickPickItems();
      assert.ok(offered.includes('ACSD-90002') && offered.includes('ACSD-90001'), offered.join(', '));
      assert.ok(!offered.includes('ACSD-61103'), 'a patch that needs a QPT update is offered');
      await ui.page.mouse.move(1, 400);
      await ui.screenshot('quick-pick');

      // Search by words of the title, tick the patch: the patch it requires is ticked with it.
      const input = widget.locator('.quick-input-box input');
      await input.fill('order grid');
      await ui.stable(
        () => ui.quickPickItems(),
        (items) => items.length === 1 && items[0] === 'ACSD-90002',
      );
      await rows.filter({ hasText: 'ACSD-90002' }).locator('.monaco-checkbox').click();
      // Back to the test catalog's own patches (every QPT patch is offered), where both ticks can be read.
      await input.fill('ACSD-9000');
      const checked = () =>
        rows.evaluateAll((els) =>
          els
            .filter((e) => e.getAttribute('aria-checked') === 'true')
            .map((e) => e.querySelector('.label-name')?.textContent?.trim()),
        );
      const ticked = await ui.stable(checked, (ids) => ids.length === 2);
      assert.deepEqual(ticked, ['ACSD-90001', 'ACSD-90002']);
      await ui.page.mouse.move(1, 400);
      await ui.screenshot('quick-pick-with-requirement');
      await widget.locator('.quick-input-action .monaco-button, .monaco-button', { hasText: 'OK' }).first().click();

      // The modal confirmation: what runs, where, and what it changes.
      const dialog = await ui.dialog({ timeout: 10_000 });
      assert.ok(dialog, 'no confirmation dialog');
      assert.equal(norm(dialog.message), 'Apply 2 patches to Adobe Commerce 2.4.6-p3 · Cloud?');
      assert.match(norm(dialog.detail), /changes files under vendor\//);
      assert.match(norm(dialog.detail), /apply -n ACSD-90001 ACSD-90002/);
      assert.deepEqual([...dialog.buttons].sort(), ['Add to .magento.env.yaml Instead', 'Apply', 'Cancel']);
      await ui.screenshot('confirmation');
      await ui.clickDialogButton('Apply');

      // The task runs in a terminal; the result is a notification; the status is read again.
      const toast = await ui.stable(
        () => ui.notifications(),
        (texts) => texts.some((t) => norm(t).startsWith('Applied ACSD-90001, ACSD-90002')),
        20_000,
      );
      assert.ok(
        toast.some((t) => norm(t) === 'Applied ACSD-90001, ACSD-90002 to Adobe Commerce 2.4.6-p3 · Cloud.'),
        toast.join(' | '),
      );
      await ui.stable(
        () => fakeRuns().length,
        (n) => n >= 2,
        10_000,
      );
      assert.deepEqual(fakeRuns(), [
        ['apply', '-n', 'ACSD-90001', 'ACSD-90002'],
        ['status', '--format=json'],
      ]);
      const terminal = norm(
        await ui.page
          .locator('.part.panel')
          .first()
          .innerText()
          .catch(() => ''),
      );
      assert.match(terminal, /Apply ACSD-90001 ACSD-90002/);
      await ui.screenshot('result');

      const tree = await ui.stable(
        () => ui.treeRows(undefined),
        (r) => r.some((x) => x.label === 'Applied'),
      );
      const applied = tree.find((r) => r.label === 'Applied');
      assert.equal(applied?.description, '3');
      await ui.clickRow('Applied');
      const after = await ui.stable(
        () => ui.treeRows(undefined),
        (r) => r.some((x) => x.label === 'MDVA-39305-V3'),
      );
      const appliedRows = after
        .slice(after.findIndex((r) => r.label === 'Applied') + 1, after.findIndex((r) => r.label === 'Applied') + 4)
        .map((r) => r.label);
      assert.deepEqual(appliedRows, ['ACSD-90001', 'ACSD-90002', 'MDVA-39305-V3']);
      await ui.screenshot('applied-group', { selector: '.part.sidebar' });
    },
  },
  {
    name: 'env yaml hover and diagnostics',
    folder: yamlFolder,
    async prepare() {
      // A deprecated patch at the end of the fixture's list.
      const file = join(yamlFolder, '.magento.env.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('      - ACSD-90004\n', '      - ACSD-90004\n      - ACSD-90003\n'),
      );
    },
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await ui.openFile('.magento.env.yaml');
      const hover = norm(await ui.hover('ACSD-90004'));
      assert.match(hover, /Applicable to Adobe Commerce 2\.4\.6-p3 · Cloud/);
      assert.match(hover, /Scheduled for the Cloud build in \.magento\.env\.yaml/);
      assert.match(hover, /Apply/);
      assert.match(hover, /Remove from \.magento\.env\.yaml/);
      await ui.screenshot('hover-with-actions');
      await ui.clearHover();
      // The deprecated entry is marked (squiggle, struck through); its ID hovers like any other.
      await ui.page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 10_000 });
      const marked = norm(await ui.hover('ACSD-90003'));
      assert.match(marked, /Deprecated for Adobe Commerce 2\.4\.6-p3 · Cloud: use ACSD-90004/);
      await ui.page.waitForTimeout(1000); // the marker's part of the hover comes a moment later
      await ui.screenshot('deprecated-entry');
      await ui.clearHover();
      // The Problems panel lists it.
      await ui.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      const problems = ui.page.locator('.part.panel .monaco-list-row', { hasText: 'ACSD-90003 is deprecated' });
      await problems.first().waitFor({ timeout: 10_000 });
      assert.match(norm(await problems.first().innerText()), /ACSD-90003 is deprecated: use ACSD-90004\./);
      await ui.screenshot('problems');
    },
  },
];
