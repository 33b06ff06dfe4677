import { writeOut } from '../output';
import { relative, resolve } from 'node:path';
import type { Catalog } from '../../core/catalog/patch';
import { catalogSignatures, readStoreFacts } from '../../core/evidence/storeEvidence';
import { loadCatalog } from '../../core/catalog/load';
import { readProject } from '../../core/lock/read';
import { planProject, readProjectPatches } from '../../core/plan/projectPlan';
import type { UpgradePlan } from '../../core/plan/upgradePlan';
import { planMarkdown } from '../../core/plan/planMarkdown';
import { InputError, type Problem } from '../../core/problem';
import { releaseTableFor } from '../../core/releases/analyzeRelease';
import { compareReleases } from '../../core/releases/releaseTable';
import { appliedIds } from '../appliedIds';
import { type CliCommand, reportInputs, requireCatalogFiles, warn } from '../command';
import { lockFilesFor } from '../lockFiles';
import { setUpMessages, t } from '../messages';
import { planJson, planTable } from '../planReport';
import { type PlanArgs, parsePlanArgs, usage } from './planArgs';

/** `commerce-patches plan`: what happens to the patches a project uses when it moves to another release. */
export const plan: CliCommand = {
  usage,
  run: (argv) => runPlan(parsePlanArgs(argv)),
};

async function runPlan(args: PlanArgs): Promise<number> {
  const locale = setUpMessages(args.locale, warn);
  requireCatalogFiles(args.catalogs);
  const applied = appliedIds(args.applied, args.qptStatus);
  const plans: UpgradePlan[] = [];
  const problems: Problem[] = [];
  const failures: string[] = [];
  for (const lockFile of lockFilesFor(args.path)) {
    try {
      const project = readProject(lockFile);
      if (project.product === null) {
        failures.push(t('{0}: not a Commerce project (no magento/magento2-base in the lock file)', lockFile));
        continue;
      }
      const catalog = loadCatalog({ bundled: args.bundled, project, extraFiles: args.catalogs });
      const table = releaseTableFor(project, args.catalogs);
      problems.push(...catalog.problems, ...table.problems);
      for (const to of args.to) {
        if (table.releases.has(to) && compareReleases(to, project.product.version) <= 0) {
          warn(t('{0} is not newer than {1}, the version of {2}', to, project.product.version, lockFile));
        }
      }
      const patches = readProjectPatches(project);
      problems.push(...patches.problems);
      // Read once for the project, for every target: the signatures of every catalog patch, not only today's.
      const evidence = args.evidence ? await readEvidence(project.root, catalog, args.logs) : undefined;
      problems.push(...(evidence?.problems ?? []));
      plans.push(...planProject(project, catalog, table, args.to, { applied, patches, evidence: evidence?.facts }));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  reportInputs(plans.length, failures, problems);
  const cwd = process.cwd();
  const where = (p: UpgradePlan) => relative(cwd, p.project.lockFile) || p.project.lockFile;
  let report: string;
  if (args.format === 'json') report = planJson(plans);
  else if (args.format === 'markdown') report = plans.map((p) => planMarkdown(p, where(p), locale)).join('\n');
  else report = planTable(plans, locale, t, cwd);
  writeOut(report);
  return args.failOnBlocked && plans.some((p) => p.patches.some((e) => e.blocksUpgrade)) ? 1 : 0;
}

/** What the store's logs (and the extra folders) and settings show for the signatures of every catalog patch. */
function readEvidence(root: string, catalog: Catalog, logs: readonly string[]) {
  return readStoreFacts(root, catalogSignatures(catalog), { extraFolders: logs.map((d) => resolve(d)) });
}
