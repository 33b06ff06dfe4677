import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import type { RecordedDecision } from '../decisions/decision';
import { describeDecision } from '../decisions/describeDecision';
import type { Locale } from '../locale';
import type { Project } from '../lock/project';
import { t } from '../text/translate';
import type { Finding } from './finding';

/** The QPT page that explains applying quality patches: where the rules' help links. */
const QPT_USAGE_DOCS =
  'https://experienceleague.adobe.com/{lang}/docs/commerce-operations/tools/quality-patches-tool/usage';

/** The QPT usage page in the report's language. */
export function qptUsageDocs(locale: Locale): string {
  return QPT_USAGE_DOCS.replace('{lang}', locale);
}

/** 1-based line of a package's `"name"` in a composer.lock text (1 when not found); a plain scan, no pattern. */
function packageLine(lockText: string, name: string): number {
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let at = lockText.indexOf('"name"'); at >= 0; at = lockText.indexOf('"name"', at + 6)) {
    let i = at + 6;
    while (isSpace(lockText[i])) i++;
    if (lockText[i] !== ':') continue;
    i++;
    while (isSpace(lockText[i])) i++;
    if (lockText.startsWith(`"${name}"`, i)) return lockText.slice(0, at).split('\n').length;
  }
  return 1;
}

/** The composer.lock line of `magento/magento2-base`, where findings about the installed version point (1 when unknown). */
export function baseLockLine(project: Project): number {
  if (project.lockFile === '') return 1;
  try {
    return packageLine(readTextFile(project.lockFile, FILE_LIMITS.lock), 'magento/magento2-base');
  } catch {
    return 1;
  }
}

/** A finding's patch ID with the team's decision: a decision to skip suppresses it, the note its justification. */
export function decidedFinding(
  decisions: ReadonlyMap<string, RecordedDecision>,
  id: string,
): Pick<Finding, 'patchId' | 'decision' | 'suppressed'> {
  const d = decisions.get(id);
  return {
    patchId: id,
    ...(d !== undefined ? { decision: describeDecision(d) } : {}),
    ...(d?.decision === 'skip' ? { suppressed: d.note ?? t('Skipped in .commerce-patches.yaml') } : {}),
  };
}
