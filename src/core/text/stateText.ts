import type { AppliedState, StateReason } from '../applied/appliedState';
import type { CorruptDetail } from '../diff/types';
import { t } from './translate';

/** Short name of an applied state, as table headings and tooltips show it. */
export function stateLabel(state: AppliedState): string {
  switch (state) {
    case 'applied':
      return t('Applied');
    case 'not-applied':
      return t('Not applied');
    case 'conflict':
      return t('Conflict');
    case 'unknown':
      return t('Unknown');
  }
}

/** Why a patch has its state, in one sentence. */
export function stateReasonText(reason: StateReason): string {
  const partly = 'partly' in reason && reason.partly !== undefined ? reason.partly : undefined;
  const main = mainText(reason);
  return partly !== undefined && reason.kind !== 'partly-applied'
    ? t('{0}; partly applied ({1} of {2} changes in place)', main, partly.applied, partly.total)
    : main;
}

function mainText(reason: StateReason): string {
  switch (reason.kind) {
    case 'may-be-applied':
      return t(
        'it applies both ways (the lines it adds repeat its own context), so git and QPT say not applied: it may well be applied',
      );
    case 'required-by-applied':
      return t('counted as applied because {0}, which requires it, is applied', reason.by);
    case 'file-missing':
      return t('{0} is missing', path(reason.path));
    case 'file-exists':
      return t('{0} exists already (the patch creates it)', path(reason.path));
    case 'hunk-mismatch':
      return t('hunk {0} of {1} does not match at line {2}', reason.hunk, path(reason.path), reason.line);
    case 'partly-applied':
      return t('partly applied: {0} of {1} changes in place', reason.partly.applied, reason.partly.total);
    case 'leaves-content':
      return t('{0} has more lines than the patch deletes', path(reason.path));
    case 'qpt-missing':
      return t("QPT's patch files are not there (no magento/quality-patches/patches in the vendor folder)");
    case 'no-patch-file':
      return t('no patch file for the installed versions');
    case 'patch-unreadable':
      return t('{0}: {1}', reason.file, reason.message);
    case 'binary':
      return t('{0}: a binary change to {1} cannot be checked', reason.file, path(reason.path));
    case 'unsafe-path':
      return t('{0}: the path {1} leaves the project and is refused', reason.file, path(reason.path));
    case 'corrupt':
      return t('{0}: corrupt patch at line {1} ({2})', reason.file, reason.line, corruptText(reason.detail));
    case 'empty':
      return t('{0}: no change that git can apply', reason.file);
    case 'too-large':
      return t('{0}: {1} bytes, more than the {2} the check reads', reason.file, reason.bytes, reason.limit);
    case 'remote':
      return t('{0}: an address, not fetched', reason.url);
  }
}

function corruptText(detail: CorruptDetail): string {
  switch (detail) {
    case 'hunk-without-header':
      return t('a hunk without a file header');
    case 'no-file-name':
      return t('no file name');
    case 'new-file-has-old-lines':
      return t('a new file with old lines');
    case 'deleted-file-has-new-lines':
      return t('a deleted file with new lines');
    case 'bad-hunk-header':
      return t('a malformed hunk header');
    case 'ends-inside-hunk':
      return t('the diff ends inside a hunk');
    case 'not-a-hunk-line':
      return t('a line that does not belong in a hunk: its counts may be wrong');
    case 'counts-do-not-fit':
      return t("the hunk's lines do not fit its header's counts");
    case 'hunk-without-changes':
      return t('a hunk without changes');
  }
}

/** A patch path (bytes) as text. */
function path(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
