import { writeOut } from '../output';
import { resolve } from 'node:path';
import type { Analysis } from '../../core/analyze';
import { type StoreEvidence, storeEvidence } from '../../core/evidence/storeEvidence';
import type { Locale } from '../../core/locale';
import { recommendFindings } from '../../core/report/recommendFindings';
import { analyzeProjects, warnOnce } from '../analyses';
import { findingsOutput, projectRecords } from '../findingsOutput';
import { type CliCommand, warn } from '../command';
import { setUpMessages, t } from '../messages';
import { recommendJson, recommendTable } from '../recommendReport';
import { parseRecommendArgs, type RecommendArgs, usage } from './recommendArgs';
import type { Format } from './triageArgs';

/** `commerce-patches recommend`: the applicable patches that a store's own logs and settings call for, with the evidence. */
export const recommend: CliCommand = {
  usage,
  run: (argv) => runRecommend(parseRecommendArgs(argv)),
};

async function runRecommend(args: RecommendArgs): Promise<number> {
  const locale = setUpMessages(args.locale, warn);
  const analyses = analyzeProjects(args.path, args.catalogs, args.bundled, args.cacheDir);
  const logs = args.logs.map((d) => resolve(d));
  const results: Array<[Analysis, StoreEvidence]> = [];
  for (const analysis of analyses) {
    const evidence = await storeEvidence(analysis.result, { extraFolders: logs });
    warnOnce(evidence.problems);
    results.push([analysis, evidence]);
  }
  writeOut(recommendOutput(results, args.format, locale));
  return 0;
}

function recommendOutput(results: Array<[Analysis, StoreEvidence]>, format: Format, locale: Locale): string {
  switch (format) {
    case 'json':
      return recommendJson(results);
    case 'sarif':
    case 'markdown': {
      const contexts = results.map(([analysis, evidence]) => ({
        analysis,
        recommendations: evidence.recommendations,
        ...projectRecords(analysis.project),
      }));
      return findingsOutput(format, contexts, (c) => c.analysis.project, recommendFindings, locale);
    }
    default:
      return recommendTable(results, locale, t, process.cwd());
  }
}
