// `npm run screenshots`: regenerates the README's screenshots in media/screenshots/ from the real extension.
// Packages the VSIX (npm run package), installs it into a fresh code-server, opens the sample store
// (test/fixtures/sample-store) in headless Chromium at 1280×800 and takes each picture the way a user would get
// there: the Patches view, a hover in .magento.env.yaml, the Apply quick pick and its confirmation (cancelled:
// nothing runs), and the view and a hover in Japanese. The applied state (groups, a conflict's tooltip, Show Patch
// Changes) and the Skipped group are taken on test/fixtures/applied-store. Each PNG is cropped to the part that
// matters; the script warns about any over MAX_BYTES.
//
// Usage: node tools/vscode-host/screenshots.mjs [--locale=LANG] [--only=NAME] [--vsix=PATH] [--out=FOLDER]
//   --locale  take only the pictures of this display language (en or ja)
//   --only    take only the pictures whose file name contains NAME
//   --vsix    install this VSIX instead of packaging one
//   --out     write the PNGs here instead of media/screenshots/
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { localizer } from './nls.mjs';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { ensureTools } from './install.mjs';
import { ROOT, TEST_RESULTS } from './paths.mjs';
import { cleanupAll } from './processes.mjs';
import { createRunDir, installExtension, startCodeServer } from './server.mjs';
import { MANIFEST, packageVsix } from './vsix.mjs';
import { Workbench } from './driver.mjs';

const STORE = join(ROOT, 'test', 'fixtures', 'sample-store');
/** A store whose vendor files hold applied, conflicting and local patches, and a decisions file. */
const APPLIED_STORE = join(ROOT, 'test', 'fixtures', 'applied-store');
const VIEWPORT = { width: 1280, height: 800 };
const MAX_BYTES = 150 * 1024;
/** Settings for pictures that look the same on every machine. */
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'breadcrumbs.enabled': false,
  'workbench.editor.empty.hint': 'hidden',
  'editor.hover.delay': 300,
  // Show Patch Changes side by side, as on a desktop screen, beside the Patches view.
  'diffEditor.useInlineViewWhenSpaceIsLimited': false,
};
const log = (msg) => console.log(`[screenshots] ${msg}`);

function parseArgs(argv) {
  const opts = { locale: undefined, only: '', vsix: undefined, out: join(ROOT, 'media', 'screenshots') };
  for (const arg of argv) {
    const [key, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (key === '--locale' && value) opts.locale = value;
    else if (key === '--only' && value) opts.only = value;
    else if (key === '--vsix' && value) opts.vsix = resolve(value);
    else if (key === '--out' && value) opts.out = isAbsolute(value) ? value : resolve(ROOT, value);
    else throw new Error(`unknown argument "${arg}" (see the usage at the top of tools/vscode-host/screenshots.mjs)`);
  }
  return opts;
}

// ---- Taking the pictures ----------------------------------------------------------------------------------

async function openPatchesView(ui, localize) {
  await ui.openContributedContainer(localize(MANIFEST.contributes.viewsContainers.activitybar[0].title));
  return ui.stable(
    () => ui.treeRows(),
    (rows) => rows.length >= 4,
    30_000,
  );
}

/** Drags the side bar's edge so titles fit beside the patch IDs. */
async function widenSideBar(ui, width) {
  const box = await ui.page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  await ui.page.mouse.move(edge + 1, box.y + box.height / 2);
  await ui.page.mouse.down();
  await ui.page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await ui.page.mouse.up();
  await ui.settle();
}

/** A row of the view, found by its exact label. */
function rowLabelled(ui, label) {
  return ui.page.locator('.part.sidebar .monaco-list-row').filter({
    has: ui.page.locator('.label-name, .monaco-highlighted-label', {
      hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    }),
  });
}

/** Expands (or, with `open` false, collapses) a row of the view, found by its exact label. */
async function expand(ui, label, open = true) {
  const row = rowLabelled(ui, label);
  await row.first().waitFor({ timeout: 10_000 });
  if ((await row.first().getAttribute('aria-expanded')) === String(!open)) await row.first().click();
  await ui.settle();
}

/** The Patches view on the applied store once its applied check is done (the state groups are there). */
async function appliedStoreView(ui, { localize, collapse, groups }) {
  await openPatchesView(ui, localize);
  await ui.stable(
    () => ui.treeRows(),
    (rows) => rows.some((r) => r.label === 'Conflicts') && !rows.some((r) => /checking/.test(r.description)),
    30_000,
  );
  await widenSideBar(ui, 560);
  for (const label of collapse) await expand(ui, label, false);
  for (const label of groups) await expand(ui, label);
}

/** The activity bar and the side bar down to its last row, with the tooltip of the row labelled `label` if given. */
async function sideBarWithTooltip(ui, label, shoot) {
  await ui.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
  let tip = { x: 0, y: 0, width: 0, height: 0 };
  if (label !== undefined) {
    await ui.rowTooltip(label);
    tip = await ui.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: label }).last().boundingBox();
  } else await ui.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  const bar = await ui.page.locator('.part.activitybar').boundingBox();
  const side = await ui.page.locator('.part.sidebar').boundingBox();
  const last = await ui.page.locator('.part.sidebar .monaco-list-row').last().boundingBox();
  const right = Math.min(VIEWPORT.width, Math.max(side.x + side.width, tip.x + tip.width + 8));
  const bottom = Math.min(side.y + side.height, Math.max(last.y + last.height, tip.y + tip.height) + 16);
  await shoot({ x: bar.x, y: side.y, width: right - bar.x, height: bottom - side.y });
}

