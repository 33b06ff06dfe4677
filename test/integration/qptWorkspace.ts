// The writable workspace of the qpt-*.test.js suites: copies of the Cloud and Open Source fixture stores in the
// fresh folder the harness opened (":empty", under the git-ignored .cache/), QPT replaced by the fake
// `magento-patches` of test/fixtures/bin through the commercePatches.qptCommand setting.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { repoRoot } from '../support/realworld';
import { extensionApi, setUserSetting } from './extensionApi';
import { ScriptedPrompts } from './scriptedPrompts';

export const FAKE_QPT = join(repoRoot(), 'test', 'fixtures', 'bin', 'fake-magento-patches');

export interface QptWorkspace {
  api: ExtensionApi;
  root: string;
  cloud: string;
  os: string;
  prompts: ScriptedPrompts;
  cloudEntry(): CommerceEntry;
}

/** One row of `magento-patches status --format=json` as QPT prints it (title wrapped after 60 bytes). */
export function statusRow(
  id: string,
  status: string,
  title: string,
  categories: string[],
  details = 'Patch type: Optional',
) {
  const wrapped = (title.match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
  return {
    Id: id,
    Title: wrapped,
    Category: categories.join('\n'),
    Origin: 'Adobe Commerce Support',
    Status: status,
    Details: details,
  };
}

/** What the fake QPT reports for the Cloud store before anything is applied. */
export const CLOUD_STATUS = [
  statusRow(
    'ACSD-90001',
    'Not applied',
    'Fixes the issue where the checkout totals are shown twice for carts with a gift card.',
    ['Order/Checkout'],
  ),
  statusRow(
    'ACSD-90002',
    'Not applied',
    'Fixes slow loading of the admin order grid when staging is enabled.',
    ['Admin', 'Performance'],
    'Patch type: Optional\nRequired patches:\n - ACSD-90001',
  ),
  statusRow(
    'ACSD-90003',
    'N/A',
    'Fixes stale category pages in the full-page cache after a scheduled update.',
    ['Cache'],
    'Patch type: DEPRECATED\nRecommended replacement: ACSD-90004',
  ),
  statusRow(
    'ACSD-90004',
    'Not applied',
    'Fixes stale category and product pages in the full-page cache after a scheduled update.',
    ['Cache'],
  ),
  statusRow('MDVA-39305-V3', 'Applied', 'Forms can be submitted before Google reCAPTCHA has loaded', ['Security']),
  // Rows no catalog knows, with shell syntax in the ID: never offered, never passed on.
  statusRow('$(id)', 'Applied', 'Hostile row', ['Other']),
  statusRow('ACSD-1; touch pwned', 'Applied', 'Hostile row', ['Other']),
];

/** Writes the fake QPT's configuration for the Cloud store (see test/fixtures/bin/fake-magento-patches). */
export function configureFake(dir: string, config: Record<string, unknown> = {}): void {
  writeFileSync(join(dir, '.fake-qpt.json'), JSON.stringify({ status: CLOUD_STATUS, ...config }));
}

/** The argument lists the fake QPT received, in order. */
export function fakeRuns(dir: string): string[][] {
  const log = join(dir, '.fake-qpt.log');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string[]);
}

/** This test file's workspace (each test file is a bundle of its own, with its own copy of this module). */
let shared: QptWorkspace | undefined;

/** The workspace of this test file; the stores are copied once for all the files of the run. */
export async function qptWorkspace(): Promise<QptWorkspace> {
  if (shared !== undefined) return shared;
  const root = process.env.INTEGRATION_WORKSPACE ?? '';
  assert.ok(
    root !== '' && existsSync(root),
    'the qpt suites run in a fresh empty folder (":empty" in workspaces.json)',
  );
  const cloud = join(root, 'cloud');
  const os = join(root, 'os');
  // Copied by the first test file of the run, before the extension reads the folder: it then finds both stores at
  // once. Copying again for a later file would rewrite every file of the stores under the extension's watchers,
  // and their events would reach the extension while that file's tests run.
  const copy = !existsSync(cloud);
  if (copy) {
    cpSync(join(repoRoot(), 'test', 'fixtures', 'cloud-246p3'), cloud, { recursive: true });
    cpSync(join(repoRoot(), 'test', 'fixtures', 'os-247p1'), os, { recursive: true });
  }
  configureFake(cloud);
  const api = await extensionApi();
  if (copy) api.store.refresh();
  // As after a fresh copy: QPT's status of the stores is unknown until a test asks QPT.
  else for (const entry of api.store.commerce()) await api.actions.applied.forget(entry.lockFile);
  await setUserSetting('qptCommand', [process.execPath, FAKE_QPT]);
  await setUserSetting('statuses', undefined);
  const prompts = new ScriptedPrompts();
  api.actions.setPrompts(prompts);
  const cloudEntry = () => {
    const entry = api.store.commerce().find((e) => e.analysis.project.root === cloud);
    assert.ok(
      entry,
      `no Commerce project at ${cloud}: ${api.store
        .commerce()
        .map((e) => e.lockFile)
        .join(', ')}`,
    );
    return entry;
  };
  shared = { api, root, cloud, os, prompts, cloudEntry };
  return shared;
}

/** Runs one of the extension's commands and returns what it resolved with. */
export async function run<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  return await vscode.commands.executeCommand(command, ...args);
}
