// "Apply patch" as a user runs it against Adobe's real QPT engine: an Open Source 2.4.7-p1 store (a copy of the
// fixture in a temporary folder outside any git work tree) with the engine and PHP installed by
// ../shared/tools/real-qpt, and the vendor files of ACP2E-3705 rebuilt from the patch. Screenshots of the
// confirmation and of the Applied group after it; git judges that the vendor files changed.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { CACHE, ROOT } from '../../../tools/vscode-host/paths.mjs';

/** test/support/realQpt.ts, bundled for this plain-JavaScript check. */
function realQptSupport() {
  const outfile = join(CACHE, 'ui-support', 'realQpt.cjs');
  mkdirSync(join(CACHE, 'ui-support'), { recursive: true });
  buildSync({
    entryPoints: [join(ROOT, 'test', 'support', 'realQpt.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

const PATCH = 'os/ACP2E-3705_2.4.7-p4_v2.patch';
const folder = mkdtempSync(join(tmpdir(), 'ui-real-qpt-'));
const norm = (text) => text.replace(/\u00a0/g, ' ');
let store;

export default [
  {
    name: 'apply patch with the real QPT engine',
    folder,
    timeout: 300,
    async prepare() {
      const { realStore } = realQptSupport();
      store = realStore('os-247p1', { into: join(folder, 'store'), seed: [PATCH] });
    },
    async run(ui, { manifest, localize }) {
      const { gitAccepts } = realQptSupport();
      const title = localize(manifest.contributes.viewsContainers.activitybar[0].title);
      await ui.stable(
        () => ui.activityBarTitles(),
        (titles) => titles.includes(title),
        30_000,
      );
      await ui.openViewContainer(title);
      await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (rows) => rows.length >= 3,
      );
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.apply%')}`);

      const widget = ui.page.locator('.quick-input-widget');
      const rows = widget.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ timeout: 20_000 });
      await widget.locator('.quick-input-box input').fill('ACP2E-3705');
      await ui.stable(
        () => ui.quickPickItems(),
        (items) => items.includes('ACP2E-3705'),
      );
      await widget.getByRole('checkbox', { name: 'ACP2E-3705', exact: true }).click();
      await widget.locator('.quick-input-action .monaco-button, .monaco-button', { hasText: 'OK' }).first().click();

      const dialog = await ui.dialog({ timeout: 10_000 });
      assert.ok(dialog, 'no confirmation dialog');
      assert.equal(norm(dialog.message), 'Apply ACP2E-3705 to Magento Open Source 2.4.7-p1?');
      assert.match(norm(dialog.detail), /Command: php vendor\/bin\/magento-patches apply -n ACP2E-3705/);
      await ui.screenshot('confirmation');
      await ui.clickDialogButton('Apply');

      const toast = await ui.stable(
        () => ui.notifications(),
        (texts) => texts.some((t) => norm(t).startsWith('Applied ACP2E-3705')),
        180_000,
      );
      assert.ok(
        toast.some((t) => norm(t) === 'Applied ACP2E-3705 to Magento Open Source 2.4.7-p1.'),
        toast.join(' | '),
      );
      assert.ok(gitAccepts(store, PATCH, true), 'git apply --check --reverse: the vendor files hold the patch');

      const tree = await ui.stable(
        () => ui.treeRows(undefined),
        (r) => r.some((x) => x.label === 'Applied'),
        60_000,
      );
      assert.equal(tree.find((r) => r.label === 'Applied')?.description, '1');
      // The status bar counts as the Applicable group does: the applied patch left both.
      const applicable = tree.find((r) => r.label === 'Applicable')?.description;
      const bar = await ui.stable(
        () => ui.page.locator('.part.statusbar').innerText(),
        (text) => norm(text).includes(`${applicable} applicable`),
        20_000,
      );
      assert.ok(norm(bar).includes(`· ${applicable} applicable`), bar);
      await ui.clickRow('Applied');
      await ui.stable(
        () => ui.treeRows(undefined),
        (r) => r.some((x) => x.label === 'ACP2E-3705'),
      );
      await ui.screenshot('applied-group', { selector: '.part.sidebar' });
      store.remove();
    },
  },
];
