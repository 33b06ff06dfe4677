// What the editor needs of the evidence engine, in one module: the extension loads it (its own bundle,
// dist/evidence.js) on first need, so the log scanner stays out of the extension's start-up.
export { readExcerpt } from './excerpt';
export { newMatches } from './newEvidence';
export { storeEvidence } from './storeEvidence';
export { parseConfigShow } from './configShow';
