// Runs in test/fixtures/cloud-246p3 with the real QPT 1.1.82 metadata as extra catalogs (copied at run time
// into the git-ignored .cache/ folder): category grouping on a large group, refresh on file changes, speed.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { realworld, repoRoot, requireRealworld } from '../support/realworld';
import { extensionApi, nextChange, patchRows, groupRow, report, rows, setUserSetting, waitFor } from './extensionApi';

const QPT_FILES = ['support-patches.json', 'community-patches.json', 'patches-info.json'];

describe('Patches view with the QPT 1.1.82 catalog (Cloud 2.4.6-p3)', function () {
  let api: ExtensionApi;
  let dir: string;
  let catalogs: string[];

  before(async function () {
    requireRealworld(this);
    api = await extensionApi();
    mkdirSync(join(repoRoot(), '.cache'), { recursive: true });
    dir = mkdtempSync(join(repoRoot(), '.cache', 'it-catalogs-'));
    catalogs = QPT_FILES.map((f) => {
      copyFileSync(realworld('qpt-1.1.82', f), join(dir, f));
      return join(dir, f);
    });
    const changed = nextChange(api);
    await setUserSetting('extraCatalogs', catalogs);
    await changed;
    api.view.provider.setFilter('');
  });

  after(async () => {
    if (api === undefined) return;
    const changed = nextChange(api);
    await setUserSetting('extraCatalogs', undefined);
    await changed;
    await setUserSetting('groupBy', undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('triages about 390 patches for the store and says so in the counts', async () => {
    const counts = api.store.commerce()[0].analysis.result.counts;
    const matched = counts.applicable + counts['needs-qpt-update'] + counts.deprecated;
    assert.ok(matched > 350 && matched < 450, `matched ${matched}`);
    const applicable = await groupRow(api, 'Applicable');
    assert.equal(applicable.description, String(counts.applicable));
    await waitFor('badge', () => api.view.view.badge?.value === counts.applicable);
  });

  it('splits the large Applicable group by category, with counts, and lists every patch', async () => {
    await setUserSetting('groupBy', 'category');
    const applicable = await groupRow(api, 'Applicable');
    const categories = await rows(api, applicable.node);
    assert.ok(categories.length > 5, `${categories.length} categories`);
    assert.ok(categories.every((c) => c.node.kind === 'category'));
    const names = categories.map((c) => c.label);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    );
    const ids = new Set<string>();
    for (const c of categories) {
      const patches = await patchRows(api, c.node);
      assert.equal(String(patches.length), c.description, `${c.label}: count`);
      for (const p of patches) ids.add(p.label);
    }
    assert.equal(ids.size, Number(applicable.description), 'patches missing from the categories');
  });

  it('lists the group flat after "Show as Flat List" and by category again after "Group by Category"', async () => {
    await vscode.commands.executeCommand('commercePatches.groupFlat');
    assert.equal(vscode.workspace.getConfiguration('commercePatches').get('groupBy'), 'flat');
    await new Promise((r) => setTimeout(r, 100));
    let applicable = await groupRow(api, 'Applicable');
    const flat = await rows(api, applicable.node);
    assert.ok(flat.every((r) => r.node.kind === 'patch'));
    assert.equal(String(flat.length), applicable.description);
    await vscode.commands.executeCommand('commercePatches.groupByCategory');
    await new Promise((r) => setTimeout(r, 100));
    applicable = await groupRow(api, 'Applicable');
    assert.ok((await rows(api, applicable.node)).every((r) => r.node.kind === 'category'));
  });

  it('refreshes once, debounced, when a configured catalog file changes', async () => {
    const before = api.store.commerce()[0].analysis.result.counts.applicable;
    const file = catalogs[0];
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    let events = 0;
    const sub = api.store.onDidChange(() => events++);
    try {
      const applicableIds = api.store
        .commerce()[0]
        .analysis.result.patches.filter((p) => p.status === 'applicable' && p.patch.sources.includes(file))
        .map((p) => p.patch.id)
        .slice(0, 3);
      assert.equal(applicableIds.length, 3);
      // Three quick writes, each moving one more applicable patch to a package the store lacks (the bundled facts
      // know these patches too: the file, merged after them, decides where they apply).
      for (let i = 1; i <= applicableIds.length; i++) {
        const copy = { ...all };
        for (const id of applicableIds.slice(0, i)) {
          copy[id] = { ...(all[id] as object), packages: { 'magento/not-installed': { '*': { file: 'x.patch' } } } };
        }
        writeFileSync(file, JSON.stringify(copy));
      }
      await waitFor('a refresh', () => events > 0, 10_000);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(events, 1, 'one refresh for a burst of writes');
      const after = api.store.commerce()[0].analysis.result.counts.applicable;
      assert.ok(after < before, `applicable ${before} → ${after}`);
    } finally {
      sub.dispose();
      writeFileSync(file, JSON.stringify(all));
      await nextChange(api);
    }
  });

  it('refreshes when the installed QPT metadata or composer.lock is rewritten', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    for (const rel of ['vendor/magento/quality-patches/support-patches.json', 'composer.lock']) {
      const file = join(folder, rel);
      const same = readFileSync(file); // rewritten byte for byte: the fixture does not change
      const changed = nextChange(api);
      writeFileSync(file, same);
      await changed;
    }
  });

  it('prints the time from activation to the first filled tree (no assertion on time)', async () => {
    // Cold path as at startup: view closed, every cached analysis dropped, then the view is shown.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await new Promise((r) => setTimeout(r, 300));
    api.store.refresh();
    const t0 = performance.now();
    await vscode.commands.executeCommand('commercePatches.showView');
    const filled = await waitFor('patch rows', () => {
      const t = api.view.provider.timings.lastPatchRows;
      return t !== undefined && t > t0 ? t : undefined;
    });
    const entry = api.store.commerce()[0];
    const activation = api.timings.activateEnd - api.timings.activateStart;
    report(
      `      speed: activate() ${activation.toFixed(1)} ms; view shown → first patch rows ${(filled - t0).toFixed(1)} ms ` +
        `(analysis of the lock with QPT 1.1.82: ${entry.millis.toFixed(1)} ms); total ${(activation + filled - t0).toFixed(1)} ms`,
    );
  });
});
