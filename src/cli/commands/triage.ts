import { analyzeProjects } from '../analyses';
import { type CliCommand, warn } from '../command';
import { jsonReport } from '../jsonReport';
import { setUpMessages, t } from '../messages';
import { tableReport } from '../tableReport';
import { parseTriageArgs, type TriageArgs, usage } from './triageArgs';

/** `commerce-patches triage`: the patches that apply to each project's installed versions. */
export const triage: CliCommand = {
  usage,
  run: (argv) => runTriage(parseTriageArgs(argv)),
};

function runTriage(args: TriageArgs): number {
  const locale = setUpMessages(args.locale, warn);
  const analyses = analyzeProjects(args.path, args.catalogs, args.bundled, args.cacheDir);
  const report =
    args.format === 'json'
      ? jsonReport(analyses, args.all, locale)
      : tableReport(analyses, args.all, locale, t, process.cwd());
  process.stdout.write(report);
  return 0;
}