/** The tree with a category, the "Needs QPT update" group and the scheduled patches open. */
async function treeShot(ui, { localize, shoot, groups }) {
  await openPatchesView(ui, localize);
  await widenSideBar(ui, 600);
  for (const label of groups) await expand(ui, label);
  // No selected row: Escape clears the selection, a click into the editor area takes the focus away.
  await ui.page.keyboard.press('Escape');
  await ui.page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
  await ui.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  const box = await ui.page.locator('.part.sidebar').boundingBox();
  const bar = await ui.page.locator('.part.activitybar').boundingBox();
  // Activity bar (with the view's badge) and side bar, down to the status bar.
  await shoot({ x: bar.x, y: box.y, width: box.x + box.width - bar.x, height: box.height });
}

/** A hover, cropped to the editor tab, the hovered word's line and the hover itself. */
async function hoverShot(ui, { word, shoot }) {
  // The whole width for the editor, so the hover is not squeezed.
  if (await ui.page.locator('.part.sidebar').isVisible()) await ui.runCommand('View: Close Primary Side Bar');
  await ui.hover(word);
  const hover = await ui.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last().boundingBox();
  const editor = await ui.page.locator('.editor-instance .monaco-editor').first().boundingBox();
  const tabs = await ui.page.locator('.part.editor .title').first().boundingBox();
  const at = await ui.wordBox(word);
  if (!at) throw new Error(`"${word}" is not on screen`);
  const top = Math.min(tabs?.y ?? editor.y, hover.y) - 4;
  const left = Math.max(0, Math.min(editor.x, hover.x) - 4);
  const right = Math.min(VIEWPORT.width, Math.max(hover.x + hover.width, at.x + at.width, editor.x + 560) + 16);
  const bottom = Math.min(VIEWPORT.height, Math.max(hover.y + hover.height, at.y + at.height) + 8);
  await shoot({ x: left, y: top, width: right - left, height: bottom - top });
}

/** A fresh untitled editor holding `text`. */
async function untitled(ui, text) {
  await ui.runCommand('File: New Untitled Text File');
  await ui.page.locator('.editor-instance .monaco-editor').first().click();
  await ui.page.keyboard.insertText(text);
  await ui.settle();
}

