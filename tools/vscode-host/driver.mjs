// Playwright helpers for UI checks against a real VS Code workbench (code-server in headless Chromium).
// A check receives a `Workbench` and drives it like a user: click, type, read what is on screen.
//
//   await ui.openViewContainer('Commerce Patches');  // activity-bar item by its title; waits for the side bar
//   await ui.activityBarItems();                      // [{ title, label, badge }] (badge: the number on the icon)
//   const rows = await ui.treeRows('Patches');        // [{ label, description, ariaLabel, level, expanded }];
//                                                     // omit the title for a container's only view
//   await ui.clickRow('ACSD-61103');                  // first row whose text contains it
//   await ui.runCommand('Commerce Patches: Refresh'); // F1, type the exact title, pick it
//   await ui.openPalette('>'); ...; await ui.quickPickItems(); await ui.pickQuickPickItem('label');
//   await ui.openFile('composer.lock');               // quick open by path, waits for the editor tab
//   const text = await ui.hover('ACSD-61103');        // mouse onto the word, waits for .monaco-hover content
//   const toasts = await ui.notifications();          // toasts; { center: true } for the Notifications center
//   const dialog = await ui.dialog();                 // modal dialog { message, detail, text, buttons } or undefined
//   await ui.clickDialogButton('Cancel');
//   await ui.installedExtensions();                   // rows of the Extensions view for "@installed"
//   await ui.stable(readFn, readyFn);                 // poll until a reading holds still (lists re-render)
//   await ui.screenshot('tree-cloud');                // test-results/<check>-tree-cloud.png
//
// Selectors follow VS Code's DOM (1.139): `.monaco-list-row` rows, `.quick-input-widget`, `.monaco-hover`,
// `.view-lines` for editor text, `.notification-toast` / `.notifications-center`, `.monaco-dialog-box`.
// Smoke-test-driver mode (test:vscode) suppresses toasts; the UI runner (test:ui) does not use it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SHORT = 10_000;

