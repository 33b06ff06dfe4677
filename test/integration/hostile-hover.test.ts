// Runs in test/fixtures/hostile-catalog: the installed QPT metadata gives ACSD-90666 a title made of an autolink to
// the Apply command, a Markdown link to Revert, HTML, a theme icon, emphasis, a bare URL and a terminal hyperlink.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './extensionApi';

/** The extension's own command links in the hover: the only commands it may trust. */
const OWN = new Set([
  'commercePatches.openDocs',
  'commercePatches.reveal',
  'commercePatches.apply',
  'commercePatches.revert',
  'commercePatches.addToEnvYaml',
  'commercePatches.removeFromEnvYaml',
  'commercePatches.showChanges',
  'commercePatches.openEvidence',
  'commercePatches.skipPatch',
  'commercePatches.investigatePatch',
  'commercePatches.clearDecision',
  'workbench.trust.manage',
]);

describe('hover on a patch with a hostile catalog title', () => {
  let md: vscode.MarkdownString;

  before(async () => {
    await extensionApi();
    const doc = await vscode.workspace.openTextDocument({
      content: 'QUALITY_PATCHES: [ACSD-90666]',
      language: 'plaintext',
    });
    await vscode.window.showTextDocument(doc);
    const position = new vscode.Position(0, doc.lineAt(0).text.indexOf('ACSD-90666') + 2);
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
    const found = hovers
      .flatMap((h) => h.contents)
      .find((c) => typeof c !== 'string' && c.value.includes('ACSD\\-90666'));
    assert.ok(
      found !== undefined && typeof found !== 'string',
      `no hover: ${JSON.stringify(hovers.map((h) => h.contents))}`,
    );
    md = found as vscode.MarkdownString;
  });

  it('escapes the title: no autolink, link, HTML, icon or emphasis of its own', () => {
    assert.match(md.value, /\\<command\\:commercePatches\\\.apply\\\?/);
    assert.match(md.value, /\\\[click\\\]\\\(command\\:commercePatches\\\.revert/);
    assert.match(md.value, /\\<img src\\=x/);
    assert.match(md.value, /\\\$\\\(alert\\\)/);
    assert.ok(!md.value.includes('\u001b') && !md.value.includes('\u0007'), 'no escape or bell character');
    // Every link left is one the hover built, to one of its own commands, with the hovered patch.
    const links = [...md.value.matchAll(/\]\((command:[^?)]+)\?([^)]*)\)/g)];
    assert.ok(links.length >= 2, md.value);
    for (const [, uri, args] of links) {
      assert.ok(OWN.has(uri.slice('command:'.length)), uri);
      assert.doesNotMatch(decodeURIComponent(args), /ACSD-90667/);
    }
  });

  it('trusts only the commands of its own links', () => {
    const trusted = md.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted !== null, `isTrusted is ${JSON.stringify(trusted)}`);
    const linked = new Set([...md.value.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]));
    assert.deepEqual(new Set(trusted.enabledCommands), linked);
    assert.equal(md.supportHtml, false);
  });

  it("renders the hostile title as text in VS Code's Markdown renderer: no link, no image runs anything", async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', md.value);
    assert.equal(typeof html, 'string');
    assert.match(html, /&lt;command:commercePatches\.apply\?/);
    assert.doesNotMatch(html, /<img/);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    for (const href of hrefs) {
      assert.ok(OWN.has(/^command:([^?]+)/.exec(href)?.[1] ?? ''), href);
      assert.doesNotMatch(decodeURIComponent(href), /ACSD-90667|evil\.example/, href);
    }
  });
});
