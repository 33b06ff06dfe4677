import { stateReasonText } from '../core/text/stateText';
import { projectJson } from './jsonReport';
import { type StatusOfProject, statusPatches } from '../core/applied/appliedStatus';

/** The machine-readable status report; its shape is a contract (see README, "Command line"). */
export function statusJson(projects: StatusOfProject[]): string {
  const out = projects.map((status) => ({
    ...projectJson(status.analysis.project),
    patches: statusPatches(status).map((e) => {
      const s = status.applied?.patches.get(e.patch.id);
      return {
        id: e.patch.id,
        status: e.status,
        state: s?.state ?? 'unknown',
        ...(s?.reason !== undefined ? { reason: stateReasonText(s.reason) } : {}),
        ...(s !== undefined && s.files.length > 0 ? { files: s.files } : {}),
      };
    }),
    local: (status.applied?.local ?? []).map((l) => ({
      file: l.file,
      origin: l.origin,
      ...(l.package !== undefined ? { package: l.package } : {}),
      state: l.state,
      ...(l.reason !== undefined ? { reason: stateReasonText(l.reason) } : {}),
    })),
  }));
  return JSON.stringify({ projects: out }, null, 2) + '\n';
}
