// The extension in Japanese, as a user sees it: code-server starts with --locale ja (the runner declares a
// language pack without translations, so VS Code's own menus stay English while the workbench, the extension
// host and the extension's package.nls.ja.json / bundle.l10n.ja.json switch to Japanese). Screenshots of the
// tree, the row tooltip, the hover and the status bar go to test-results/.
import * as assert from 'node:assert/strict';

/** Text as read from the page, with the non-breaking spaces of Markdown and editors made plain spaces. */
const norm = (text) => text.replace(/\u00a0/g, ' ');

const ARTICLE =
  'https://experienceleague.adobe.com/ja/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login';
const TITLE_JA = 'API でのログイン成功後も顧客のログイン失敗回数が残る';

/** The hover over `word`, once any earlier hover has closed (the editor keeps one open for a moment). */
async function hoverOn(ui, word) {
  await ui.clearHover();
  await ui.page
    .locator('.monaco-hover:not(.hidden)')
    .filter({ hasText: /\S/ })
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  const text = norm(await ui.hover(word));
  assert.ok(text.startsWith(word), `the hover is not about ${word}: ${text.slice(0, 80)}`);
  return text;
}

async function openPatchesView(ui, { manifest, localize }) {
  const title = localize(manifest.contributes.viewsContainers.activitybar[0].title);
  assert.equal(title, 'Commerce パッチ');
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
    name: 'Japanese: tree, row tooltip and status bar',
    locale: 'ja',
    async run(ui, ctx) {
      let rows = await openPatchesView(ui, ctx);
      const labels = rows.map((r) => r.label);
      assert.equal(labels[0], 'Adobe Commerce 2.4.6-p3 · Cloud');
      for (const group of ['適用可能', 'QPT の更新が必要', '非推奨 / 置き換え済み']) {
        assert.ok(labels.includes(group), `no group "${group}" in ${labels.join(', ')}`);
      }
      // The view's title-bar actions carry the Japanese command titles.
      const actions = await ui.page
        .locator('.part.sidebar .title-actions .action-label, .part.sidebar .pane-header .actions .action-label')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean));
      for (const key of ['%command.filter%', '%command.refresh%']) {
        assert.ok(actions.includes(ctx.localize(key)), `title bar lacks "${ctx.localize(key)}": ${actions.join(', ')}`);
      }
      assert.ok(actions.includes('パッチのフィルター…') && actions.includes('最新の情報に更新'), actions.join(', '));

      // The Applicable count before the view is narrowed to the row read below (the status bar gives the same).
      const applicable = rows.find((r) => r.label === '適用可能');
      assert.ok(applicable, rows.map((r) => r.label).join(', '));
      await ui.filterPatches(`${ctx.localize('%category%')}: ${ctx.localize('%command.filter%')}`, 'ACSD-61103');
      await ui.clickRow('QPT の更新が必要');
      rows = await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (r) => r.some((x) => x.label === 'ACSD-61103'),
      );
      const acsd = rows.find((r) => r.label === 'ACSD-61103');
      assert.equal(norm(acsd.description), TITLE_JA);
      await ui.screenshot('tree', { selector: '.part.sidebar' });

      const tip = norm(await ui.rowTooltip('ACSD-61103'));
      assert.match(tip, /カテゴリ: Customer, Web API/);
      assert.match(tip, /影響を受けるコンポーネント: magento\/framework, magento\/module-customer/);
      assert.match(tip, /QPT バージョン: 1\.1\.54 \(インストール済み: 1\.1\.43\)/);
      assert.match(tip, /顧客が REST または GraphQL API/);
      await ui.screenshot('row-tooltip');
      // The row's inline actions.
      const row = ui.page.locator('.part.sidebar .monaco-list-row', { hasText: 'ACSD-61103' }).first();
      const inline = await row
        .locator('.actions .action-label')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert.deepEqual(inline, ['ドキュメントを開く', 'パッチ ID のコピー']);

      const status = ui.page.locator('.part.statusbar .statusbar-item', { hasText: 'Adobe Commerce 2.4.6-p3' }).first();
      assert.equal(
        norm((await status.innerText()).trim()),
        `Adobe Commerce 2.4.6-p3 · Cloud · 適用可能 ${applicable.description} 件`,
      );
      await ui.screenshot('status-bar', { selector: '.part.statusbar' });
    },
  },
  {
    name: 'Japanese: ACSD-61103 hover and its article',
    locale: 'ja',
    async run(ui, ctx) {
      await openPatchesView(ui, ctx);
      await ui.runCommand('File: New Untitled Text File');
      await ui.page.locator('.editor-instance .monaco-editor').first().click();
      await ui.page.keyboard.type('ACSD-61103\n\n\n\n\n\n\n\n\n\n\n\nACSD-90001');
      await ui.settle();
      const text = await hoverOn(ui, 'ACSD-61103');
      assert.match(text, new RegExp(`ACSD-61103 ${TITLE_JA}`));
      assert.match(text, /QPT の更新後、Adobe Commerce 2\.4\.6-p3 · Cloud に適用可能/);
      assert.match(text, /カテゴリ: Customer, Web API/);
      assert.match(text, /制約: magento\/magento2-base >=2\.4\.6 <2\.4\.7/);
      assert.match(text, /修正リリース: 2\.4\.8/);
      assert.match(text, /ドキュメントを開く/);
      assert.match(text, /サイド バーに表示/);
      await ui.screenshot('hover');

      // A patch the catalog knows in English only: its English title among Japanese labels.
      const english = await hoverOn(ui, 'ACSD-90001');
      assert.match(english, /ACSD-90001 Fixes the issue where the checkout totals are shown twice/);
      assert.match(english, /Adobe Commerce 2\.4\.6-p3 · Cloud に適用可能/);
      await ui.screenshot('hover-english-only-patch');

      // The documentation link opens the Japanese article; the workbench's confirmation shows the exact URL.
      await hoverOn(ui, 'ACSD-61103');
      await ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'ドキュメントを開く' }).first().click();
      const dialog = ui.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      const url = norm(await dialog.locator('.dialog-message-detail').innerText()).replace(/\s+/g, '');
      await ui.screenshot('open-article-dialog');
      await dialog
        .locator('.monaco-button')
        .filter({ hasText: /^(Cancel|キャンセル)$/ })
        .first()
        .click()
        .catch(() => ui.page.keyboard.press('Escape'));
      assert.equal(url, ARTICLE);
    },
  },
];
