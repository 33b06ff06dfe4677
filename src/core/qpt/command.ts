import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Project } from '../lock/project';
import { checkPatchIds, qptCommandLineId, type KnownIds } from './patchId';
import { t } from '../text/translate';

/**
 * A process to start: an executable and its arguments, never a shell string. VS Code runs it as a
 * `ProcessExecution`, tests with `child_process.execFile`.
 */
export interface QptInvocation {
  command: string;
  args: string[];
  cwd: string;
}

/** What the invocation builders need from a project. */
export type QptProject = Pick<Project, 'root' | 'vendorDir' | 'binDir'>;

/** The Composer package that brings the tool; "not installed" messages tell the user to require it. */
export const QPT_PACKAGE = 'magento/quality-patches';
export const QPT_INSTALL_COMMAND = `composer require ${QPT_PACKAGE}`;

/** A command prefix that cannot be used (from settings: not a list of non-empty strings). */
export class QptPrefixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QptPrefixError';
  }
}

/** `<bin-dir>/magento-patches` relative to the project root (absolute when it cannot be made relative). */
function qptScriptPath(project: QptProject): string {
  const script = join(project.binDir, 'magento-patches');
  const rel = relative(project.root, script);
  return rel === '' || isAbsolute(rel) ? script : rel;
}

/** `["php", "vendor/bin/magento-patches"]`, with the project's own bin-dir. */
export function defaultQptPrefix(project: QptProject): string[] {
  return ['php', qptScriptPath(project)];
}

/**
 * Checks a user-configured prefix such as `["ddev", "exec", "vendor/bin/magento-patches"]`. It must be an array of
 * non-empty strings; a single string is refused rather than split, since splitting would need shell quoting rules.
 */
export function checkQptPrefix(value: unknown): string[] {
  const example = '["ddev", "exec", "vendor/bin/magento-patches"]';
  if (typeof value === 'string') {
    throw new QptPrefixError(
      t('The QPT command must be a list of arguments such as {0}, not the string {1}.', example, JSON.stringify(value)),
    );
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new QptPrefixError(t('The QPT command must be a non-empty list of arguments such as {0}.', example));
  }
  value.forEach((part, i) => {
    if (typeof part !== 'string' || part === '' || part.includes('\0')) {
      throw new QptPrefixError(
        t(
          "The QPT command's argument {0} ({1}) must be a non-empty string.",
          i + 1,
          JSON.stringify(part) ?? String(part),
        ),
      );
    }
  });
  return [...(value as string[])];
}

function invocation(project: QptProject, prefix: readonly string[] | undefined, tail: string[]): QptInvocation {
  const [command, ...args] = prefix === undefined ? defaultQptPrefix(project) : checkQptPrefix(prefix);
  return { command, args: [...args, ...tail], cwd: project.root };
}

export interface QptPatchOptions {
  /** IDs that may be passed on (the catalog's patches, or a `Set`); anything else is refused. */
  known: KnownIds;
  /**
   * Replaces `php <bin-dir>/magento-patches`, e.g.
   * `["warden", "env", "exec", "-T", "php-fpm", "vendor/bin/magento-patches"]`.
   */
  prefix?: readonly string[];
}

/**
 * `magento-patches apply -n ID...`. IDs are checked first (well formed, then known, duplicates dropped); a bad one
 * throws `PatchIdError` and nothing is built. A bad prefix throws `QptPrefixError`. The IDs go on the command line
 * upper-cased, the only form QPT accepts (`magento/magento2/34528` → `MAGENTO/MAGENTO2/34528`).
 */
export function qptApplyCommand(project: QptProject, ids: readonly string[], options: QptPatchOptions): QptInvocation {
  return invocation(project, options.prefix, ['apply', '-n', ...commandLineIds(ids, options.known)]);
}

/** `magento-patches revert -n ID...`, checked and upper-cased like {@link qptApplyCommand}. */
export function qptRevertCommand(project: QptProject, ids: readonly string[], options: QptPatchOptions): QptInvocation {
  return invocation(project, options.prefix, ['revert', '-n', ...commandLineIds(ids, options.known)]);
}

function commandLineIds(ids: readonly string[], known: KnownIds): string[] {
  return [...new Set(checkPatchIds(ids, known).map(qptCommandLineId))];
}

/** `magento-patches status --format=json`; parse its output with `parseQptStatus`. */
export function qptStatusCommand(project: QptProject, prefix?: readonly string[]): QptInvocation {
  return invocation(project, prefix, ['status', '--format=json']);
}

/**
 * Whether the tool is there to run: `<bin-dir>/magento-patches` or `<vendor-dir>/magento/quality-patches` exists.
 * When not, tell the user to run {@link QPT_INSTALL_COMMAND}.
 */
export function isQptInstalled(project: QptProject): boolean {
  return (
    existsSync(join(project.binDir, 'magento-patches')) ||
    existsSync(join(project.vendorDir, 'magento', 'quality-patches'))
  );
}