/** A picture of the Patches view on the applied store: `groups` open (Applicable closed), `tooltip`'s row hovered. */
function appliedStoreShot(file, what, groups, tooltip) {
  return {
    file,
    locale: 'en',
    folder: APPLIED_STORE,
    what,
    async run(ui, { localize, shoot }) {
      await appliedStoreView(ui, { localize, collapse: ['Applicable'], groups });
      await sideBarWithTooltip(ui, tooltip, shoot);
    },
  };
}

const SHOTS = [
  {
    file: 'tree.png',
    locale: 'en',
    what: 'the Patches view on the sample store: status groups with counts (applicable by category, needs QPT update, deprecated, scheduled in .magento.env.yaml), the activity-bar badge',
    run: (ui, ctx) => treeShot(ui, { ...ctx, groups: ['GraphQL', 'Needs QPT update'] }),
  },
  {
    file: 'hover.png',
    locale: 'en',
    what: 'the hover on a patch ID in .magento.env.yaml: title, status for this store, what it requires, the matching constraint, links',
    async run(ui, { shoot }) {
      await ui.openFile('.magento.env.yaml');
      await hoverShot(ui, { word: 'ACSD-50336', shoot });
    },
  },
  {
    file: 'apply-pick.png',
    locale: 'en',
    what: 'Apply Patch…: the quick pick of the applicable patches, searched by a word of the titles and details, one ticked with the two patches it requires',
    async run(ui, { localize, shoot, state }) {
      await openPatchesView(ui, localize);
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.apply%')}`);
      const widget = ui.page.locator('.quick-input-widget');
      const rows = widget.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ timeout: 10_000 });
      const input = widget.locator('.quick-input-box input');
      await input.fill('ACSD-51358');
      await ui.stable(
        () => ui.quickPickItems(),
        (items) => items.length === 1,
      );
      await rows.filter({ hasText: 'ACSD-51358' }).locator('.monaco-checkbox').click();
      // Searching words of the titles shows the ticked patches together.
      await input.fill('scheduled');
      await ui.stable(
        () => rows.evaluateAll((els) => els.filter((e) => e.getAttribute('aria-checked') === 'true').length),
        (n) => n >= 3,
      );
      await ui.page.mouse.move(5, VIEWPORT.height - 5);
      await ui.settle();
      const box = await widget.boundingBox();
      await shoot({ x: box.x - 8, y: Math.max(0, box.y - 8), width: box.width + 16, height: box.height + 16 });
      state.pickOpen = true;
    },
  },
  {
    file: 'apply-confirm.png',
    locale: 'en',
    what: 'Apply Patch…: the confirmation: what QPT changes, the Cloud caveat, the exact command and folder; Apply, or add to .magento.env.yaml instead',
    needs: 'apply-pick.png',
    async run(ui, { shoot, state }) {
      if (!state.pickOpen) throw new Error('apply-confirm.png follows apply-pick.png (the quick pick must be open)');
      await ui.page.keyboard.press('Enter');
      const dialog = ui.page.locator('.monaco-dialog-box');
      await dialog.first().waitFor({ timeout: 10_000 });
      await ui.page.mouse.move(5, VIEWPORT.height - 5);
      const box = await dialog.first().boundingBox();
      await shoot({ x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 });
      await ui.clickDialogButton('Cancel');
    },
  },
  {
    file: 'plan.png',
    locale: 'en',
    what: 'Plan Upgrade…: the Markdown report for 2.4.6-p3 → 2.4.7-p4 in the preview: the blocker in .magento.env.yaml first, then the other sections',
    async run(ui, { localize, shoot }) {
      await openPatchesView(ui, localize);
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.planUpgrade%')}`);
      const widget = ui.page.locator('.quick-input-widget');
      await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
      await widget.locator('.quick-input-box input').fill('2.4.7-p4');
      await ui.stable(
        () => ui.quickPickItems(),
        (items) => items.length === 1,
      );
      await ui.page.keyboard.press('Enter');
      // The preview opens over the untitled report (which stays in its tab, to save or copy); show it wide.
      await ui.page.locator('.part.editor .tab', { hasText: 'Preview' }).first().waitFor({ timeout: 15_000 });
      await ui.runCommand('View: Close Primary Side Bar');
      // The preview is a webview (an iframe in an iframe): wait until it shows the report's heading again.
      const heading = ui.page.frameLocator('iframe.webview').first().frameLocator('iframe').first().locator('h2');
      await heading.first().waitFor({ timeout: 15_000 });
      await ui.settle(1000);
      await ui.page.mouse.move(5, VIEWPORT.height - 5);
      const box = await ui.page.locator('.part.editor').boundingBox();
      await shoot({ x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 560) });
    },
  },
  {
    file: 'browse.png',
    locale: 'en',
    what: "Browse Patches for a Release…: the Patches view filled with the patches of Magento Open Source 2.4.7-p4, labelled as not the workspace's store",
    async run(ui, { localize, shoot }) {
      await openPatchesView(ui, localize);
      await ui.runCommand(`${localize('%category%')}: ${localize('%command.browseRelease%')}`);
      for (const choice of ['2.4.7-p4', 'Magento Open Source']) {
        const widget = ui.page.locator('.quick-input-widget');
        await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
        await widget.locator('.quick-input-box input').fill(choice);
        await ui.stable(
          () => ui.quickPickItems(),
          (items) => items.length === 1,
        );
        await ui.page.keyboard.press('Enter');
      }
      await ui.stable(
        () => ui.treeRows(),
        (rows) => rows.some((r) => r.label === 'Release: Magento Open Source 2.4.7-p4'),
        30_000,
      );
      await widenSideBar(ui, 460);
      await ui.settle(800);
      await ui.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
      const box = await ui.page.locator('.part.sidebar').boundingBox();
      await shoot({ x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 560) });
    },
  },
  appliedStoreShot(
    'states.png',
    "the applied state checked by the extension: the Applied, Conflicts and Local patches groups with their state icons, and a conflict's tooltip naming the hunk that does not match",
    ['Applied', 'Conflicts', 'Local patches'],
    'ACSD-91003',
  ),
  {
    file: 'show-changes.png',
    locale: 'en',
    folder: APPLIED_STORE,
    what: "Show Patch Changes from a Local patches row's context menu: the diff editor, the vendor file now against the file with the patch",
    async run(ui, { localize, shoot }) {
      await appliedStoreView(ui, { localize, collapse: ['Applicable'], groups: ['Local patches'] });
      const missing = await ui.rowMenu('patches/rounding.patch', localize('%command.showChanges%'));
      if (missing) throw new Error(`no Show Patch Changes in the row's menu: ${missing.join(', ')}`);
      await ui.page.locator('.part.editor .tab', { hasText: 'Rounding.php' }).first().waitFor({ timeout: 10_000 });
      await ui.page.locator('.monaco-diff-editor .view-lines').first().waitFor({ timeout: 10_000 });
      await ui.settle(800);
      await ui.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
      const bar = await ui.page.locator('.part.activitybar').boundingBox();
      const editor = await ui.page.locator('.part.editor').boundingBox();
      await shoot({
        x: bar.x,
        y: editor.y,
        width: editor.x + editor.width - bar.x,
        height: Math.min(editor.height, 420),
      });
    },
  },
  appliedStoreShot(
    'skipped.png',
    "the Skipped group: the patches the team decided to skip in .commerce-patches.yaml, each row showing the decision's note",
    ['Skipped'],
  ),
  {
    file: 'tree-ja.png',
    locale: 'ja',
    what: 'the Patches view in Japanese (display language ja): group names, the Japanese title of ACSD-61103',
    run: (ui, ctx) => treeShot(ui, { ...ctx, groups: ['GraphQL', 'QPT の更新が必要'] }),
  },
  {
    file: 'hover-ja.png',
    locale: 'ja',
    what: 'the hover on ACSD-61103 in Japanese: title, status, constraint, links to the Japanese article',
    async run(ui, { localize, shoot }) {
      await openPatchesView(ui, localize);
      await untitled(ui, 'ログイン失敗回数の件は ACSD-61103 を確認すること。\n');
      await hoverShot(ui, { word: 'ACSD-61103', shoot });
    },
  },
];

