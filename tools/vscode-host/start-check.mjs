// `npm run test:start`: checks `npm start` end to end, as a user runs it. Starts it in the background (its own
// process group, PORT set), waits for the address it prints, fetches the address and /healthz, opens the address
// in headless Chromium, reads the Patches view's rows (the sample store's triage, in Restricted Mode), trusts the
// folder as the start message says, then sends SIGINT to the group as Ctrl-C in a terminal does and checks that npm start exits and that no
// process of its run is left (none whose command line or environment names its run folder).
//
// Usage: node tools/vscode-host/start-check.mjs [--vsix=PATH] [--timeout=SECONDS]
//   --vsix     passed on to npm start (skips packaging)
//   --timeout  limit for npm start to print its address (default 600: the first run installs the tools)
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Workbench } from './driver.mjs';
import { launchBrowser } from './browser.mjs';
import { ensureTools } from './install.mjs';
import { ROOT, TEST_RESULTS } from './paths.mjs';
import { cleanupAll, onCleanup } from './processes.mjs';
import { createRunDir, freePort } from './server.mjs';

function parseArgs(argv) {
  const opts = { vsix: undefined, timeout: 600 };
  for (const arg of argv) {
    const [key, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (key === '--vsix' && value) opts.vsix = resolve(value);
    else if (key === '--timeout' && Number(value) > 0) opts.timeout = Number(value);
    else throw new Error(`unknown argument "${arg}" (see the usage at the top of tools/vscode-host/start-check.mjs)`);
  }
  return opts;
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** PIDs of the processes whose command line or environment mentions `text`. */
function processesMentioning(text) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    for (const part of ['cmdline', 'environ']) {
      try {
        if (readFileSync(`/proc/${name}/${part}`, 'latin1').includes(text)) {
          found.push(Number(name));
          break;
        }
      } catch {
        // gone meanwhile, or not ours to read
      }
    }
  }
  return found;
}

