// The Patches view, the hover and the status bar as a user sees them, on the fixture Cloud store.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from '../../../tools/vscode-host/paths.mjs';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'cloud-246p3');
const REALWORLD = process.env.COMMERCE_PATCHES_REALWORLD ?? join(ROOT, '..', 'shared', 'data', 'realworld');

/**
 * A copy of the Cloud fixture whose installed QPT metadata is the real 1.1.82 release (about 390 matching
 * patches), made under the git-ignored .cache/ folder: the real data is read at run time, never committed.
 */
function cloudWith1182() {
  const dir = join(CACHE, 'ui-workspaces', 'cloud-246p3-qpt-1.1.82');
  const qpt = join(dir, 'vendor', 'magento', 'quality-patches');
  if (!existsSync(join(REALWORLD, 'qpt-1.1.82'))) return undefined;
  mkdirSync(qpt, { recursive: true });
  for (const f of ['composer.json', 'composer.lock', '.magento.env.yaml']) copyFileSync(join(FIXTURE, f), join(dir, f));
  for (const f of ['support-patches.json', 'community-patches.json', 'patches-info.json']) {
    copyFileSync(join(REALWORLD, 'qpt-1.1.82', f), join(qpt, f));
  }
  return dir;
}

async function openPatchesView(ui, localize, manifest) {
  const title = localize(manifest.contributes.viewsContainers.activitybar[0].title);
  // On a fresh server the extension's contributions register a moment after the workbench shows.
  await ui.stable(
    () => ui.activityBarTitles(),
    (titles) => titles.includes(title),
    30_000,
  );
  await ui.openViewContainer(title);
  return title;
}

/** Waits until the tree shows its rows (the first triage runs when the view asks for them). */
/** Text as read from the page, with the non-breaking spaces of Markdown and editors made plain spaces. */
const norm = (text) => text.replace(/\u00a0/g, ' ');

async function rowsOf(ui, minimum = 2) {
  return ui.stable(
    () => ui.treeRows(undefined, { wait: true }),
    (rows) => rows.length >= minimum,
  );
}

/** The text of the first output channel line that matches `pattern`, read from the Output panel. */
async function outputLine(ui, channel, pattern) {
  await ui.runCommand('Output: Show Output Channels...');
  await ui.pickQuickPickItem(channel);
  const lines = ui.page.locator('.part.panel .view-lines');
  await lines.first().waitFor({ timeout: 10_000 });
  const text = await ui.stable(
    async () => norm(await lines.first().innerText()),
    (t) => pattern.test(t),
  );
  // Long lines wrap in the panel: match over the whole text.
  const line = pattern.exec(text.replace(/\s*\n\s*/g, ' '))?.[0];
  assert.ok(line, `no text matching ${pattern} in the "${channel}" output:\n${text}`);
  return line;
}

const bigWorkspace = cloudWith1182();

