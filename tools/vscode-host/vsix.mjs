// Builds the extension's VSIX through the project's own `npm run package` (production esbuild + vsce package)
// into the git-ignored .cache/vsix/ folder, for `npm start` and the screenshots.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CACHE, ROOT } from './paths.mjs';
import { spawnTracked } from './processes.mjs';

export const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Where packageVsix writes the VSIX. */
export const VSIX_PATH = join(CACHE, 'vsix', `${MANIFEST.name}-${MANIFEST.version}.vsix`);

/**
 * Runs `npm run package -- --out .cache/vsix/NAME-VERSION.vsix` and resolves to that path; rejects with npm's
 * output when packaging fails.
 * @param {{ log?: (line: string) => void }} [opts]
 */
export function packageVsix({ log = console.log } = {}) {
  mkdirSync(join(CACHE, 'vsix'), { recursive: true });
  log(`packaging ${relative(ROOT, VSIX_PATH)} (npm run package)`);
  return new Promise((resolvePromise, reject) => {
    const child = spawnTracked('npm', ['run', '--silent', 'package', '--', '--out', VSIX_PATH], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && existsSync(VSIX_PATH)) return resolvePromise(VSIX_PATH);
      reject(new Error(`npm run package failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
