import { execFile } from 'node:child_process';
import { t } from '../l10n';
import { evidenceEngine } from './evidenceEngine';

/** Values read per store, and when: `config:show` starts PHP and Magento, so it runs once a minute at most. */
const cache = new Map<string, { at: number; values: ReadonlyMap<string, string> | undefined }>();
const FRESH_MS = 60_000;

/**
 * Runs `<command> config:show` in the store's root (an argument list, never a shell) and reads its `path - value`
 * lines. A failure is told to `log` and gives no values (the settings stay unknown).
 */
export function databaseConfig(
  command: readonly string[],
  root: string,
  log: (message: string) => void,
): Promise<ReadonlyMap<string, string> | undefined> {
  const key = `${root}\n${command.join('\n')}`;
  const hit = cache.get(key);
  if (hit !== undefined && Date.now() - hit.at < FRESH_MS) return Promise.resolve(hit.values);
  return new Promise((resolve) => {
    execFile(
      command[0],
      [...command.slice(1), 'config:show'],
      { cwd: root, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout) => {
        let values: ReadonlyMap<string, string> | undefined;
        if (error) log(t('{0} failed: {1}', [...command, 'config:show'].join(' '), error.message.split('\n')[0]));
        else values = evidenceEngine().parseConfigShow(stdout);
        cache.set(key, { at: Date.now(), values });
        resolve(values);
      },
    );
  });
}
