// What the editor needs of the evidence engine, in one module: the extension loads it (its own bundle,
// dist/evidence.js) on first need, so the log scanner stays out of the extension's start-up. Its copy of core's `t`
// is routed with `useTranslate` by the loader, as `activate` routes the extension's.
export { readExcerpt } from './excerpt';
export { newMatches } from './newEvidence';
export { catalogSignatures, storeEvidence } from './storeEvidence';
export { parseConfigShow } from './configShow';
export { useTranslate } from '../text/translate';
