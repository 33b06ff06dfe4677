// Starts code-server (a real VS Code workbench served over HTTP) with fresh, throw-away state under
// `.cache/runs/`, and stops it by PID. Nothing is written to $HOME or /tmp.
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CODE_SERVER_ENTRY, NODE24_BIN, ROOT, RUNS } from './paths.mjs';
import { killGroup, onCleanup, spawnTracked } from './processes.mjs';

/** User settings that keep the workbench quiet and deterministic. */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
});

/** How many earlier run folders to keep for looking at logs and screenshots afterwards. */
const KEEP_RUNS = 8;

/**
 * Chromium and code-server put Unix sockets in TMPDIR and the user-data folder, and a socket path may not
 * exceed 107 bytes: the longest names they put there take about 48. A repository deep in the file system would
 * push them past it, so then the run folder moves to the system's temporary folder and is removed at the end.
 */
const MAX_TMPDIR_LENGTH = 56;
/** The system's temporary folder as this process started (launchBrowser later points TMPDIR at a run folder). */
const SYSTEM_TMP = tmpdir();

function pruneRuns() {
  let dirs;
  try {
    dirs = readdirSync(RUNS)
      .map((name) => join(RUNS, name))
      .map((dir) => ({ dir, mtime: statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => a.mtime - b.mtime);
  } catch {
    return;
  }
  // Only folders older than an hour: another run on this machine may still be using a recent one.
  const hourAgo = Date.now() - 3600_000;
  for (const { dir, mtime } of dirs.slice(0, Math.max(0, dirs.length - KEEP_RUNS))) {
    if (mtime < hourAgo) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Creates a fresh run folder: user data (with settings), extensions, HOME, XDG config/data/cache and TMPDIR.
 * @param {string} name short label used in the folder name
 * @param {Record<string, unknown>} [settings] merged over DEFAULT_SETTINGS
 */
export function createRunDir(name, settings = {}) {
  pruneRuns();
  let dir = join(RUNS, `${name}-${Date.now().toString(36)}${process.pid.toString(36)}`);
  if (join(dir, 't').length > MAX_TMPDIR_LENGTH) {
    dir = mkdtempSync(join(SYSTEM_TMP, 'cpt-'));
    console.log(
      `(the repository path is too long for Unix sockets: this run's state is in ${dir}, removed at the end)`,
    );
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  }
  const paths = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    xdgConfig: join(dir, 'xdg-config'),
    xdgData: join(dir, 'xdg-data'),
    tmp: join(dir, 't'),
    home: join(dir, 'home'),
    xdgCache: join(dir, 'xdg-cache'),
    browserProfile: join(dir, 'chromium-profile'),
    emptyFolder: join(dir, 'empty-workspace'),
    log: join(dir, 'code-server.log'),
  };
  for (const p of [
    paths.userData,
    paths.extensions,
    paths.xdgConfig,
    paths.xdgData,
    paths.xdgCache,
    paths.tmp,
    paths.home,
    paths.browserProfile,
    paths.emptyFolder,
  ]) {
    mkdirSync(p, { recursive: true });
  }
  mkdirSync(join(paths.userData, 'User'), { recursive: true });
  writeFileSync(
    join(paths.userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  return paths;
}

/**
 * Environment that keeps a process's state in the run folder: HOME, XDG config/data/cache and TMPDIR (so
 * neither code-server, its extension host nor Chromium writes to the real $HOME or /tmp), plus `extra`.
 */
export function isolatedEnv(run, extra = {}) {
  return {
    ...process.env,
    HOME: run.home,
    XDG_CONFIG_HOME: run.xdgConfig,
    XDG_DATA_HOME: run.xdgData,
    XDG_CACHE_HOME: run.xdgCache,
    TMPDIR: run.tmp,
    ...extra,
  };
}

const serverEnv = isolatedEnv;

function baseArgs(run) {
  return ['--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/**
 * Lets code-server run in a display language without a language pack from the marketplace: VS Code resolves
 * `--locale` through `languagepacks.json` in the user-data folder and falls back to English when the locale
 * has no entry there. This entry has no translations, so VS Code's own UI stays English while the workbench,
 * the extension host (`vscode.env.language`) and extensions' l10n bundles and package.nls.LOCALE.json use
 * the locale.
 */
export function declareLanguagePack(run, locale) {
  const translations = join(run.dir, `language-pack-${locale}.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    join(run.userData, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `test-${locale}`,
        extensions: [{ extensionIdentifier: { id: `test.language-pack-${locale}` }, version: '0.0.1' }],
        translations: { vscode: translations },
        label: locale,
      },
    }),
  );
}

/** Installs a VSIX into the run's extensions folder (code-server --install-extension). */
export function installExtension(run, vsixPath) {
  const r = spawnSync(NODE24_BIN, [CODE_SERVER_ENTRY, ...baseArgs(run), '--install-extension', vsixPath], {
    env: serverEnv(run),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || /failed|error/i.test(output)) {
    throw new Error(`installing ${relative(ROOT, vsixPath)} into code-server failed (exit ${r.status}):\n${output}`);
  }
  return output;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a free port and waits for /healthz.
 * @param {object} run from createRunDir
 * @param {object} [opts]
 * @param {string} [opts.folder] absolute folder to open by default
 * @param {boolean} [opts.smokeTestDriver] enable the test payload (extensionDevelopmentPath/extensionTestsPath)
 * @param {string} [opts.locale] display language, e.g. "ja"
 * @param {Record<string, string>} [opts.env] extra environment (the extension host inherits code-server's)
 * @param {number} [opts.port] TCP port on 127.0.0.1 (default: a free one)
 * @param {boolean} [opts.workspaceTrust] keep VS Code's Workspace Trust on, as a user has it (default: off, so
 *   every folder is trusted and no trust prompt appears); the user settings must then not turn it off either
 * @returns {Promise<{ origin: string, port: number, pid: number, stop(): Promise<void>, logTail(n?: number): string }>}
 */
export async function startCodeServer(run, opts = {}) {
  const port = opts.port ?? (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...baseArgs(run),
  ];
  if (!opts.workspaceTrust) args.push('--disable-workspace-trust');
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (opts.locale) {
    if (!opts.locale.toLowerCase().startsWith('en')) declareLanguagePack(run, opts.locale);
    args.push('--locale', opts.locale);
  }
  if (opts.folder) args.push(opts.folder);

  const log = createWriteStream(run.log, { flags: 'a' });
  const child = spawnTracked(NODE24_BIN, args, {
    cwd: run.dir,
    env: serverEnv(run, opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`;
  });

  const logTail = (n = 30) => {
    try {
      return readFileSync(run.log, 'utf8').split('\n').slice(-n).join('\n');
    } catch {
      return '';
    }
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited)
      throw new Error(`code-server stopped during start-up (${exited}); log ${relative(ROOT, run.log)}:\n${logTail()}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `code-server did not answer ${origin}/healthz within 60 s; log ${relative(ROOT, run.log)}:\n${logTail()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    port,
    pid: child.pid,
    logTail,
    async stop() {
      await killGroup(child.pid);
      log.end();
    },
  };
}
