import { isAbsolute, relative } from 'node:path';
import { t } from '../text/translate';
import type { Evidence } from './evidence';
import type { Recommendation } from './recommend';

/** A path below the store root as a relative one; anything else (another folder, a command) as it is. */
function shortPath(path: string, root: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

/** Where one piece of evidence is, in a few words: `var/log/exception.log:12`, `dev/js/minify_files = "1" in app/etc/env.php`. */
function evidencePlace(e: Evidence, root: string): string {
  if (e.type === 'config') return t('{0} = {1} in {2}', e.path, JSON.stringify(e.value), shortPath(e.source, root));
  return `${shortPath(e.file, root)}:${e.line}`;
}

/** A recommendation's evidence in one line: its first place, and how many more there are. */
export function evidenceSummary(rec: Recommendation, root: string): string {
  if (rec.evidence.length === 0) return '';
  const first = evidencePlace(rec.evidence[0], root);
  return rec.evidence.length === 1 ? first : t('{0} and {1} more', first, rec.evidence.length - 1);
}
