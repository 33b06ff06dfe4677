import { parseQptStatus, QptOutputError } from '../core/qpt/status';
import { FILE_LIMITS, readTextFile } from '../core/files/readTextFile';
import { Unusable } from './command';
import { t } from './messages';

/**
 * The patches applied today: `--applied ID[,ID]` as typed, plus the Applied rows of a saved
 * `magento-patches status --format=json` output (`--qpt-status FILE`).
 */
export function appliedIds(applied: readonly string[], qptStatusFile: string | undefined): Set<string> {
  const ids = new Set(
    applied
      .flatMap((a) => a.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );
  if (qptStatusFile === undefined) return ids;
  let text: string;
  try {
    text = readTextFile(qptStatusFile, FILE_LIMITS.catalog);
  } catch (e) {
    throw new Unusable(`${qptStatusFile}: ${t('cannot read the file ({0})', (e as Error).message)}`);
  }
  try {
    for (const [id, state] of parseQptStatus(text)) if (state.status === 'Applied') ids.add(id);
  } catch (e) {
    if (e instanceof QptOutputError) throw new Unusable(`${qptStatusFile}: ${e.message}`);
    throw e;
  }
  return ids;
}