// ---- Running them ---------------------------------------------------------------------------------------

async function runLocale(locale, shots, vsix, out) {
  const run = createRunDir(`shots-${locale}`, SETTINGS);
  installExtension(run, vsix);
  const server = await startCodeServer(run, { folder: STORE, locale: locale === 'en' ? undefined : locale });
  const { context } = await launchBrowser(run, { locale: locale === 'en' ? undefined : locale, viewport: VIEWPORT });
  const localize = localizer(locale);
  const results = [];
  try {
    let page;
    let ui;
    const state = {};
    for (const shot of shots) {
      // A shot that continues another keeps its page; the others start from a fresh window.
      if (!shot.needs || !ui) {
        await page?.close().catch(() => {});
        page = await context.newPage();
        ui = new Workbench(page, { resultsDir: TEST_RESULTS, prefix: `screenshot-${shot.file.replace(/\.png$/, '')}` });
        await ui.open(workbenchUrl(server.origin, shot.folder ?? STORE));
        for (const key of Object.keys(state)) delete state[key];
      }
      const target = join(out, shot.file);
      const shoot = async (clip) => {
        const tmp = `${target}.tmp.png`;
        const rounded = {
          x: Math.max(0, Math.round(clip.x)),
          y: Math.max(0, Math.round(clip.y)),
          width: Math.round(clip.width),
          height: Math.round(clip.height),
        };
        await ui.settle(300);
        await page.screenshot({ path: tmp, clip: rounded });
        renameSync(tmp, target);
      };
      try {
        await shot.run(ui, { localize, shoot, state });
        const bytes = statSync(target).size;
        const note = bytes > MAX_BYTES ? `  OVER ${MAX_BYTES / 1024} KB` : '';
        log(`✔ ${relative(ROOT, target)} (${(bytes / 1024).toFixed(0)} KB)${note}`);
        results.push({ shot, ok: bytes <= MAX_BYTES });
      } catch (e) {
        await ui.screenshot('failed').catch(() => {});
        log(
          `✗ ${shot.file}: ${String(e.stack ?? e)
            .split('\n')
            .join('\n      ')}`,
        );
        for (const s of ui.screenshots) log(`  see ${relative(ROOT, s)}`);
        results.push({ shot, ok: false });
      }
    }
  } finally {
    await context.close().catch(() => {});
    await server.stop();
  }
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let shots = SHOTS.filter(
    (s) => (opts.locale === undefined || s.locale === opts.locale) && s.file.includes(opts.only),
  );
  // A picture that continues another needs that one taken first.
  shots = SHOTS.filter((s) => shots.includes(s) || shots.some((t) => t.needs === s.file));
  if (shots.length === 0) throw new Error(`no screenshot matches --locale=${opts.locale ?? ''} --only=${opts.only}`);
  await ensureTools();
  const vsix = opts.vsix ?? (await packageVsix({ log }));
  mkdirSync(opts.out, { recursive: true });
  const results = [];
  for (const locale of [...new Set(shots.map((s) => s.locale))]) {
    log(`display language ${locale}`);
    results.push(
      ...(await runLocale(
        locale,
        shots.filter((s) => s.locale === locale),
        vsix,
        opts.out,
      )),
    );
  }
  console.log('');
  for (const { shot, ok } of results)
    console.log(`  ${ok ? ' ' : '✗'} ${relative(ROOT, join(opts.out, shot.file))}: ${shot.what}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

main()
  .then((code) => cleanupAll().then(() => process.exit(code)))
  .catch((e) => {
    console.error(`\nscreenshots FAILED: ${e.message}`);
    cleanupAll().finally(() => process.exit(1));
  });
