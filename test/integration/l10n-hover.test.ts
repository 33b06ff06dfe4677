// Runs in test/fixtures/cloud-246p3 once per display language: the ACSD-61103 hover, the tree rows and
// tooltip, and the documentation links as a user of that language sees them. Patch texts come from the
// catalog in the display language (ACSD-61103 has all four); a patch with English text only shows it as is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { extensionApi, hoverText, patchRows, plain, projectGroups } from './extensionApi';

const ARTICLE =
  'docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login';
const NB = '\u00a0';
/** The language this run was started in (code-server --locale); English when none was given. */
const LOCALE = (process.env.INTEGRATION_LOCALE || 'en') as 'en' | 'sv' | 'fr' | 'ja';

/** The ACSD-61103 hover, line by line, and what the rest of the UI says, per language. */
const EXPECTED = {
  en: {
    hover: [
      '**ACSD-61103** Customer failed-login count kept after a successful API sign-in',
      '$(cloud-download) Applicable to Adobe Commerce 2.4.6-p3 · Cloud after a QPT update',
      '**Categories:** Customer, Web API',
      '**Constraint:** magento/magento2-base >=2.4.6 <2.4.7',
      '**QPT version:** 1.1.54',
      '**Fixed in release:** 2.4.8',
    ],
    docs: 'Open documentation',
    reveal: 'Reveal in sidebar',
    groups: ['Applicable', 'Needs QPT update', 'Deprecated / replaced', 'Scheduled (Cloud build)'],
    tooltip: [
      'A customer who signs in successfully through the REST or GraphQL API',
      '**QPT version:** 1.1.54 (installed: 1.1.43)',
    ],
    unknown: '**ACSD-99999999** is not in the loaded patch catalogs.',
    search: '',
  },
  sv: {
    hover: [
      '**ACSD-61103** Kundens räknare för misslyckade inloggningar nollställs inte vid lyckad API-inloggning',
      '$(cloud-download) Tillämplig för Adobe Commerce 2.4.6-p3 · Cloud efter en QPT-uppdatering',
      '**Kategorier:** Customer, Web API',
      '**Versionsvillkor:** magento/magento2-base >=2.4.6 <2.4.7',
      '**QPT-version:** 1.1.54',
      '**Åtgärdad i version:** 2.4.8',
    ],
    docs: 'Öppna dokumentationen',
    reveal: 'Visa i sidofältet',
    groups: ['Tillämplig', 'Kräver QPT-uppdatering', 'Inaktuell/ersatt', 'Schemalagd (Cloud-bygge)'],
    tooltip: ['När en kund loggar in via REST- eller GraphQL-API:t', '**QPT-version:** 1.1.54 (installerad: 1.1.43)'],
    unknown: '**ACSD-99999999** finns inte i de inlästa patchkatalogerna.',
    search: '?lang=sv-SE',
  },
  fr: {
    hover: [
      '**ACSD-61103** Compteur de connexions échouées du client conservé après une connexion réussie par l’API',
      '$(cloud-download) Applicable à Adobe Commerce 2.4.6-p3 · Cloud après une mise à jour de QPT',
      `**Catégories${NB}:** Customer, Web API`,
      `**Contrainte${NB}:** magento/magento2-base >=2.4.6 <2.4.7`,
      `**Version de QPT${NB}:** 1.1.54`,
      `**Corrigé dans la version${NB}:** 2.4.8`,
    ],
    docs: 'Ouvrir la documentation',
    reveal: 'Afficher dans la barre latérale',
    groups: ['Applicable', 'Mise à jour de QPT requise', 'Obsolète / remplacé', 'Planifié (build Cloud)'],
    tooltip: [
      'Lorsqu’un client se connecte avec succès par l’API REST ou GraphQL',
      `**Version de QPT${NB}:** 1.1.54 (installée${NB}: 1.1.43)`,
    ],
    unknown: '**ACSD-99999999** ne figure dans aucun des catalogues de correctifs chargés.',
    search: '?lang=fr',
  },
  ja: {
    hover: [
      '**ACSD-61103** API でのログイン成功後も顧客のログイン失敗回数が残る',
      '$(cloud-download) QPT の更新後、Adobe Commerce 2.4.6-p3 · Cloud に適用可能',
      '**カテゴリ:** Customer, Web API',
      '**制約:** magento/magento2-base >=2.4.6 <2.4.7',
      '**QPT バージョン:** 1.1.54',
      '**修正リリース:** 2.4.8',
    ],
    docs: 'ドキュメントを開く',
    reveal: 'サイド バーに表示',
    groups: ['適用可能', 'QPT の更新が必要', '非推奨 / 置き換え済み', 'スケジュール済み (Cloud ビルド)'],
    tooltip: ['顧客が REST または GraphQL API', '**QPT バージョン:** 1.1.54 (インストール済み: 1.1.43)'],
    unknown: '**ACSD-99999999** は読み込まれたパッチ カタログにありません。',
    search: '?lang=ja',
  },
}[LOCALE];

