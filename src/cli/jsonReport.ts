import type { Analysis } from '../core/analyze';
import type { Project } from '../core/lock/project';
import { catalogVersions } from '../core/catalog/layers';
import type { RecordedDecision } from '../core/decisions/decision';
import { type Locale, localized } from '../core/locale';
import { qptUpdateText } from '../core/text/describe';
import { english } from '../core/text/translate';

/** What every JSON report says of a project before its patches: lock file, product, installed QPT. */
export function projectJson(project: Project) {
  return { lockFile: project.lockFile, product: productJson(project), qpt: { installed: project.qpt.installed } };
}

/**
 * The machine-readable report; its shape is a contract (see README, "Command line"). Only patch titles follow the
 * display language; the rest (the reason a patch needs a QPT update included) is English.
 */
export function jsonReport(
  analyses: Analysis[],
  all: boolean,
  locale: Locale,
  decisionsOf: (a: Analysis) => ReadonlyMap<string, RecordedDecision> = () => new Map(),
): string {
  const projects = analyses
    .map((analysis) => ({ analysis, decisions: decisionsOf(analysis) }))
    .map(({ analysis: { project, result, catalog }, decisions }) => ({
      lockFile: project.release === undefined ? project.lockFile : null,
      ...(project.release !== undefined ? { release: project.release } : {}),
      product: productJson(project),
      qpt: { installed: project.qpt.installed },
      catalog: catalogVersions(catalog),
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
            ...(e.status === 'needs-qpt-update'
              ? {
                  qpt: e.patch.qptVersion ?? null,
                  reason: qptUpdateText(e.patch.id, e.patch.qptVersion, project.qpt.installed, english),
                }
              : {}),
            ...decisionJson(decisions.get(e.patch.id)),
          };
        }),
    }));
  return asciiSafeJson(JSON.stringify({ projects }, null, 2)) + '\n';
}

/**
 * JSON.stringify escapes C0 controls and lone surrogates, not DEL, C1 controls or the bidirectional controls; these
 * are escaped too (`\u009b`), so that the report is safe to read in a terminal and still the same JSON.
 */
function asciiSafeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The product of a project in the JSON reports; null for a lock without Magento. */
export function productJson(project: Project) {
  return (
    project.product && {
      edition: project.product.edition,
      version: project.product.version,
      b2b: project.product.b2b,
      cloud: project.product.cloud,
    }
  );
}

/** `"decision": {"decision", "note"?, "by"?, "date"?}` when the team recorded one. */
function decisionJson(d: RecordedDecision | undefined): object {
  if (d === undefined) return {};
  const { line: _line, id: _id, ...rest } = d;
  return { decision: rest };
}
