// Runs once per display language (test/integration/workspaces.json gives each run its "locale"): VS Code
// itself resolves the extension's manifest strings (package.nls.<lang>.json) and runtime strings
// (l10n/bundle.l10n.<lang>.json) for the language the window was started in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId } from './extensionApi';

/** The language this run was started in (code-server --locale); English when none was given. */
const LOCALE = (process.env.INTEGRATION_LOCALE || 'en') as 'en' | 'sv' | 'fr' | 'ja';

const EXPECTED = {
  en: {
    count: '3 applicable patches',
    one: '1 applicable patch',
    refresh: 'Refresh',
    container: 'Commerce Patches',
    view: 'Patches',
  },
  sv: {
    count: '3 tillämpliga patchar',
    one: '1 tillämplig patch',
    refresh: 'Uppdatera',
    container: 'Commerce-patchar',
    view: 'Patchar',
  },
  fr: {
    count: '3 correctifs applicables',
    one: '1 correctif applicable',
    refresh: 'Actualiser',
    container: 'Correctifs Commerce',
    view: 'Correctifs',
  },
  ja: {
    count: '適用可能なパッチ 3 件',
    one: '適用可能なパッチ 1 件',
    refresh: '最新の情報に更新',
    container: 'Commerce パッチ',
    view: 'パッチ',
  },
}[LOCALE];

describe(`display language "${LOCALE}": VS Code loads the extension's bundles`, () => {
  it('the extension host runs in the requested display language', () => {
    assert.ok(EXPECTED, `no expectations for INTEGRATION_LOCALE=${LOCALE}`);
    assert.equal(vscode.env.language, LOCALE);
  });

  it('runtime strings come from l10n/bundle.l10n.<lang>.json, singular and plural', () => {
    assert.equal(vscode.l10n.t('{0} applicable patches', '3'), EXPECTED.count);
    assert.equal(vscode.l10n.t('{0} applicable patch', '1'), EXPECTED.one);
  });

  it('manifest strings come from package.nls.<lang>.json', () => {
    type Localized = string | { value: string; original: string };
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: {
        commands: Array<{ command: string; title: Localized }>;
        viewsContainers: { activitybar: Array<{ title: Localized }> };
        views: Record<string, Array<{ name: Localized }>>;
      };
    };
    assert.ok(manifest, `extension ${extensionId} not found`);
    // A translated command title keeps its English original, which the Command Palette also matches.
    const text = (v: Localized | undefined) => (typeof v === 'string' || v === undefined ? v : v.value);
    const refresh = manifest.contributes.commands.find((c) => c.command === 'commercePatches.refresh')?.title;
    assert.equal(text(refresh), EXPECTED.refresh);
    if (LOCALE !== 'en') assert.deepEqual(refresh, { value: EXPECTED.refresh, original: 'Refresh' });
    assert.equal(text(manifest.contributes.viewsContainers.activitybar[0]?.title), EXPECTED.container);
    assert.equal(text(manifest.contributes.views.commercePatches?.[0]?.name), EXPECTED.view);
  });
});
