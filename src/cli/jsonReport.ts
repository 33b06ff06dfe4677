import type { Analysis } from '../core/analyze';
import { type Locale, localized } from '../core/locale';

/** The machine-readable report; its shape is a contract (see README, "Command line"). */
export function jsonReport(analyses: Analysis[], all: boolean, locale: Locale): string {
  const projects = analyses.map(({ project, result }) => ({
    lockFile: project.lockFile,
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
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