export default [
  {
    name: 'patches view on the Cloud fixture',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      let rows = await rowsOf(ui, 3);
      const [root] = rows;
      assert.equal(root.label, 'Adobe Commerce 2.4.6-p3 · Cloud');
      assert.equal(root.description, 'cloud-246p3');
      // The only project is a header row; its status groups follow at the same level.
      assert.equal(root.expanded, undefined);
      assert.equal(root.level, 1);
      await ui.screenshot('project-root', { selector: '.part.sidebar' });

      const applicable = rows.find((r) => r.label === 'Applicable');
      assert.ok(applicable, `no Applicable group in ${rows.map((r) => r.label).join(', ')}`);
      assert.match(applicable.description, /^\d+$/);
      assert.ok(Number(applicable.description) >= 7, `Applicable ${applicable.description}`);
      const needsUpdate = rows.find((r) => r.label === 'Needs QPT update');
      assert.ok(needsUpdate, 'no "Needs QPT update" group');
      // Every QPT patch newer than the installed 1.1.43 that applies here (the bundled facts know them all).
      assert.match(needsUpdate.description, /^\d+$/);
      assert.equal(needsUpdate.expanded, false);
      assert.equal(needsUpdate.level, 1);
      assert.equal(applicable.expanded, true);

      // The activity bar badge counts the applicable patches.
      const badge = await ui.page
        .locator('.part.activitybar .action-item:has(.action-label[aria-label^="Commerce Patches"]) .badge-content')
        .first()
        .innerText();
      assert.equal(badge.trim(), applicable.description);

      // Every QPT patch newer than the installed QPT is in that group: narrowed to the row this check reads.
      await ui.filterPatches(`${localize('%category%')}: ${localize('%command.filter%')}`, 'ACSD-61103');
      await ui.clickRow('Needs QPT update');
      rows = await rowsOf(ui, 3);
      const acsd = rows.find((r) => r.label === 'ACSD-61103');
      assert.ok(acsd, `no ACSD-61103 row in ${rows.map((r) => r.label).join(', ')}`);
      assert.match(acsd.description, /login|sign-in/i);
      await ui.screenshot('group-and-acsd-61103-row', { selector: '.part.sidebar' });

      // Its tooltip, by hovering the row.
      const tip = norm(await ui.rowTooltip('ACSD-61103'));
      assert.match(tip, /Categories: Customer, Web API/);
      assert.match(tip, /QPT version: 1\.1\.54 \(installed: 1\.1\.43\)/);
      await ui.screenshot('row-tooltip');

      // The inline actions of the row.
      const row = ui.page.locator('.part.sidebar .monaco-list-row', { hasText: 'ACSD-61103' }).first();
      const actions = await row
        .locator('.actions .action-label')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert.deepEqual(actions, [localize('%command.openDocs%'), localize('%command.copyId%')]);

      // The status bar item.
      const status = ui.page.locator('.part.statusbar .statusbar-item', { hasText: 'Adobe Commerce 2.4.6-p3' }).first();
      const statusText = (await status.innerText()).trim();
      assert.equal(statusText, `Adobe Commerce 2.4.6-p3 · Cloud · ${applicable.description} applicable`);
      await ui.screenshot('status-bar', { selector: '.part.statusbar' });
    },
  },
  {
    name: 'filter and group by in the title bar',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await rowsOf(ui, 3);
      const titleActions = () =>
        ui.page
          .locator('.part.sidebar .title-actions .action-label, .part.sidebar .pane-header .actions .action-label')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean));
      const before = await titleActions();
      for (const key of ['%command.filter%', '%command.groupFlat%', '%command.refresh%']) {
        assert.ok(before.includes(localize(key)), `title bar lacks "${localize(key)}": ${before.join(', ')}`);
      }
      assert.ok(!before.includes(localize('%command.clearFilter%')), 'Clear Filter shown without a filter');

      await ui.page
        .locator('.part.sidebar .action-label[aria-label="' + localize('%command.filter%') + '"]')
        .first()
        .click();
      const input = ui.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('cache');
      await ui.page.keyboard.press('Enter');
      await ui.settle();
      const message = norm(await ui.page.locator('.part.sidebar .message').first().innerText());
      assert.match(message, /Filter “cache”: \d+ of \d+ patches shown\./);
      const rows = await rowsOf(ui, 2);
      assert.ok(
        rows.every((r) => !/^ACSD-9000[12]$/.test(r.label)),
        rows.map((r) => r.label).join(', '),
      );
      assert.ok((await titleActions()).includes(localize('%command.clearFilter%')));
      await ui.screenshot('filtered', { selector: '.part.sidebar' });
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.clearFilter%')}`);
      assert.ok(!(await titleActions()).includes(localize('%command.clearFilter%')));
    },
  },
  {
    name: 'hover ACSD-61103 in a file',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await rowsOf(ui, 3);
      await ui.runCommand('File: New Untitled Text File');
      await ui.page.locator('.editor-instance .monaco-editor').first().click();
      await ui.page.keyboard.type('Patches to look at: ACSD-61103 and ACSD-12345678.');
      await ui.settle();
      const text = norm(await ui.hover('ACSD-61103'));
      assert.match(text, /ACSD-61103/);
      assert.match(text, /Categories: Customer, Web API/);
      assert.match(text, /Applicable to Adobe Commerce 2\.4\.6-p3 · Cloud after a QPT update/);
      assert.match(text, /Constraint: magento\/magento2-base >=2\.4\.6 <2\.4\.7/);
      assert.match(text, /Open documentation/);
      assert.match(text, /Reveal in sidebar/);
      await ui.screenshot('hover-acsd-61103');

      // "Reveal in sidebar" selects the row.
      await ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Reveal in sidebar' }).first().click();
      await ui.settle(600);
      const selected = await ui.page.locator('.part.sidebar .monaco-list-row.selected').first().innerText();
      assert.match(selected, /ACSD-61103/);
      await ui.screenshot('revealed-in-sidebar');

      await ui.clearHover();
      const unknown = norm(await ui.hover('ACSD-12345678'));
      assert.match(unknown, /ACSD-12345678 is not in the loaded patch catalogs\./);
      assert.match(unknown, /Search Adobe's patch list/);
      await ui.screenshot('hover-unknown-id');
    },
  },
  {
    name: 'hover a patch ID in the Cloud build settings',
    async run(ui) {
      await ui.openFile('.magento.env.yaml');
      const text = norm(await ui.hover('ACSD-90004'));
      assert.match(text, /ACSD-90004/);
      assert.match(text, /Applicable to Adobe Commerce 2\.4\.6-p3 · Cloud/);
      await ui.screenshot('hover-env-yaml');
    },
  },
  {
    name: 'open documentation goes to the article',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await rowsOf(ui, 3);
      await ui.filterPatches(`${localize('%category%')}: ${localize('%command.filter%')}`, 'ACSD-61103');
      await ui.clickRow('Needs QPT update');
      const row = ui.page.locator('.part.sidebar .monaco-list-row', { hasText: 'ACSD-61103' }).first();
      await row.hover();
      await row.locator(`.actions .action-label[aria-label="${localize('%command.openDocs%')}"]`).click();
      // The workbench asks before opening an external site; its dialog shows the exact URL it would open.
      const dialog = ui.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const detail = norm(await dialog.locator('.dialog-message-detail').innerText()).replace(/\s+/g, '');
      await ui.screenshot('open-external-dialog');
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      assert.equal(
        detail,
        'https://experienceleague.adobe.com/en/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login',
      );
    },
  },
  {
    name: 'display language Swedish: titles and documentation links',
    locale: 'sv',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      await rowsOf(ui, 3);
      await ui.runCommand('File: New Untitled Text File');
      await ui.page.locator('.editor-instance .monaco-editor').first().click();
      await ui.page.keyboard.type('ACSD-61103 ACSD-90001');
      await ui.settle();
      const text = norm(await ui.hover('ACSD-61103'));
      // The bundled catalog's Swedish title, not the English one.
      assert.doesNotMatch(text, /Customer failed-login count/);
      await ui.screenshot('hover-sv');
      const dialogUrl = async (linkText) => {
        await ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: linkText }).first().click();
        const dialog = ui.page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 10_000 });
        const url = norm(await dialog.locator('.dialog-message-detail').innerText()).replace(/\s+/g, '');
        await dialog
          .locator('.monaco-button')
          .filter({ hasText: /^(Cancel|Avbryt)$/ })
          .first()
          .click()
          .catch(() => ui.page.keyboard.press('Escape'));
        await ui.settle();
        return url;
      };
      assert.equal(
        await dialogUrl('Öppna dokumentationen'),
        'https://experienceleague.adobe.com/sv/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login',
      );
      await ui.clearHover();
      await ui.hover('ACSD-90001');
      // A patch without an article: the search page in Swedish. The dialog shortens addresses with a query, so
      // let it open the page (answered locally: no network needed) and read the address the browser got.
      const context = ui.page.context();
      await context.route('https://experienceleague.adobe.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>stub</title>' }),
      );
      try {
        await ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Öppna dokumentationen' }).first().click();
        const dialog = ui.page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 10_000 });
        const opened = context.waitForEvent('page', { timeout: 10_000 });
        await dialog
          .locator('.monaco-button')
          .filter({ hasText: /^(Open|Öppna)$/ })
          .first()
          .click();
        const page = await opened;
        await page.waitForURL(/experienceleague/, { timeout: 10_000 }).catch(() => {});
        const url = page.url();
        await page.close();
        assert.equal(
          url,
          'https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html?lang=sv-SE#ACSD-90001',
        );
      } finally {
        await context.unroute('https://experienceleague.adobe.com/**');
      }
    },
  },
  {
    name: 'welcome view for an unreadable composer.lock',
    folder: 'test/fixtures/broken-lock',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      const welcome = ui.page.locator('.part.sidebar .welcome-view-content');
      await welcome.first().waitFor({ timeout: 15_000 });
      const text = norm(await welcome.first().innerText());
      assert.match(text, /cannot be read/);
      await ui.screenshot('welcome-broken-lock', { selector: '.part.sidebar' });
      await welcome
        .locator('.monaco-button', { hasText: localize('%command.openLockProblem%') })
        .first()
        .click();
      await ui.page.locator('.tabs-container .tab.active', { hasText: 'composer.lock' }).waitFor({ timeout: 10_000 });
      const cursor = await ui.page.locator('.part.statusbar #status\\.editor\\.selection').first().innerText();
      assert.match(cursor, /Ln 10, Col 13/);
      // The error itself is in the Problems panel, at that spot.
      await ui.page
        .locator(`.part.sidebar .welcome-view-content .monaco-button`, { hasText: 'Show Problems' })
        .first()
        .click();
      const problems = ui.page.locator('.part.panel .markers-panel .monaco-list-row');
      await problems.first().waitFor({ timeout: 10_000 });
      const problemText = norm((await problems.allInnerTexts()).join('\n'));
      assert.match(problemText, /invalid JSON/);
      assert.match(problemText, /\[Ln 10, Col 13\]/);
      await ui.screenshot('broken-lock-opened-at-error');
    },
  },
  {
    name: 'welcome view for composer.json without composer.lock',
    folder: 'test/fixtures/composer-json-only',
    async run(ui, { manifest, localize }) {
      await openPatchesView(ui, localize, manifest);
      const welcome = ui.page.locator('.part.sidebar .welcome-view-content');
      await welcome.first().waitFor({ timeout: 15_000 });
      assert.match(await welcome.first().innerText(), /composer install/);
      await ui.screenshot('welcome-composer-json-only', { selector: '.part.sidebar' });
    },
  },
  {
    name: 'speed with the QPT 1.1.82 catalog',
    folder: bigWorkspace ?? 'test/fixtures/cloud-246p3',
    timeout: 120,
    async run(ui, { manifest, localize }) {
      if (bigWorkspace === undefined) {
        console.log('      skipped: real-world data not found beside the repository');
        return;
      }
      await openPatchesView(ui, localize, manifest);
      const rows = await rowsOf(ui, 3);
      const applicable = rows.find((r) => r.label === 'Applicable');
      assert.ok(Number(applicable?.description) > 300, `Applicable ${applicable?.description}`);
      // Category sub-groups under the large group.
      const firstCategory = rows[rows.indexOf(applicable) + 1];
      assert.equal(firstCategory?.level, 2);
      assert.equal(firstCategory?.expanded, false, 'the row under Applicable is not a (collapsed) category');
      await ui.screenshot('tree-qpt-1.1.82', { selector: '.part.sidebar' });
      // Cold start with the view open: reload the window, then read the extension's own figure.
      await ui.runCommand('Developer: Reload Window');
      await ui.page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60_000 });
      await rowsOf(ui, 3);
      const line = await outputLine(ui, 'Commerce Patches', /Patches view filled [\d,]+ ms after activation.*/);
      const analysed = await outputLine(
        ui,
        'Commerce Patches',
        /[\d,]+ catalog patches, [\d,]+ applicable, read in [\d,]+ ms/,
      );
      console.log(`      speed: ${line.trim()} | ${analysed.trim().replace(/^.*composer\.lock: /, '')}`);
      await ui.screenshot('output-timings');
    },
  },
];
