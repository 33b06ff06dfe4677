// Runs in test/fixtures/cloud-246p3: hovers over patch IDs in any file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, hoverText, recordOpenedUrls, report, waitFor } from './extensionApi';

const TEXT = [
  'QUALITY_PATCHES: [ACSD-61103, acsd-90002]', // 0: the bundled article patch, and a lower-case ID
  'Replaced: ACSD-90003 then MDVA-90007-V2', // 1: a deprecated patch, an ID with a -V2 suffix
  'Community: magento2-90001 and ACSD-99999999', // 2: a community ID, a well-formed but unknown ID
  'Not IDs: ACSD-, XACSD-61103, ACSD-61103x, patch notes, ACSD_61103', // 3
].join('\n');

function at(doc: vscode.TextDocument, line: number, word: string): vscode.Position {
  const col = doc.lineAt(line).text.indexOf(word);
  assert.ok(col >= 0, `"${word}" not on line ${line}`);
  return new vscode.Position(line, col + 1);
}

describe('hover on patch IDs (Cloud 2.4.6-p3 store)', () => {
  let api: ExtensionApi;
  let doc: vscode.TextDocument;

  before(async () => {
    api = await extensionApi();
    doc = await vscode.workspace.openTextDocument({ content: TEXT, language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
  });

  it('describes a known patch: title, categories, status for the project, constraint, links', async () => {
    const [md] = await hoverText(doc.uri, at(doc, 0, 'ACSD-61103'));
    assert.ok(md, 'no hover');
    assert.match(md, /\*\*ACSD-61103\*\* /);
    assert.match(md, /failures_num|failure count|login/i, 'no title');
    assert.match(md, /Categories:\*\* Customer, Web API/);
    assert.match(md, /\$\(cloud-download\) Applicable to Adobe Commerce 2\.4\.6-p3 · Cloud after a QPT update/);
    assert.match(md, /Constraint:\*\* magento\/magento2-base >=2\.4\.6 <2\.4\.7/);
    assert.match(md, /\[\$\(book\) Open documentation\]\(command:commercePatches\.openDocs\?/);
    assert.match(md, /\[\$\(list-tree\) Reveal in sidebar\]\(command:commercePatches\.reveal\?/);
  });

  it('normalizes a lower-case ID and lists required patches', async () => {
    const [md] = await hoverText(doc.uri, at(doc, 0, 'acsd-90002'));
    assert.ok(md, 'no hover');
    assert.match(md, /\*\*ACSD-90002\*\*/);
    assert.match(md, /Applicable to Adobe Commerce 2\.4\.6-p3 · Cloud/);
    assert.match(md, /Requires:\*\* ACSD-90001/);
  });

  it('shows the replacement of a deprecated patch and handles -V suffixes and community IDs', async () => {
    const [dep] = await hoverText(doc.uri, at(doc, 1, 'ACSD-90003'));
    assert.match(dep ?? '', /Deprecated for Adobe Commerce 2\.4\.6-p3 · Cloud: use ACSD-90004/);
    assert.match(dep ?? '', /Replaced with:\*\* ACSD-90004/);
    const [v2] = await hoverText(doc.uri, at(doc, 1, 'MDVA-90007-V2'));
    assert.match(v2 ?? '', /\*\*MDVA-90007-V2\*\*/);
    const [community] = await hoverText(doc.uri, at(doc, 2, 'magento2-90001'));
    assert.match(community ?? '', /\*\*magento2-90001\*\*/);
    assert.match(community ?? '', /Applicable to/);
  });

  it('gives an unknown well-formed ID a short hover with the search page link', async () => {
    const [md] = await hoverText(doc.uri, at(doc, 2, 'ACSD-99999999'));
    assert.ok(md, 'no hover');
    assert.match(md, /\*\*ACSD-99999999\*\* is not in the loaded patch catalogs\./);
    assert.match(md, /command:commercePatches\.openDocs\?/);
    assert.doesNotMatch(md, /Reveal in sidebar/);
  });

  it('stays silent on everything that is not a patch ID', async () => {
    const line = doc.lineAt(3).text;
    for (let col = 0; col < line.length; col++) {
      const hovers = await hoverText(doc.uri, new vscode.Position(3, col));
      assert.deepEqual(hovers, [], `hover at column ${col} ("${line.slice(col, col + 12)}…")`);
    }
  });

  it('follows its command links: documentation in the display language, reveal in the sidebar', async () => {
    const [md] = await hoverText(doc.uri, at(doc, 0, 'ACSD-61103'));
    const all = [...(md ?? '').matchAll(/\]\((command:[^)]+)\)/g)].map((m) => vscode.Uri.parse(m[1]));
    // Documentation and Reveal, then the decisions the team can record (Skip…, Investigate…).
    assert.deepEqual(
      all.map((l) => l.path),
      [
        'commercePatches.openDocs',
        'commercePatches.reveal',
        'commercePatches.skipPatch',
        'commercePatches.investigatePatch',
      ],
    );
    const links = all.slice(0, 2);
    const recorder = recordOpenedUrls(api);
    try {
      for (const link of links) {
        const args = JSON.parse(decodeURIComponent(link.query)) as unknown[];
        await vscode.commands.executeCommand(link.path, ...args);
      }
    } finally {
      recorder.restore();
    }
    assert.deepEqual(recorder.urls, [
      'https://experienceleague.adobe.com/en/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login',
    ]);
    const selected = await waitFor('revealed row', () => api.view.view.selection[0]);
    assert.equal(selected.kind === 'patch' && selected.triaged.patch.id, 'ACSD-61103');
  });

  it('prints hover latency (no assertion on time)', async () => {
    const pos = at(doc, 0, 'ACSD-61103');
    // Direct calls: the provider's own cost, with the analysis cached.
    const direct: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      api.hover.provideHover(doc, pos);
      direct.push(performance.now() - t0);
    }
    // Through VS Code's command: includes the extension host round trip.
    const viaCommand: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await hoverText(doc.uri, pos);
      viaCommand.push(performance.now() - t0);
    }
    report(
      `      hover latency: provider median ${median(direct).toFixed(3)} ms (max ${Math.max(...direct).toFixed(3)}), ` +
        `executeHoverProvider median ${median(viaCommand).toFixed(2)} ms`,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