/** Makes a file-name-safe slug from a check or screenshot name. */
export function slug(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .toLowerCase();
}

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ resultsDir: string, prefix?: string }} opts screenshots go to resultsDir, named prefix-name.png
   */
  constructor(page, { resultsDir, prefix = '' }) {
    this.page = page;
    this.resultsDir = resultsDir;
    this.prefix = prefix;
    /** Paths of the screenshots this workbench saved, in order. */
    this.screenshots = [];
  }

  /** Navigates to the workbench URL and waits until the shell and the extension host are up. */
  async open(url, timeout = 60_000) {
    await this.page.goto(url);
    await this.page.waitForSelector('.monaco-workbench .part.activitybar', { timeout });
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
    // The status bar's remote indicator appears once the remote connection (and its extension host) is set.
    await this.page.waitForSelector('.part.statusbar #status\\.host', { timeout }).catch(() => {});
    await this.settle();
  }

  /** Gives the workbench a moment to finish layout and animations. */
  async settle(ms = 400) {
    await this.page.waitForTimeout(ms);
  }

  // ---- Screenshots -------------------------------------------------------------------------------------

  /**
   * Saves a PNG in the results folder and returns its path.
   * @param {string} name file name without extension (made safe)
   * @param {{ selector?: string }} [opts] a CSS selector to capture one element instead of the page
   */
  async screenshot(name, opts = {}) {
    mkdirSync(this.resultsDir, { recursive: true });
    const file = join(this.resultsDir, `${slug(this.prefix ? `${this.prefix}-${name}` : name)}.png`);
    await this.settle(300);
    if (opts.selector) await this.page.locator(opts.selector).first().screenshot({ path: file });
    else await this.page.screenshot({ path: file });
    this.screenshots.push(file);
    return file;
  }

  // ---- Activity bar, side bar and views ----------------------------------------------------------------

  /**
   * The activity bar's items (Explorer, Search, Extensions, ...) with their badges. An item's aria-label
   * reads "Title (Keybinding)" or "Title - badge text", so `label` is that raw text, `title` the part before
   * it, and `badge` the number (or text) drawn on the icon ('' when none).
   * @returns {Promise<Array<{ title: string, label: string, badge: string }>>}
   */
  async activityBarItems() {
    return this.page.$$eval('.part.activitybar .action-item', (items) =>
      items
        .map((li) => {
          const a = li.querySelector('.action-label[aria-label]');
          const label = a?.getAttribute('aria-label') ?? '';
          return {
            label,
            title: label.replace(/\s*\([^)]*\)\s*$/, '').replace(/ - .*$/, ''),
            badge: (li.querySelector('.badge .badge-content')?.textContent ?? '').trim(),
          };
        })
        .filter((item) => item.label !== ''),
    );
  }

  /** Titles of the activity bar's items (see activityBarItems). */
  async activityBarTitles() {
    return (await this.activityBarItems()).map((i) => i.title);
  }

  /** Waits until the activity bar has an item titled `title` (an extension's container registers a moment late). */
  async waitForActivityBarItem(title, timeout = 30_000) {
    const titles = await this.stable(
      () => this.activityBarTitles(),
      (t) => t.includes(title),
      timeout,
    );
    return titles.includes(title);
  }

  /**
   * Waits for an extension's activity-bar item (on a fresh server an extension's contributions register a moment
   * after the workbench shows), then opens its view container like {@link openViewContainer}.
   */
  async openContributedContainer(title, timeout = 30_000) {
    await this.waitForActivityBarItem(title, timeout);
    await this.openViewContainer(title);
  }

  /**
   * Opens a view container by the title of its activity-bar item (e.g. "Extensions") and waits until the
   * side bar shows it. Does nothing if it is already open.
   */
  async openViewContainer(title) {
    const item = this.page.locator('.part.activitybar .action-item .action-label').filter({
      has: this.page.locator(`xpath=self::*[starts-with(@aria-label, ${xpathString(title)})]`),
    });
    if ((await item.count()) === 0) {
      const titles = await this.activityBarTitles();
      throw new Error(`no activity bar item titled "${title}" (there are: ${titles.join(', ')})`);
    }
    const open = await this.sideBarTitle();
    // A badge (e.g. a count) lies over the icon and takes the pointer: the click still reaches the item.
    if (open.toLowerCase() !== title.toLowerCase()) await item.first().click({ force: true });
    await this.page.waitForFunction(
      (t) => {
        const h = document.querySelector('.part.sidebar .composite.title h2');
        return !!h && (h.getAttribute('title') ?? h.textContent ?? '').trim().toLowerCase().startsWith(t.toLowerCase());
      },
      title,
      { timeout: SHORT },
    );
    await this.settle();
  }

  /** The title of the view container shown in the side bar ('' when the side bar is hidden). */
  async sideBarTitle() {
    return this.page
      .$eval('.part.sidebar .composite.title h2', (h) => (h.getAttribute('title') ?? h.textContent ?? '').trim())
      .catch(() => '');
  }

  /**
   * The side-bar pane of a view, by its title (case-insensitive); when the container holds a single view
   * its header may be hidden, so without a title (or no match) the whole side bar is used.
   */
  viewPane(viewTitle) {
    if (!viewTitle) return this.page.locator('.part.sidebar');
    return this.page.locator('.part.sidebar .pane').filter({
      has: this.page.locator('.pane-header', { hasText: new RegExp(escapeRegExp(viewTitle), 'i') }),
    });
  }

  /** Expands a collapsed view section in the side bar by its title. */
  async expandView(viewTitle) {
    const header = this.viewPane(viewTitle).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await this.settle();
  }

  /**
   * Reads the rows of a tree or list in a side-bar view.
   * @param {string} [viewTitle] view title; omit for the only view of the container
   * @returns {Promise<Array<{ label: string, description: string, ariaLabel: string, level: number, expanded: boolean | undefined }>>}
   */
  async treeRows(viewTitle, { wait = true } = {}) {
    const rows = this.viewPane(viewTitle).locator('.monaco-list-row');
    if (wait) await rows.first().waitFor({ timeout: SHORT });
    return rows.evaluateAll((els) =>
      els.map((el) => {
        const text = (sel) => el.querySelector(sel)?.textContent?.trim() ?? '';
        const expanded = el.getAttribute('aria-expanded');
        return {
          // A row's aria-label is its tooltip when one is set, so the label comes from the text.
          label: text('.label-name') || text('.monaco-highlighted-label') || (el.textContent ?? '').trim(),
          description: text('.label-description'),
          ariaLabel: el.getAttribute('aria-label') ?? '',
          level: Number(el.getAttribute('aria-level') ?? 0),
          expanded: expanded === null ? undefined : expanded === 'true',
        };
      }),
    );
  }

  /** Clicks the first row of a view whose label contains `label`. */
  async clickRow(label, viewTitle) {
    const row = this.viewPane(viewTitle).locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: SHORT });
    await row.click();
    await this.settle();
    return row;
  }

  /**
   * Opens the context menu of the side-bar row labelled exactly `label` and runs its entry `item`; the menu's
   * entries (their labels) when it has no such entry.
   */
  async rowMenu(label, item) {
    const row = this.page.locator('.part.sidebar .monaco-list-row').filter({
      has: this.page.locator('.label-name, .monaco-highlighted-label', {
        hasText: new RegExp(`^${escapeRegExp(label)}$`),
      }),
    });
    await row.first().click({ button: 'right' });
    const entries = this.page.locator('.monaco-menu .action-item');
    await entries.first().waitFor({ timeout: SHORT });
    const entry = entries.filter({ hasText: item });
    if ((await entry.count()) === 0) {
      const seen = await entries.allInnerTexts();
      await this.page.keyboard.press('Escape');
      return seen.map((t) => t.trim()).filter(Boolean);
    }
    // The entry takes the focus under the mouse and runs on Enter (a synthetic click can land before the menu
    // listens).
    await entry.first().hover();
    await this.settle(300);
    await this.page.keyboard.press('Enter');
    await this.settle();
    return undefined;
  }

  // ---- Command palette, quick open, quick picks ----------------------------------------------------------

  /** Runs a command from the palette: F1, type its title, pick the matching entry (Enter on an exact match). */
  /**
   * Narrows the Patches view with its Filter command (`title` is the command as the palette shows it) to `words`:
   * a long group (every QPT patch is known) keeps only the rows a check looks for, so none is scrolled out of sight.
   */
  async filterPatches(title, words) {
    await this.runCommand(title);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(words);
    await input.press('Enter');
    await this.settle();
  }

  async runCommand(title) {
    await this.openPalette('>');
    await this.page.keyboard.type(title);
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: SHORT });
    const exact = rows.filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`, 'i') }),
    });
    if ((await exact.count()) > 0) await exact.first().click();
    else {
      const seen = await this.quickPickItems();
      throw new Error(`no command titled "${title}" in the palette (it offers: ${seen.slice(0, 10).join(' | ')})`);
    }
    await this.settle();
  }

  /** Opens the quick input with a prefix ('>' commands, '' files, '?' help...). */
  async openPalette(prefix = '>') {
    await this.page
      .locator('.monaco-workbench')
      .first()
      .click({ position: { x: 5, y: 5 }, force: true })
      .catch(() => {});
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: SHORT });
    await input.fill(prefix);
    return input;
  }

  /** Labels of the entries in the open quick pick / palette, read once the filtered list stops changing. */
  async quickPickItems() {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows
      .first()
      .waitFor({ timeout: SHORT })
      .catch(() => {});
    return this.stable(() =>
      rows.evaluateAll((els) =>
        els.map((el) => (el.querySelector('.label-name')?.textContent ?? el.textContent ?? '').trim()),
      ),
    );
  }

  /** Picks the quick-pick entry whose label contains `label`. */
  async pickQuickPickItem(label) {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: SHORT });
    await row.click();
    await this.settle();
  }

  /** Closes the quick input if one is open. */
  async closeQuickInput() {
    if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
  }

  // ---- Editors and hovers ----------------------------------------------------------------------------------

  /** Opens a workspace file by its relative path through quick open and waits for its editor tab. */
  async openFile(relPath) {
    await this.openPalette('');
    await this.page.keyboard.type(relPath);
    const name = relPath.split('/').pop();
    // Click the matching entry (Enter could still hit a recently-opened file while the list filters).
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }) })
      .first();
    await row.waitFor({ timeout: SHORT });
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: SHORT });
    await this.page.locator('.editor-instance .view-lines').first().waitFor({ timeout: SHORT });
    await this.settle();
  }

  /** Hovers the tree row labelled `label` in the side bar and returns its tooltip's text once it has rendered. */
  async rowTooltip(label, { timeout = 10_000 } = {}) {
    await this.page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first().hover();
    const tooltip = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: label }).last();
    await tooltip.waitFor({ timeout });
    await this.settle(400);
    return tooltip.innerText();
  }

  /** Where the first occurrence of `word` is on screen in the active editor (`{x, y, width, height}`), or undefined. */
  wordBox(word) {
    return this.page.evaluate((w) => {
      const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
      if (!lines) return undefined;
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? '').indexOf(w);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
      return undefined;
    }, word);
  }

  /**
   * Moves the mouse onto the first visible occurrence of `word` in the active editor and returns the text of
   * the hover that appears. Scrolls nothing: use `revealLine` first for text below the fold.
   */
  async hover(word, { timeout = SHORT } = {}) {
    const box = await this.wordBox(word);
    const point = box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    if (!point) throw new Error(`"${word}" is not visible in the active editor`);
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
    const readable = (t) => t !== '' && !/^Loading\b/.test(t);
    // The editor shows a hover on mouse movement; an early move (before language features are up) can be
    // lost, and a hover can close again before its text settles, so come back onto the word, one pixel apart,
    // until a hover with text holds still.
    let text = '';
    for (let attempt = 0, end = Date.now() + timeout; !readable(text); attempt++) {
      const left = end - Date.now();
      if (left <= 0) throw new Error(`no hover with text appeared over "${word}" within ${timeout / 1000} s`);
      await this.page.mouse.move(1, 1);
      await this.page.mouse.move(point.x + (attempt % 3) - 1, point.y, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: Math.min(3000, left) });
      } catch {
        continue; // try again
      }
      // Providers answer asynchronously: wait past "Loading..." until the text holds still.
      text = await this.stable(
        async () => ((await hover.textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim(),
        readable,
        Math.min(5000, Math.max(1000, end - Date.now())),
      );
    }
    await this.page.waitForTimeout(400); // let the hover finish rendering before anyone screenshots it
    return text;
  }

  /** Moves the cursor to a 1-based line (Ctrl+G) so it is on screen. */
  async revealLine(line) {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await this.settle();
  }

  /** Moves the mouse away so any hover closes. */
  async clearHover() {
    await this.page.mouse.move(1, 1);
    await this.settle(200);
  }

  // ---- Notifications ---------------------------------------------------------------------------------------

  /**
   * Texts of the notifications on screen. Toasts by default; `{ center: true }` opens the Notifications
   * center instead (toasts are suppressed when the smoke-test driver is on).
   */
  async notifications({ center = false, timeout = 0 } = {}) {
    let selector = '.notifications-toasts .notification-toast .notification-list-item-message';
    if (center) {
      await this.runCommand('Notifications: Show Notifications');
      selector = '.notifications-center .notification-list-item-message';
    }
    if (timeout > 0)
      await this.page
        .locator(selector)
        .first()
        .waitFor({ timeout })
        .catch(() => {});
    return this.page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  /**
   * The modal dialog on screen (confirmations, errors from commands), or undefined when there is none.
   * `text` is all of its message (a dialog without a title shows only a detail).
   * @returns {Promise<{ message: string, detail: string, text: string, buttons: string[] } | undefined>}
   */
  async dialog({ timeout = 0 } = {}) {
    const box = this.page.locator('.monaco-dialog-box');
    if (timeout > 0)
      await box
        .first()
        .waitFor({ timeout })
        .catch(() => {});
    if ((await box.count()) === 0) return undefined;
    return box.first().evaluate((el) => ({
      message: (el.querySelector('.dialog-message-text')?.textContent ?? '').trim(),
      detail: (el.querySelector('.dialog-message-detail')?.textContent ?? '').trim(),
      text: (el.querySelector('.dialog-message-container')?.textContent ?? '').trim(),
      buttons: [...el.querySelectorAll('.dialog-buttons .monaco-button')].map((b) => (b.textContent ?? '').trim()),
    }));
  }

  /** Clicks a button of the modal dialog by its label. */
  async clickDialogButton(label) {
    await this.page.locator('.monaco-dialog-box .dialog-buttons .monaco-button', { hasText: label }).first().click();
    await this.settle();
  }

  // ---- Extensions view ---------------------------------------------------------------------------------

  /**
   * The installed extensions as the Extensions view lists them (search "@installed"), read once the list
   * has rows and has stopped changing.
   * @returns {Promise<Array<{ id: string, name: string, publisher: string, description: string }>>}
   */
  async installedExtensions() {
    await this.openViewContainer('Extensions');
    const box = this.page.locator('.part.sidebar .extensions-viewlet .suggest-input-container .monaco-editor').first();
    await box.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type('@installed');
    // Wait for the query's progress bar to end; earlier views' lists stay in the DOM, hidden: skip them.
    await this.page
      .waitForFunction(() => !document.querySelector('.part.sidebar .monaco-progress-container.active'), null, {
        timeout: SHORT,
      })
      .catch(() => {});
    const read = () =>
      this.page.$$eval('.part.sidebar .extensions-list .monaco-list-row', (els) =>
        els
          .filter((el) => el.checkVisibility())
          .map((el) => ({
            id: el.getAttribute('data-extension-id') ?? '',
            name: (el.querySelector('.name')?.textContent ?? '').trim(),
            publisher: (el.querySelector('.publisher-name')?.textContent ?? '').trim(),
            description: (el.querySelector('.description')?.textContent ?? '').trim(),
          })),
      );
    return this.stable(read, (list) => list.length > 0 && list.every((e) => e.name !== ''));
  }

  /**
   * Polls `read` until it returns a value accepted by `ready` twice in a row, 300 ms apart (lists
   * re-render while the workbench loads). Returns the last value read once `timeout` passes.
   */
  async stable(read, ready = () => true, timeout = SHORT) {
    let last;
    let lastJson;
    for (const end = Date.now() + timeout; Date.now() < end;) {
      const value = await read();
      const json = JSON.stringify(value);
      if (ready(value) && json === lastJson) return value;
      last = value;
      lastJson = json;
      await this.page.waitForTimeout(300);
    }
    return last;
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function xpathString(s) {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat('${s.replace(/'/g, `', "'", '`)}')`;
}
