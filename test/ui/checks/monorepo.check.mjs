// Reveal in Sidebar as a user meets it in a workspace with two stores: from the hover, before the Patches view
// has ever been opened (the reveal opens it while its rows are still loading).
import * as assert from 'node:assert/strict';

/** Text as read from the page, with the non-breaking spaces of Markdown and editors made plain spaces. */
const norm = (text) => text.replace(/\u00a0/g, ' ');

export default [
  {
    name: 'monorepo reveal from the hover',
    folder: 'test/fixtures/monorepo',
    async run(ui, { manifest, localize }) {
      const title = localize(manifest.contributes.viewsContainers.activitybar[0].title);
      await ui.waitForActivityBarItem(title);
      await ui.runCommand('File: New Untitled Text File');
      await ui.page.locator('.editor-instance .monaco-editor').first().click();
      await ui.page.keyboard.type('See ACSD-61103.');
      await ui.settle();
      const text = norm(await ui.hover('ACSD-61103'));
      assert.match(text, /Applicable to Adobe Commerce 2\.4\.6-p8 · B2B — monorepo\/stores\/b/);
      await ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Reveal in sidebar' }).first().click();
      const selected = await ui.stable(
        async () => {
          const row = ui.page.locator('.part.sidebar .monaco-list-row.selected');
          return (await row.count()) > 0 ? row.first().innerText() : '';
        },
        (t) => /ACSD-61103/.test(t),
        20_000,
      );
      assert.match(selected, /ACSD-61103/);
      assert.ok((await ui.sideBarTitle()).startsWith(title));
      await ui.screenshot('revealed-in-store-b', { selector: '.part.sidebar' });
    },
  },
];
