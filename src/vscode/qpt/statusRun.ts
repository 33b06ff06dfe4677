import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';
import type { QptInvocation } from '../../core/qpt/command';
import { parseQptStatus, type QptPatchState } from '../../core/qpt/status';
import { formatCount, t } from '../l10n';

/** `magento-patches status` failed: it could not start, exited with an error, or printed no status list. */
export class QptStatusError extends Error {
  override readonly name = 'QptStatusError';

  constructor(
    message: string,
    /** What the process printed on stderr (and stdout when it failed), for the output channel. */
    readonly output: string,
    readonly exitCode?: number,
    /** The user stopped it. */
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/** Generous: a real store's status checks every patch of the catalog with `git apply --check`. */
const TIMEOUT_MS = 5 * 60_000;
/** Room for the status list of a large catalog (about 1 KB per patch). */
const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * Runs `magento-patches status --format=json` without a shell (`execFile`) and parses what it prints. Errors are
 * {@link QptStatusError}s: why it failed (`could not start`, `exited with code 1`, what was wrong with the output),
 * in the display language, with what the process printed (as QPT printed it).
 */
export function runQptStatus(
  inv: QptInvocation,
  token?: vscode.CancellationToken,
): Promise<{ states: Map<string, QptPatchState>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      inv.command,
      inv.args,
      { cwd: inv.cwd, shell: false, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        sub?.dispose();
        if (error !== null) {
          const code = typeof error.code === 'number' ? error.code : undefined;
          const why =
            token?.isCancellationRequested === true
              ? t('stopped')
              : code !== undefined
                ? t('exited with code {0}', code)
                : error.code === 'ENOENT'
                  ? t('could not start: {0} was not found', inv.command)
                  : error.killed
                    ? t('was stopped after {0} s', formatCount(TIMEOUT_MS / 1000))
                    : error.message;
          const output = `${stderr}${code !== undefined ? stdout : ''}`.trim();
          reject(new QptStatusError(why, output, code, token?.isCancellationRequested === true));
          return;
        }
        try {
          resolve({ states: parseQptStatus(stdout), stderr });
        } catch (e) {
          reject(new QptStatusError(e instanceof Error ? e.message : String(e), `${stderr}\n${stdout}`.trim()));
        }
      },
    );
    const sub = token?.onCancellationRequested(() => child.kill());
  });
}
