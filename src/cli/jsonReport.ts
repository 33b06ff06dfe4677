import type { Analysis } from '../core/analyze';
import type { Project } from '../core/lock/project';
import { type Locale, localized } from '../core/locale';

/** What every JSON report says of a project before its patches: lock file, product, installed QPT. */
export function projectJson(project: Project) {
  return {
    lockFile: project.lockFile,
    product: project.product && {
      edition: project.product.edition,
      version: project.product.version,
      b2b: project.product.b2b,
      cloud: project.product.cloud,
    },
    qpt: { installed: project.qpt.installed },
  };
}

/** The machine-readable report; its shape is a contract (see README, "Command line"). */
export function jsonReport(analyses: Analysis[], all: boolean, locale: Locale): string {
  const projects = analyses.map(({ project, result }) => ({
    ...projectJson(project),
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
  return JSON.stringify({ projects }, null, 2) + '\n';
}
