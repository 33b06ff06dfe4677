import type { Locale } from '../locale';

/** Where Adobe publishes one article per quality patch; `{lang}` is `en`, `sv`, `fr` or `ja`. */
const ARTICLE_BASE =
  'https://experienceleague.adobe.com/{lang}/docs/commerce-operations/tools/quality-patches-tool/patches-available-in-qpt/';

/** Adobe's patch search page, which finds any patch by its ID. */
export const SEARCH_PAGE = 'https://experienceleague.adobe.com/tools/commerce-quality-patches/index.html';

/** The `lang` query value the search page expects for each language (English needs none). */
const SEARCH_LANG: Record<Locale, string | undefined> = { en: undefined, sv: 'sv-SE', fr: 'fr', ja: 'ja' };

/** A docs path is relative and made of plain slug segments, e.g. `v1-1-54/acsd-61103-customer-...`. */
const DOCS_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

type DocsLinkKind = 'article' | 'search';

export interface DocsLink {
  /** `article` when the patch's own page is known, `search` for the search page. */
  kind: DocsLinkKind;
  url: string;
}

/** True when `docsPath` can be appended to {@link ARTICLE_BASE} as is (no scheme, no `..`, no spaces or queries). */
export function isUsableDocsPath(docsPath: string): boolean {
  return (
    DOCS_PATH.test(docsPath) && !docsPath.split('/').some((segment) => /^\.+$/.test(segment) || segment.includes('..'))
  );
}

/** The patch's article in `locale` (every supported language has its own copy of the documentation). */
export function articleUrl(docsPath: string, locale: Locale): string {
  return ARTICLE_BASE.replace('{lang}', locale) + docsPath;
}

/**
 * The search page in `locale`. The page takes no documented search parameter, so the ID travels as the URL
 * fragment (`#ACSD-61103`): the page loads normally, the ID stays visible in the address bar, and callers tell
 * the user to search for it.
 */
export function searchUrl(patchId: string | undefined, locale: Locale): string {
  const lang = SEARCH_LANG[locale];
  const query = lang === undefined ? '' : `?lang=${lang}`;
  const id = patchId?.trim();
  return SEARCH_PAGE + query + (id ? `#${encodeURIComponent(id)}` : '');
}

/** Where "Open documentation" goes for a patch: its article when the catalog gives a usable path, else the search page. */
export function docsLink(patch: { id: string; docsPath?: string }, locale: Locale): DocsLink {
  if (patch.docsPath !== undefined && isUsableDocsPath(patch.docsPath)) {
    return { kind: 'article', url: articleUrl(patch.docsPath, locale) };
  }
  return { kind: 'search', url: searchUrl(patch.id, locale) };
}
