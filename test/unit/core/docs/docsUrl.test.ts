import * as assert from 'node:assert/strict';
import { articleUrl, docsLink, isUsableDocsPath, searchUrl } from '../../../../src/core/docs/docsUrl';
import { toLocale } from '../../../../src/core/locale';

const PATH_61103 = 'v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login';
const ARTICLE_TAIL = '/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/' + PATH_61103;

describe('docs URLs', () => {
  it('links a patch with a docs path to its article in each documented language', () => {
    for (const lang of ['en', 'sv', 'fr', 'ja'] as const) {
      assert.deepEqual(docsLink({ id: 'ACSD-61103', docsPath: PATH_61103 }, lang), {
        kind: 'article',
        url: `https://experienceleague.adobe.com/${lang}${ARTICLE_TAIL}`,
      });
    }
  });

  it('falls back to the English article for display languages without a translation', () => {
    for (const tag of ['de', 'pt-BR', 'zh-cn', '', undefined]) {
      assert.equal(articleUrl(PATH_61103, toLocale(tag)), `https://experienceleague.adobe.com/en${ARTICLE_TAIL}`);
    }
    // Region variants map to the language's article, not to English.
    assert.equal(articleUrl(PATH_61103, toLocale('sv-SE')), `https://experienceleague.adobe.com/sv${ARTICLE_TAIL}`);
    assert.equal(articleUrl(PATH_61103, toLocale('ja-JP')), `https://experienceleague.adobe.com/ja${ARTICLE_TAIL}`);
  });

  it('sends a patch without a docs path to the search page with the language code the page expects', () => {
    const base = 'https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html';
    assert.deepEqual(docsLink({ id: 'MDVA-39305-V3' }, 'en'), { kind: 'search', url: `${base}#MDVA-39305-V3` });
    assert.equal(docsLink({ id: 'ACSD-1' }, 'fr').url, `${base}?lang=fr#ACSD-1`);
    assert.equal(docsLink({ id: 'ACSD-1' }, 'ja').url, `${base}?lang=ja#ACSD-1`);
    assert.equal(docsLink({ id: 'ACSD-1' }, 'sv').url, `${base}?lang=sv-SE#ACSD-1`);
  });

  it('escapes IDs that contain URL syntax and omits an empty ID', () => {
    const base = 'https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html';
    assert.equal(searchUrl('magento/magento2/34529', 'en'), `${base}#magento%2Fmagento2%2F34529`);
    assert.equal(searchUrl('A B#?&', 'en'), `${base}#A%20B%23%3F%26`);
    assert.equal(searchUrl('  ', 'fr'), `${base}?lang=fr`);
    assert.equal(searchUrl(undefined, 'en'), base);
  });

  it('refuses docs paths that could leave the article folder or change the host', () => {
    for (const bad of [
      '',
      '/v1-1-54/x',
      'v1-1-54/../../../../evil',
      '..',
      'v1-1-54//x',
      'v1-1-54/x/',
      'https://evil.example/x',
      '//evil.example/x',
      'v1-1-54/x?y=1',
      'v1-1-54/x#frag',
      'v1-1-54/a b',
      'v1-1-54\\x',
      'v1-1-54/x..y',
    ]) {
      assert.equal(isUsableDocsPath(bad), false, bad);
      assert.equal(docsLink({ id: 'ACSD-61103', docsPath: bad }, 'en').kind, 'search', bad);
    }
    assert.equal(isUsableDocsPath(PATH_61103), true);
    assert.equal(isUsableDocsPath('v1-1-82/mdva-12345_v2.fix'), true);
  });
});
