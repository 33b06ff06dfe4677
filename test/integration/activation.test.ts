import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../package.json';

const extensionId = `${manifest.publisher}.${manifest.name}`;

function theExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `extension ${extensionId} is not installed in this VS Code`);
  return ext;
}

async function becomesActive(ext: vscode.Extension<unknown>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (ext.isActive) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ext.isActive;
}

describe('extension activation', () => {
  it(`is present under its manifest id (${extensionId})`, () => {
    const ext = theExtension();
    assert.equal((ext.packageJSON as { version: string }).version, manifest.version);
  });

  it('activates by itself when the workspace holds a composer.lock', async function () {
    const locks = await vscode.workspace.findFiles('**/composer.lock', '**/vendor/**', 1);
    if (locks.length === 0) this.skip();
    assert.equal(
      await becomesActive(theExtension(), 15_000),
      true,
      'not activated by workspaceContains:**/composer.lock',
    );
  });

  it('activate() succeeds', async () => {
    const ext = theExtension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});

describe('the display language', () => {
  it('is the one the test run asked for (English by default)', function () {
    const asked = process.env.INTEGRATION_LOCALE;
    if (asked === undefined) this.skip(); // a runner that does not say which
    assert.equal(vscode.env.language, asked || 'en');
  });
});

describe('the opened workspace', () => {
  const expected = process.env.INTEGRATION_WORKSPACE;

  it('is the folder the test run asked for (none when it asked for none)', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.notEqual(expected, undefined, 'INTEGRATION_WORKSPACE is not set by the test runner');
    if (expected === '') {
      assert.equal(
        folders.length,
        0,
        `expected no workspace folder, got ${folders.map((f) => f.uri.fsPath).join(', ')}`,
      );
      return;
    }
    assert.equal(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    assert.equal(resolve(folders[0].uri.fsPath), resolve(expected!));
  });

  it('lists the same top-level entries through VS Code as on disk', async function () {
    if (!vscode.workspace.workspaceFolders?.length) this.skip();
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const seen = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    const onDisk = readdirSync(folder.fsPath).sort();
    assert.deepEqual(seen, onDisk);
  });
});
