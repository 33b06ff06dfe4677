// What the editor needs of the upgrade plan and the release list, in one module: the extension loads it (its own
// bundle, dist/plan.js) the first time a plan or a release is asked for, so the release list and the plan's writers
// stay out of the extension's start-up. The loader routes this bundle's copies of core's `t` and of the bundled
// facts' location, and errors are recognised with this bundle's `InputError`.
export { planMarkdown } from './planMarkdown';
export { planProject, readProjectPatches } from './projectPlan';
export { analyzeRelease, releaseTableFor } from '../releases/analyzeRelease';
export { laterReleases, sortedReleases } from '../releases/releaseTable';
export { InputError } from '../problem';
export { useBundledFactsFile } from '../catalog/bundledFacts';
export { useTranslate } from '../text/translate';
