import type { Analysis } from '../core/analyze';
import type { RecordedDecision } from '../core/decisions/decision';
import { type Locale, localized } from '../core/locale';

/** The machine-readable report; its shape is a contract (see README, "Command line"). */
export function jsonReport(
  analyses: Analysis[],
  all: boolean,
  locale: Locale,
  decisionsOf: (a: Analysis) => ReadonlyMap<string, RecordedDecision> = () => new Map(),
): string {
  const projects = analyses.map((analysis) => ({ analysis, decisions: decisionsOf(analysis) })).map(({ analysis: { project, result }, decisions }) => ({
    lockFile: project.release === undefined ? project.lockFile : null,
    ...(project.release !== undefined ? { release: project.release } : {}),
    product: project.product && {
      edition: project.product.edition,
      version: project.product.version,
      b2b: project.product.b2b,
      cloud: project.product.cloud,
    },
    qpt: { installed: project.qpt.installed },
    patches: result.patches
      .filter((e) => all || e.status !== 'not-applicable')
      .map((e) => {
        const target = e.target ?? e.patch.targets[0];
        return {
          id: e.patch.id,
          status: e.status,
          title: localized(e.patch.title, locale),
          categories: e.patch.categories,
          package: target?.package ?? null,
          constraint: target?.constraint ?? null,
          ...decisionJson(decisions.get(e.patch.id)),
        };
      }),
  }));
  return JSON.stringify({ projects }, null, 2) + '\n';
}

/** `"decision": {"decision", "note"?, "by"?, "date"?}` when the team recorded one. */
function decisionJson(d: RecordedDecision | undefined): object {
  if (d === undefined) return {};
  const { line: _line, id: _id, ...rest } = d;
  return { decision: rest };
}
