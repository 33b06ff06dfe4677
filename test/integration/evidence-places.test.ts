// Runs in test/fixtures/evidence-store: logs in a folder of commercePatches.extraLogFolders (relative to the workspace
// folder) are read and watched like var/log; a log over the size VS Code opens whole opens as an excerpt at its line.
import * as assert from 'node:assert/strict';
import { appendFileSync, closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { groupRow, rows, setUserSetting, until, type Row } from './extensionApi';
import { evidenceStore, GRAPHQL, LOG, ROOT, TAX } from './evidenceStore';

const DOWNLOADED = join(ROOT, 'downloaded');
const FAKE_BIN = join(ROOT, 'fake-bin');

describe('Recommended for this store: extra log folders, database settings and big logs', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let entry: CommerceEntry;

  /** The evidence rows of `id` in the Recommended group (none while it is not there). */
  async function evidenceRows(id: string): Promise<Row[]> {
    const roots = api.view.provider.getChildren();
    if (!roots.some((n) => n.kind === 'group' && n.spec.id === 'recommended')) return [];
    const patch = (await rows(api, (await groupRow(api, 'Recommended for this store')).node)).find(
      (r) => r.label === id,
    );
    return patch ? rows(api, patch.node) : [];
  }
  const fileOf = (row: Row) => (row.item.command?.arguments?.[0] as { file: string } | undefined)?.file;

  before(async () => {
    mkdirSync(DOWNLOADED, { recursive: true });
    writeFileSync(join(DOWNLOADED, 'exception.log'), `noise\nnoise\n${TAX}`);
    ({ api, entry } = await evidenceStore(false));
  });

  after(async () => {
    rmSync(DOWNLOADED, { recursive: true, force: true });
    rmSync(FAKE_BIN, { recursive: true, force: true });
    await setUserSetting('configShowCommand', undefined);
    rmSync(LOG, { force: true });
    await setUserSetting('extraLogFolders', undefined);
    await setUserSetting('notifyNewEvidence', undefined);
  });

  it('reads the logs of commercePatches.extraLogFolders, relative to the workspace folder', async () => {
    assert.deepEqual(await evidenceRows('ACSD-90101'), []);
    await setUserSetting('extraLogFolders', ['downloaded']);
    await until('the downloaded log as evidence', async () =>
      (await evidenceRows('ACSD-90101')).some((r) => r.label === 'exception.log:3'),
    );
    const [row] = await evidenceRows('ACSD-90101');
    assert.equal(fileOf(row), join(DOWNLOADED, 'exception.log'));
  });

  it('watches the extra folders: a line appended there shows in the view', async () => {
    appendFileSync(join(DOWNLOADED, 'exception.log'), GRAPHQL);
    await until('ACSD-90102 from the downloaded log', async () =>
      (await evidenceRows('ACSD-90102')).some((r) => r.label === 'exception.log:4'),
    );
  });

  it('takes database values from commercePatches.configShowCommand (an argument list, run at once when set)', async () => {
    assert.deepEqual(await evidenceRows('ACSD-90103'), [], 'no app/etc/env.php: the setting is unknown');
    mkdirSync(FAKE_BIN, { recursive: true });
    const script = join(FAKE_BIN, 'magento.js');
    writeFileSync(
      script,
      "if (process.argv[2] !== 'config:show') process.exit(3);\n" +
        "console.log('web/secure/use_in_frontend - 1\\ndev/js/minify_files - 1');\n",
    );
    await setUserSetting('configShowCommand', [process.execPath, script]);
    await until('the database value as evidence', async () => (await evidenceRows('ACSD-90103')).length > 0);
    const [setting] = await evidenceRows('ACSD-90103');
    assert.deepEqual([setting.label, setting.description], ['dev/js/minify_files = 1', 'bin/magento config:show']);
  });

  it('opens a log over 50 MB at its line as a read-only excerpt, not the whole file', async () => {
    const chunk = Buffer.from(`${'x'.repeat(1023)}\n`.repeat(1024));
    const fd = openSync(LOG, 'w');
    try {
      for (let i = 0; i < 51; i++) writeSync(fd, chunk);
      writeSync(fd, TAX);
    } finally {
      closeSync(fd);
    }
    const line = 51 * 1024 + 1;
    await api.evidence.scan(entry);
    let found: Row | undefined;
    await until('the line of the big log as evidence', async () => {
      found = (await evidenceRows('ACSD-90101')).find((r) => r.label === `exception.log:${line}` && fileOf(r) === LOG);
      return found !== undefined;
    });
    const command = found!.item.command!;
    const args: unknown[] = command.arguments ?? [];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(command.command, ...args);
    assert.equal(editor.document.uri.scheme, 'commerce-patches-log');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /DivisionByZeroError/);
    assert.ok(editor.document.lineCount <= 402, `${editor.document.lineCount} lines in the excerpt`);
    assert.match(editor.document.uri.path, /exception\.log, lines \d+–\d+$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
