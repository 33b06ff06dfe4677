// Runs with qpt-apply.test.js in the fresh folder holding a copy of the Cloud 2.4.6-p3 fixture store: the
// .magento.env.yaml side of applying patches on Cloud. Edits, the Scheduled group, diagnostics with quick fixes,
// hover and completion; hostile IDs in the file and in a catalog never reach a process.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActionResult } from '../../src/vscode/commands/context';
import {
  groupRow,
  hoverText,
  nextChange,
  patchRows,
  projectGroups,
  setUserSetting,
  until,
  waitFor,
} from './extensionApi';
import { fakeRuns, qptWorkspace, run, type QptWorkspace } from './qptWorkspace';

const ORIGINAL = readFileSync(
  join(__dirname, '..', '..', '..', 'test', 'fixtures', 'cloud-246p3', '.magento.env.yaml'),
  'utf8',
);

describe('.magento.env.yaml QUALITY_PATCHES on the Cloud store', function () {
  this.timeout(60_000);
  let w: QptWorkspace;
  let file: string;
  let uri: vscode.Uri;
  const scheduledRows = async () => {
    const group = (await projectGroups(w.api, 0)).find((g) => g.label === 'Scheduled (Cloud build)');
    return group === undefined ? [] : (await patchRows(w.api, group.node)).map((r) => r.label);
  };
  const onDisk = () => readFileSync(file, 'utf8');
  const lockFile = () => w.cloudEntry().lockFile;

  before(async () => {
    w = await qptWorkspace();
    file = join(w.cloud, '.magento.env.yaml');
    uri = vscode.Uri.file(file);
  });

  /** Writes the file with no editor holding other text (unsaved changes reverted, reloads waited for). */
  const reset = async (content: string) => {
    const open = () => vscode.workspace.textDocuments.filter((d) => d.uri.fsPath === file && !d.isClosed);
    for (const doc of open().filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(file, content);
    w.api.actions.scheduled.drop(file);
    await until('VS Code to reload the file', () => open().every((d) => d.getText() === content));
  };

  beforeEach(async () => {
    await reset(ORIGINAL);
    await until('the fixture list', async () => (await scheduledRows()).length === 3);
    w.prompts.asked.messages.length = 0;
    w.prompts.asked.confirms.length = 0;
  });

  it('lists the scheduled patches in "Scheduled (Cloud build)"; they stay in their status groups too', async () => {
    assert.deepEqual(await scheduledRows(), ['ACSD-90001', 'ACSD-90004', 'MDVA-39305-V3']);
    const applicable = (await patchRows(w.api, (await groupRow(w.api, 'Applicable')).node)).map((r) => r.label);
    assert.ok(applicable.includes('ACSD-90004'));
    const group = await groupRow(w.api, 'Scheduled (Cloud build)');
    assert.equal(group.description, '3');
    assert.equal((group.item.iconPath as vscode.ThemeIcon).id, 'cloud');
  });

  it('Add to .magento.env.yaml inserts one line and keeps every other byte; Undo takes it back', async () => {
    const result = await run<ActionResult>('commercePatches.addToEnvYaml', { id: 'ACSD-90002', lockFile: lockFile() });
    // ACSD-90002 requires ACSD-90001, which the file lists already.
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90002'] });
    const expected = ORIGINAL.replace('      - ACSD-90004\n', '      - ACSD-90004\n      - ACSD-90002\n');
    assert.notEqual(expected, ORIGINAL);
    assert.equal(onDisk(), expected, 'saved with every comment and the layout intact');
    await until('the Scheduled group', async () => (await scheduledRows()).includes('ACSD-90002'));
    // The edited file is shown, and VS Code's Undo reverts the edit.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, file);
    assert.equal(editor?.selection.start.line, 12);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor?.document.getText(), ORIGINAL);
    assert.ok(editor?.document.isDirty);
  });

  it("Remove from .magento.env.yaml deletes the entry's line only", async () => {
    const result = await run<ActionResult>('commercePatches.removeFromEnvYaml', {
      id: 'MDVA-39305-V3',
      lockFile: lockFile(),
    });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['MDVA-39305-V3'] });
    assert.equal(onDisk(), ORIGINAL.replace('      - MDVA-39305-V3\n', ''));
    await until('the Scheduled group', async () => !(await scheduledRows()).includes('MDVA-39305-V3'));
    const again = await run<ActionResult>('commercePatches.removeFromEnvYaml', {
      id: 'MDVA-39305-V3',
      lockFile: lockFile(),
    });
    assert.deepEqual(again, { outcome: 'refused', why: 'MDVA-39305-V3 is not listed in .magento.env.yaml.' });
  });

  it('creates the file, or the missing keys, with what the patch requires', async () => {
    rmSync(file);
    w.api.actions.scheduled.drop(file);
    await until('no scheduled patch', async () => (await scheduledRows()).length === 0);
    const result = await run<ActionResult>('commercePatches.addToEnvYaml', { id: 'ACSD-90002', lockFile: lockFile() });
    assert.deepEqual(result, { outcome: 'succeeded', ids: ['ACSD-90001', 'ACSD-90002'] });
    assert.equal(onDisk(), 'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-90001\n      - ACSD-90002\n');

    const kept = '# Only deploy settings so far.\nstage:\n  deploy:\n    MYSQL_USE_SLAVE_CONNECTION: true  # keep\n';
    await reset(kept);
    const added = await run<ActionResult>('commercePatches.addToEnvYaml', { id: 'ACSD-90004', lockFile: lockFile() });
    assert.equal(added.outcome, 'succeeded', JSON.stringify(added));
    assert.equal(onDisk(), `${kept}  build:\n    QUALITY_PATCHES:\n      - ACSD-90004\n`);
  });

  it('edits the open document with its unsaved changes, and leaves saving to the user then', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    assert.ok(doc.isDirty);
    await run('commercePatches.addToEnvYaml', { id: 'ACSD-90002', lockFile: lockFile() });
    assert.equal(
      doc.getText(),
      `# unsaved note\n${ORIGINAL.replace('      - ACSD-90004\n', '      - ACSD-90004\n      - ACSD-90002\n')}`,
    );
    assert.ok(doc.isDirty, "saved the user's unsaved change");
    assert.equal(onDisk(), ORIGINAL);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('points a deprecated patch to its replacement; refuses unknown and hostile IDs; reports broken YAML with its line', async () => {
    w.prompts.confirmWith = (buttons) => buttons[0];
    const deprecated = await run<ActionResult>('commercePatches.addToEnvYaml', {
      id: 'ACSD-90003',
      lockFile: lockFile(),
    });
    assert.equal(w.prompts.asked.confirms[0]?.message, 'ACSD-90003 is deprecated: ACSD-90004 replaces it.');
    assert.deepEqual(w.prompts.asked.confirms[0]?.buttons, ['Add ACSD-90004', 'Add ACSD-90003 Anyway']);
    assert.deepEqual(deprecated, { outcome: 'refused', why: '.magento.env.yaml already lists ACSD-90004.' });

    const unknown = await run<ActionResult>('commercePatches.addToEnvYaml', { id: 'ACSD-99999', lockFile: lockFile() });
    assert.equal(unknown.outcome, 'refused');
    const hostile = await run<ActionResult>('commercePatches.addToEnvYaml', { id: '$(id)', lockFile: lockFile() });
    assert.match((hostile as { why: string }).why, /^Refusing \$\(id\)/);
    assert.equal(onDisk(), ORIGINAL);

    await reset('stage:\n  build:\n    QUALITY_PATCHES: [ACSD-90001\n');
    const broken = await run<ActionResult>('commercePatches.addToEnvYaml', { id: 'ACSD-90002', lockFile: lockFile() });
    assert.match(
      (broken as { why: string }).why,
      /^\.magento\.env\.yaml cannot be edited: .*\.magento\.env\.yaml:\d+:\d+: Invalid YAML/,
    );
    assert.deepEqual(w.prompts.lastMessage()?.buttons, ['Open .magento.env.yaml']);
  });

  describe('in the editor', () => {
    const text = [
      'stage:',
      '  build:',
      '    QUALITY_PATCHES:',
      '      - ACSD-90003        # deprecated',
      '      - ACSD-61103        # needs a newer QPT',
      '      - ACSD-51240        # does not apply to 2.4.6-p3',
      '      - ACSD-99999        # in no catalog',
      '      - "ACSD-1; touch pwned"',
      '      - $(id)',
      '      - ACSD-90004',
      '      - ',
      '',
    ].join('\n');
    let doc: vscode.TextDocument;

    beforeEach(async () => {
      await reset(text);
      doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
    });

    const diagnostics = () =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.code !== undefined)
        .sort((a, b) => a.range.start.line - b.range.start.line);

    it('marks unknown, newer-QPT, not applicable and deprecated entries', async () => {
      await waitFor('diagnostics', () => diagnostics().length >= 6 || undefined);
      const found = diagnostics().map((d) => [d.range.start.line, d.code, d.severity, doc.getText(d.range)]);
      assert.deepEqual(found, [
        [3, 'deprecated', vscode.DiagnosticSeverity.Warning, 'ACSD-90003'],
        [4, 'needs-qpt-update', vscode.DiagnosticSeverity.Warning, 'ACSD-61103'],
        [5, 'not-applicable', vscode.DiagnosticSeverity.Warning, 'ACSD-51240'],
        [6, 'unknown', vscode.DiagnosticSeverity.Warning, 'ACSD-99999'],
        [7, 'unknown', vscode.DiagnosticSeverity.Warning, '"ACSD-1; touch pwned"'],
        [8, 'unknown', vscode.DiagnosticSeverity.Warning, '$(id)'],
        [10, 'invalid', vscode.DiagnosticSeverity.Error, ''],
      ]);
      const byCode = new Map(diagnostics().map((d) => [d.code, d]));
      assert.equal(byCode.get('deprecated')?.message, 'ACSD-90003 is deprecated: use ACSD-90004.');
      assert.deepEqual(byCode.get('deprecated')?.tags, [vscode.DiagnosticTag.Deprecated]);
      assert.match(byCode.get('needs-qpt-update')?.message ?? '', /installed 1\.1\.43/);
      assert.match(
        byCode.get('not-applicable')?.message ?? '',
        /magento\/magento2-base 2\.4\.6-p3 is outside >=2\.4\.4 <2\.4\.6/,
      );
      assert.match(byCode.get('invalid')?.message ?? '', /must be a patch ID/);
    });

    it('offers the replacement and removal as quick fixes, which edit the document', async () => {
      await waitFor('diagnostics', () => diagnostics().length >= 6 || undefined);
      const deprecated = diagnostics().find((d) => d.code === 'deprecated')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        deprecated.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions
        .filter((a) => a.diagnostics?.includes(deprecated) || a.title.includes('ACSD-90003'))
        .map((a) => a.title);
      // ACSD-90004 is listed already: removing the deprecated entry is the fix.
      assert.deepEqual(titles, ['Remove ACSD-90003 (ACSD-90004 is already listed)']);

      const hostile = diagnostics().find((d) => doc.getText(d.range) === '$(id)')!;
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        hostile.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const remove = fixes.find((a) => a.title === 'Remove $(id) from QUALITY_PATCHES');
      assert.ok(remove?.edit, fixes.map((a) => a.title).join(', '));
      await vscode.workspace.applyEdit(remove.edit);
      assert.equal(doc.getText(), text.replace('      - $(id)\n', ''));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('replaces a deprecated entry by its replacement when the list lacks it', async () => {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.delete(new vscode.Range(9, 0, 10, 0))); // drop ACSD-90004
      await waitFor('diagnostics', () => diagnostics().find((d) => d.code === 'deprecated'));
      const deprecated = diagnostics().find((d) => d.code === 'deprecated')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        deprecated.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const replace = actions.find((a) => a.title === 'Replace ACSD-90003 with ACSD-90004');
      assert.ok(replace?.edit && replace.isPreferred, actions.map((a) => a.title).join(', '));
      await vscode.workspace.applyEdit(replace.edit);
      assert.equal(doc.lineAt(3).text, '      - ACSD-90004        # deprecated');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('hovers entries as everywhere, and completes applicable IDs not listed yet', async () => {
      const [hover] = await hoverText(uri, new vscode.Position(3, 10));
      assert.match(hover ?? '', /Deprecated for Adobe Commerce 2\.4\.6-p3 · Cloud: use ACSD-90004/);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(10, 8),
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('ACSD-90002') && labels.includes('MDVA-90007-V2'), labels.join(', '));
      for (const id of ['ACSD-90004', 'ACSD-61103', 'ACSD-90003']) assert.ok(!labels.includes(id), `${id} offered`);
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'ACSD-90002')!;
      assert.equal(item.detail, 'Requires ACSD-90001');
      // Outside the list: nothing from this extension.
      const elsewhere = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(1, 2),
      );
      assert.ok(!elsewhere.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'ACSD-90002'));
    });
  });

  it('never runs anything for hostile IDs from the file or from a catalog', async () => {
    const catalog = join(w.cloud, 'hostile-catalog.yaml');
    writeFileSync(
      catalog,
      [
        'patches:',
        '  "ACSD-1; touch pwned":',
        '    title: Hostile entry',
        '    packages: { magento/magento2-base: { ">=2.4.6 <2.4.7": { file: os/x.patch } } }',
        '  "$(id)":',
        '    title: Hostile entry',
        '    packages: { magento/magento2-base: { ">=2.4.6 <2.4.7": { file: os/x.patch } } }',
        '',
      ].join('\n'),
    );
    const changed = nextChange(w.api);
    await setUserSetting('extraCatalogs', [catalog]);
    try {
      await changed;
      const known = w.cloudEntry().analysis.catalog.patches;
      assert.ok(!known.has('$(id)') && !known.has('ACSD-1; touch pwned'), 'a hostile ID entered the catalog');
      assert.ok(
        w.cloudEntry().analysis.problems.some((p) => p.file === catalog),
        'the catalog problems are reported',
      );
      const before = fakeRuns(w.cloud).length;
      for (const id of ['$(id)', 'ACSD-1; touch pwned', '`id`', 'ACSD-1 && id']) {
        for (const command of ['commercePatches.apply', 'commercePatches.revert', 'commercePatches.addToEnvYaml']) {
          const result = await run<ActionResult>(command, { id, lockFile: lockFile() });
          assert.equal(result.outcome, 'refused', `${command} ${id}`);
        }
      }
      assert.equal(fakeRuns(w.cloud).length, before);
      assert.equal(onDisk(), ORIGINAL);
      assert.ok(!existsSync(join(w.cloud, 'pwned')) && !readdirSync(w.root).includes('pwned'));
    } finally {
      await setUserSetting('extraCatalogs', undefined);
      rmSync(catalog);
    }
  });
});
