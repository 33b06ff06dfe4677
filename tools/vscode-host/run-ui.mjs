// `npm run test:ui`: packages the extension as a VSIX (`npm run package`), installs it into a fresh
// code-server (no test driver: the screen looks like a user's), opens fixture workspaces in headless
// Chromium and runs the UI checks in test/ui/checks/*.check.mjs. Each check ends with a screenshot in
// test-results/ (git-ignored); a failed check also gets one named ...-failed.png.
//
// Usage: node tools/vscode-host/run-ui.mjs [--grep=TEXT] [--locale=LANG] [--vsix=PATH] [--timeout=SECONDS]
//   --grep     run only checks whose name contains TEXT
//   --locale   display language for checks that do not set their own (code-server --locale, e.g. ja)
//   --vsix     use this VSIX instead of packaging one
//   --timeout  whole-run limit in seconds, tool installation and packaging excluded (default 1200;
//              env TEST_UI_TIMEOUT)
//
// A check file default-exports an array of checks:
//   export default [{
//     name: 'tree lists the applicable patches',      // also the screenshot prefix
//     folder: 'test/fixtures/cloud-246p3',            // optional; this is the default; ':empty' = empty folder
//     locale: 'ja',                                   // optional; checks are grouped per locale (one server each)
//     timeout: 60,                                    // optional, seconds (default 90)
//     async prepare(ctx) { ... },                     // optional, before the workbench opens (e.g. write files
//                                                     // into ctx.folder when folder is ':empty')
//     async run(ui, ctx) { ... },                     // ui: Workbench from driver.mjs; ctx: see below
//   }];
// ctx = { manifest, extensionId, folder (absolute), locale, origin, localize }; localize('%key%') resolves a
// manifest string through package.nls[.LOCALE].json as VS Code does. Throw (e.g. node:assert) to fail.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localizer } from './nls.mjs';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { ensureTools } from './install.mjs';
import { ROOT, TEST_RESULTS } from './paths.mjs';
import { cleanupAll } from './processes.mjs';
import { createRunDir, installExtension, startCodeServer } from './server.mjs';
import { MANIFEST, packageVsix } from './vsix.mjs';
import { Workbench, slug } from './driver.mjs';

const CHECKS_DIR = join(ROOT, 'test', 'ui', 'checks');
const DEFAULT_FOLDER = 'test/fixtures/cloud-246p3';
const manifest = MANIFEST;
const extensionId = `${manifest.publisher}.${manifest.name}`;

function parseArgs(argv) {
  const opts = { grep: '', locale: undefined, vsix: undefined, timeout: Number(process.env.TEST_UI_TIMEOUT ?? 1200) };
  for (const arg of argv) {
    const [key, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (key === '--grep') opts.grep = value;
    else if (key === '--locale' && value) opts.locale = value;
    else if (key === '--vsix' && value) opts.vsix = resolve(value);
    else if (key === '--timeout' && Number(value) > 0) opts.timeout = Number(value);
    else throw new Error(`unknown argument "${arg}" (see the usage at the top of tools/vscode-host/run-ui.mjs)`);
  }
  return opts;
}

async function loadChecks(grep) {
  const files = readdirSync(CHECKS_DIR)
    .filter((f) => f.endsWith('.check.mjs'))
    .sort();
  const checks = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(CHECKS_DIR, f)).href);
    const list = mod.default;
    if (!Array.isArray(list)) throw new Error(`test/ui/checks/${f}: default export must be an array of checks`);
    list.forEach((c, i) => {
      if (typeof c?.name !== 'string' || typeof c.run !== 'function') {
        throw new Error(`test/ui/checks/${f}: check [${i}] needs a "name" (string) and a "run" (async function)`);
      }
      checks.push({ ...c, file: f });
    });
  }
  return checks.filter((c) => c.name.includes(grep));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

/** Runs the checks of one locale against one code-server with the VSIX installed. */
async function runGroup(locale, checks, vsix, deadline) {
  const run = createRunDir(`ui${locale ? `-${locale}` : ''}`);
  installExtension(run, vsix);
  const server = await startCodeServer(run, { locale });
  const { context } = await launchBrowser(run, { locale });
  const results = [];
  try {
    for (const check of checks) {
      if (Date.now() > deadline)
        throw new Error('the whole-run limit passed (raise it with --timeout=SECONDS or TEST_UI_TIMEOUT)');
      const folderArg = check.folder ?? DEFAULT_FOLDER;
      const folder =
        folderArg === ':empty' ? run.emptyFolder : isAbsolute(folderArg) ? folderArg : resolve(ROOT, folderArg);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const ui = new Workbench(page, {
        resultsDir: TEST_RESULTS,
        prefix: slug(`${check.name}${locale ? `-${locale}` : ''}`),
      });
      const started = Date.now();
      let error;
      try {
        if (!existsSync(folder)) throw new Error(`workspace folder not found: ${folderArg}`);
        const limit = Math.min((check.timeout ?? 90) * 1000, Math.max(1000, deadline - Date.now()));
        await withTimeout(
          (async () => {
            const ctx = { manifest, extensionId, folder, locale, origin: server.origin, localize: localizer(locale) };
            if (check.prepare) await check.prepare(ctx);
            await ui.open(workbenchUrl(server.origin, folder));
            await check.run(ui, ctx);
          })(),
          limit,
          `check "${check.name}"`,
        );
      } catch (e) {
        error = e;
      }
      // A page that stopped answering must not hold the run: the screenshot gets a limit of its own.
      await withTimeout(ui.screenshot(error ? 'failed' : 'final'), 20_000, 'the screenshot').catch(() => {});
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (error) {
        console.log(
          `  ✗ ${check.name} (${secs} s)\n      ${String(error.stack ?? error)
            .split('\n')
            .join('\n      ')}`,
        );
        if (errors.length > 0) console.log(`      workbench errors: ${errors.slice(-5).join(' | ')}`);
      } else {
        console.log(`  ✔ ${check.name} (${secs} s)`);
      }
      for (const shot of ui.screenshots) console.log(`      screenshot: ${relative(ROOT, shot)}`);
      results.push({ name: check.name, ok: !error });
      await withTimeout(page.close(), 20_000, 'closing the page').catch(() => {});
    }
  } finally {
    await cleanupAll();
    await server.stop();
  }
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await ensureTools();
  const checks = await loadChecks(opts.grep);
  if (checks.length === 0)
    throw new Error(`no UI check found${opts.grep ? ` matching "${opts.grep}"` : ''} in test/ui/checks`);
  const vsix = opts.vsix ?? (await packageVsix({ log: (line) => console.log(`[ui] ${line}`) }));
  console.log(
    `[ui] installing ${relative(ROOT, vsix)} into a fresh code-server; results in ${relative(ROOT, TEST_RESULTS)}/`,
  );
  const deadline = Date.now() + opts.timeout * 1000;
  const groups = new Map();
  for (const c of checks) {
    const locale = c.locale ?? opts.locale;
    groups.set(locale, [...(groups.get(locale) ?? []), c]);
  }
  const results = [];
  for (const [locale, group] of groups) {
    console.log(`\nUI checks${locale ? ` (locale ${locale})` : ''}`);
    results.push(...(await runGroup(locale, group, vsix, deadline)));
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nui: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => cleanupAll().then(() => process.exit(code)))
  .catch((e) => {
    console.error(`\ntest:ui FAILED: ${e.message}`);
    cleanupAll().finally(() => process.exit(1));
  });