/** The hover's lines as a reader sees them (escapes undone), without blank lines and trailing breaks. */
function lines(markdown: string): string[] {
  return plain(markdown)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
}

describe(`display language "${LOCALE}": ACSD-61103 on the Cloud 2.4.6-p3 store`, () => {
  let api: ExtensionApi;
  let doc: vscode.TextDocument;
  const at = (word: string) => new vscode.Position(0, doc.lineAt(0).text.indexOf(word) + 1);

  before(async () => {
    api = await extensionApi();
    doc = await vscode.workspace.openTextDocument({
      content: 'ACSD-61103 ACSD-90001 ACSD-99999999',
      language: 'plaintext',
    });
  });

  it('the hover: title from the catalog in this language, labels and status sentence from the bundle', async () => {
    const [md] = await hoverText(doc.uri, at('ACSD-61103'));
    assert.ok(md, 'no hover');
    const got = lines(md);
    assert.deepEqual(got.slice(0, EXPECTED.hover.length), EXPECTED.hover, got.join('\n'));
    const links = got.find((l) => l.includes('(command:commercePatches.openDocs?')) ?? '';
    assert.match(
      links,
      new RegExp(`^\\[\\$\\(book\\) ${escape(EXPECTED.docs)}\\]\\(command:commercePatches\\.openDocs\\?`),
    );
    assert.match(
      links,
      new RegExp(`\\[\\$\\(list-tree\\) ${escape(EXPECTED.reveal)}\\]\\(command:commercePatches\\.reveal\\?`),
    );
  });

  it('"Open documentation" goes to the article in this language', () => {
    const link = api.docsLinkFor(api.store, { id: 'ACSD-61103' });
    assert.deepEqual(link, { kind: 'article', url: `https://experienceleague.adobe.com/${LOCALE}/${ARTICLE}` });
    const unknown = api.docsLinkFor(api.store, { id: 'ACSD-99999999' });
    assert.equal(
      unknown.url,
      `https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html${EXPECTED.search}#ACSD-99999999`,
    );
  });

  it('a patch whose catalog text is English only shows it as is, beside translated labels, with no marker', async () => {
    const [md] = await hoverText(doc.uri, at('ACSD-90001'));
    const got = lines(md ?? '');
    assert.match(got[0] ?? '', /^\*\*ACSD-90001\*\* Fixes the issue where the checkout totals are shown twice/);
    assert.doesNotMatch(got[0] ?? '', /\((?:en|English|untranslated)\)|⚠|\?\?/i);
    const categories = EXPECTED.hover[2].slice(0, EXPECTED.hover[2].indexOf('** ') + 2);
    assert.ok(
      got.some((l) => l.startsWith(`${categories} `)),
      `no "${categories}" line:\n${got.join('\n')}`,
    );
  });

  it('an unknown ID: the sentence in this language', async () => {
    const [md] = await hoverText(doc.uri, at('ACSD-99999999'));
    assert.equal(lines(md ?? '')[0], EXPECTED.unknown);
  });

  it('the tree: group labels, the row title and its tooltip in this language', async () => {
    const groups = await projectGroups(api);
    assert.deepEqual(
      groups.map((g) => g.label),
      EXPECTED.groups,
    );
    const needsUpdate = groups[1];
    const [row] = (await patchRows(api, needsUpdate.node)).filter((r) => r.label === 'ACSD-61103');
    assert.ok(row, 'no ACSD-61103 row');
    assert.equal(row.description, EXPECTED.hover[0].replace('**ACSD-61103** ', ''));
    const resolved = api.view.provider.resolveTreeItem(row.item, row.node);
    const tooltip =
      resolved.tooltip instanceof vscode.MarkdownString ? plain(resolved.tooltip.value) : String(resolved.tooltip);
    for (const part of EXPECTED.tooltip) assert.ok(tooltip.includes(part), `tooltip lacks "${part}":\n${tooltip}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
