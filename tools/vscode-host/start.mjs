// `npm start`: the extension in a real VS Code in the browser, on the sample store that ships in the repository.
// Packages the VSIX (npm run package), installs the tools once into .cache/ (the same cache as the tests:
// Node 24, code-server, Debian's Chromium for the checks), starts code-server on 127.0.0.1 with the VSIX
// installed and test/fixtures/sample-store open, prints the address to open, and runs until Ctrl-C or SIGTERM,
// then stops every process it started, by process group. Its state (user data, extensions, HOME, TMPDIR) is in a
// fresh folder under .cache/runs/; nothing goes to $HOME or /tmp.
//
// Workspace Trust is on, as in a user's VS Code: the store opens in Restricted Mode (a banner at the top says
// so). The Patches view, the hover and the status bar work there; Apply, Revert and Check Applied run the Quality
// Patches Tool and need a trusted folder: Manage in the banner, then Trust.
//
// Usage: npm start [-- --folder=PATH] [-- --locale=LANG] [-- --vsix=PATH] [-- --trusted]
//   PORT=N      listen on this port (default: a free one)
//   --folder    open another folder (absolute or relative to the repository) instead of the sample store
//   --locale    display language (code-server --locale): en, sv, fr or ja
//   --vsix      install this VSIX instead of packaging one
//   --trusted   start with Workspace Trust off (every folder trusted, no prompt), as the tests do
import { existsSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, relative, resolve } from 'node:path';
import { ensureTools } from './install.mjs';
import { ROOT } from './paths.mjs';
import { cleanupAll } from './processes.mjs';
import { createRunDir, installExtension, startCodeServer } from './server.mjs';
import { MANIFEST, packageVsix } from './vsix.mjs';

const SAMPLE_STORE = 'test/fixtures/sample-store';
const log = (msg) => console.log(`[start] ${msg}`);

function parseArgs(argv, env) {
  const opts = { folder: SAMPLE_STORE, locale: undefined, vsix: undefined, trusted: false, port: undefined };
  for (const arg of argv) {
    const [key, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (key === '--folder' && value) opts.folder = value;
    else if (key === '--locale' && value) opts.locale = value;
    else if (key === '--vsix' && value) opts.vsix = resolve(value);
    else if (key === '--trusted' && value === '') opts.trusted = true;
    else throw new Error(`unknown argument "${arg}" (see the usage at the top of tools/vscode-host/start.mjs)`);
  }
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`PORT must be a TCP port number (1-65535), not "${env.PORT}"`);
    opts.port = port;
  }
  opts.folder = isAbsolute(opts.folder) ? opts.folder : resolve(ROOT, opts.folder);
  if (!existsSync(opts.folder) || !statSync(opts.folder).isDirectory())
    throw new Error(`--folder: no folder at ${opts.folder}`);
  if (opts.vsix !== undefined && !existsSync(opts.vsix)) throw new Error(`--vsix: no file at ${opts.vsix}`);
  return opts;
}

/** Resolves when `port` can be listened on at 127.0.0.1; rejects with a readable reason otherwise. */
function checkPortFree(port) {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.once('error', (e) =>
      reject(
        new Error(
          e.code === 'EADDRINUSE'
            ? `port ${port} is already in use on 127.0.0.1: choose another with PORT=...`
            : `cannot listen on 127.0.0.1:${port}: ${e.message}`,
        ),
      ),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolvePromise()));
  });
}

/** Resolves when the process `pid` has ended (polled: code-server is not our direct child's only process). */
function whenGone(pid) {
  return new Promise((resolvePromise) => {
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        resolvePromise();
      }
    }, 1000);
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), process.env);
  if (opts.port !== undefined) await checkPortFree(opts.port);
  await ensureTools();
  const vsix = opts.vsix ?? (await packageVsix({ log }));

  const run = createRunDir('start', { 'security.workspace.trust.enabled': !opts.trusted });
  log(`state of this run: ${relative(ROOT, run.dir)}`);
  installExtension(run, vsix);
  log(`installed ${relative(ROOT, vsix)}`);
  const server = await startCodeServer(run, {
    folder: opts.folder,
    locale: opts.locale,
    port: opts.port,
    workspaceTrust: !opts.trusted,
  });

  const url = `${server.origin}/`;
  const folder = relative(ROOT, opts.folder) || '.';
  console.log('');
  console.log(`  ${MANIFEST.displayName} ${MANIFEST.version} in VS Code (code-server), with ${folder} open:`);
  console.log('');
  console.log(`      ${url}`);
  console.log('');
  console.log('  Open it in a browser on this machine, then the Commerce Patches icon in the activity bar.');
  if (!opts.trusted) {
    console.log('  The folder opens in Restricted Mode: the view, hover and status bar work; to apply, revert or');
    console.log('  check patches with QPT, click Manage in the banner at the top, then Trust.');
  }
  console.log(`  code-server pid ${server.pid}, log ${relative(ROOT, run.log)}. Press Ctrl-C to stop everything.`);
  console.log('');

  // Other runs prune run folders untouched for an hour: keep this one fresh while it serves.
  const touch = setInterval(() => utimesSync(run.dir, new Date(), new Date()), 10 * 60_000);
  await whenGone(server.pid);
  clearInterval(touch);
  throw new Error(`code-server stopped by itself; last lines of ${relative(ROOT, run.log)}:\n${server.logTail()}`);
}

// Ctrl-C and SIGTERM are handled by processes.mjs: it ends every process group started here, then exits.
main().catch((e) => {
  console.error(`\nnpm start FAILED: ${e.message}`);
  cleanupAll().finally(() => process.exit(1));
});
