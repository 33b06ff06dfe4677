import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the command line keeps fetched catalogs: `--cache-dir` when given, else `$XDG_CACHE_HOME/commerce-patches`
 * (an absolute XDG_CACHE_HOME only, as the XDG spec says), else `~/.cache/commerce-patches`.
 */
export function cacheDirFor(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined && option !== '') return resolve(option);
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'commerce-patches');
}