const waitFor = async (test, ms, what) => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} within ${ms / 1000} s`);
};

async function checkWorkbench(ui) {
  // Workspace Trust is on, as a user has it: the store opens in Restricted Mode, which the view copes with.
  const restricted = ui.page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' });
  await restricted.first().waitFor({ timeout: 20_000 });

  await ui.stable(
    () => ui.activityBarTitles(),
    (t) => t.includes('Commerce Patches'),
    30_000,
  );
  await ui.openViewContainer('Commerce Patches');
  const rows = await ui.stable(
    () => ui.treeRows(),
    (r) => r.length >= 4,
    30_000,
  );
  const summary = rows.map((r) => `${r.label}${r.description ? ` (${r.description})` : ''}`);
  console.log(`[start-check] Patches view: ${summary.slice(0, 6).join(' | ')} ...`);
  assert.equal(rows[0].label, 'Adobe Commerce 2.4.6-p3 · Cloud');
  assert.equal(rows[0].description, 'sample-store');
  const applicable = rows.find((r) => r.label === 'Applicable');
  assert.ok(applicable && Number(applicable.description) >= 25, `Applicable: ${applicable?.description}`);
  for (const group of ['Needs QPT update', 'Deprecated / replaced', 'Scheduled (Cloud build)']) {
    assert.ok(
      rows.some((r) => r.label === group),
      `no "${group}" group in ${summary.join(', ')}`,
    );
  }
  // Every QPT patch newer than the store's QPT is in that group: narrowed to the one this check reads.
  await ui.filterPatches('Commerce Patches: Filter Patches…', 'ACSD-61103');
  await ui.clickRow('Needs QPT update');
  const expanded = await ui.stable(
    () => ui.treeRows(),
    (r) => r.some((row) => row.label === 'ACSD-61103'),
  );
  assert.ok(
    expanded.some((r) => r.label === 'ACSD-61103'),
    'ACSD-61103 is not under "Needs QPT update"',
  );
  await ui.screenshot('patches-view-restricted', { selector: '.part.sidebar' });

  // What the start message tells the user to do for Apply: Manage in the banner (or the status bar), then Trust.
  await restricted.first().click();
  const trust = ui.page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  await trust.waitFor({ timeout: 10_000 });
  await trust.click();
  await restricted.first().waitFor({ state: 'detached', timeout: 10_000 });
  await ui.screenshot('trusted');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await ensureTools();
  const port = await freePort();
  const args = ['start', '--', ...(opts.vsix ? [`--vsix=${opts.vsix}`] : [])];
  console.log(`[start-check] PORT=${port} npm ${args.join(' ')}`);
  // Its own process group, like a shell job: SIGINT to the group is what Ctrl-C sends.
  const child = spawn('npm', args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const group = child.pid;
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exit;
  child.on('exit', (code, signal) => (exit = { code, signal }));
  // On a failure: stop npm start as Ctrl-C would (it stops code-server), then by force what is left.
  let serverPid;
  onCleanup(async () => {
    if (exit === undefined) {
      process.kill(-group, 'SIGINT');
      await waitFor(() => exit !== undefined, 15_000, '').catch(() => process.kill(-group, 'SIGKILL'));
    }
    if (serverPid !== undefined && isAlive(serverPid)) process.kill(-serverPid, 'SIGKILL');
  });

  await waitFor(
    () => /Press Ctrl-C to stop everything/.test(output) || exit !== undefined,
    opts.timeout * 1000,
    'npm start printed no address',
  );
  assert.equal(exit, undefined, `npm start ended before it was ready:\n${output}`);
  const url = /^\s+(http:\/\/127\.0\.0\.1:(\d+)\/)\s*$/m.exec(output)?.[1];
  assert.ok(url, `no address in the output:\n${output}`);
  assert.equal(url, `http://127.0.0.1:${port}/`, 'npm start did not listen on PORT');
  serverPid = Number(/code-server pid (\d+)/.exec(output)?.[1]);
  const runDir = resolve(ROOT, /state of this run: (\S+)/.exec(output)?.[1] ?? '');
  assert.ok(isAlive(serverPid), `code-server (pid ${serverPid}) is not running`);
  assert.ok(runDir.includes(join('.cache', 'runs')), `run folder ${runDir} is not under .cache/runs`);
  console.log(`[start-check] ${url} (code-server pid ${serverPid}, ${relative(ROOT, runDir)})`);

  const health = await fetch(`${url}healthz`);
  assert.equal(health.status, 200);
  assert.match(await health.text(), /"status":"(alive|expired)"/);
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html|vscode/i);

  const browserRun = createRunDir('start-check');
  const { context, page: tab } = await launchBrowser(browserRun, { viewport: { width: 1280, height: 800 } });
  const ui = new Workbench(tab, { resultsDir: TEST_RESULTS, prefix: 'npm-start' });
  await ui.open(url);
  try {
    await checkWorkbench(ui);
  } catch (e) {
    await ui.screenshot('failed').catch(() => {});
    throw e;
  }
  await context.close();

  console.log('[start-check] SIGINT to npm start (as Ctrl-C does)');
  process.kill(-group, 'SIGINT');
  await waitFor(() => exit !== undefined, 30_000, 'npm start did not end after SIGINT');
  assert.match(output, /SIGINT: stopping the processes this run started/);
  await waitFor(() => !isAlive(serverPid), 10_000, `code-server (pid ${serverPid}) still runs`);
  const left = processesMentioning(runDir);
  assert.deepEqual(left, [], `processes of the run left: ${left.join(', ')}`);
  console.log(`[start-check] npm start ended (${exit.signal ?? `exit ${exit.code}`}); no process of its run is left`);
  for (const shot of ui.screenshots) console.log(`[start-check] screenshot: ${relative(ROOT, shot)}`);
}

main()
  .then(() => cleanupAll().then(() => process.exit(0)))
  .catch((e) => {
    console.error(`\ntest:start FAILED: ${e.stack ?? e.message}`);
    cleanupAll().finally(() => process.exit(1));
  });
