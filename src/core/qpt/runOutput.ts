import { catalogIdLookup } from './patchId';

/**
 * What `magento-patches apply` or `revert` said it did. QPT prints everything, errors included, on stdout, one
 * sentence per patch; IDs come upper-cased and are mapped back to the catalog's spelling when catalog IDs are given.
 */
export interface QptRunReport {
  /** `Patch X has been applied`. */
  applied: string[];
  /** `Patch X (file) was already applied` (exit 0: nothing changed). */
  alreadyApplied: string[];
  /** `Patch X has been reverted`, by a revert (after a failed apply these are in `rolledBack`). */
  reverted: string[];
  /** `Patch X (file) is not applied` (revert, exit 0: nothing changed). */
  notApplied: string[];
  /** Patches QPT could not apply or revert, with git's reason (`error: …` lines) when it printed one. */
  failed: Array<{ id: string; reason: string }>;
  /** Patches applied earlier in the same run and reverted by QPT after a failure. */
  rolledBack: string[];
  /** `Next patches weren't found: X Y.`: IDs QPT does not offer for this store. */
  notFound: string[];
  /** QPT's warning that 8 or more support patches are applied ("previous minor line"). */
  minorLineWarning: boolean;
}

const PATCH_LINE =
  /^Patch (\S+)(?: \([^)]*\))? (has been applied|was already applied|has been reverted|is not applied)\s*$/;
const CANNOT = /^(?:Error: patch (\S+) can't be applied|(\S+) can't be applied without .*)$/;
const FAILED = /^(?:Applying|Reverting) patch (\S+) \(.*\) failed\.\s*$/;
const NOT_FOUND = /^Next patches weren't found: (.*?)\. Please/;
const MINOR_LINE = /^Warning for those on a previous minor line!/;

/** Reads the output of `apply` or `revert`. Lines it does not know (titles, file names, the version) are skipped. */
export function parseQptRunOutput(output: string, catalogIds?: Iterable<string>): QptRunReport {
  const lookup = catalogIds === undefined ? undefined : catalogIdLookup(catalogIds);
  const id = (raw: string) => lookup?.(raw) ?? raw;
  const report: QptRunReport = {
    applied: [],
    alreadyApplied: [],
    reverted: [],
    notApplied: [],
    failed: [],
    rolledBack: [],
    notFound: [],
    minorLineWarning: false,
  };
  const failure = (raw: string) => {
    const found = report.failed.find((f) => f.id === id(raw));
    if (found !== undefined) return found;
    const created = { id: id(raw), reason: '' };
    report.failed.push(created);
    return created;
  };
  let reasonOf: { reason: string } | undefined;
  // eslint-disable-next-line no-control-regex
  for (const raw of output.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = PATCH_LINE.exec(line))) {
      reasonOf = undefined;
      const list = {
        'has been applied': report.applied,
        'was already applied': report.alreadyApplied,
        'has been reverted':
          report.failed.length > 0 && report.applied.length > 0 ? report.rolledBack : report.reverted,
        'is not applied': report.notApplied,
      }[m[2]];
      if (list !== undefined && !list.includes(id(m[1]))) list.push(id(m[1]));
    } else if ((m = CANNOT.exec(line))) {
      failure(m[1] ?? m[2]);
    } else if ((m = FAILED.exec(line))) {
      reasonOf = failure(m[1]);
    } else if ((m = NOT_FOUND.exec(line))) {
      report.notFound.push(
        ...m[1]
          .split(/\s+/)
          .filter((x) => x !== '')
          .map(id),
      );
    } else if (MINOR_LINE.test(line)) {
      report.minorLineWarning = true;
    } else if (reasonOf !== undefined && /^(?:error|fatal): /.test(line)) {
      reasonOf.reason = reasonOf.reason === '' ? line : `${reasonOf.reason}\n${line}`;
    }
  }
  return report;
}
