// `npm run test:vscode`: runs the integration suite (test/integration, bundled to out/test/integration)
// inside a real VS Code extension host served by code-server, one fresh server per workspace, and exits
// with the suite's code.
//
// Usage: node tools/vscode-host/run-integration.mjs [--workspace=FOLDER[=GLOB,GLOB...]]... [--timeout=SECONDS]
//          [--locale=LANG] [--untrusted] [--verbose]
//   --workspace  a folder to open (relative to the repository or absolute) and the test files to run in it
//                (globs relative to out/test/integration; default **/*.test.js). Repeatable. Without it, the
//                pairs listed in test/integration/workspaces.json run (an entry may name its own "locale"). The
//                folder ":empty" opens a fresh empty folder, ":none" a window without a folder. The suite sees
//                the opened folder's absolute path in INTEGRATION_WORKSPACE (empty for ":none").
//   --timeout    whole-run limit in seconds, tool installation excluded (default 120 + 60 per workspace;
//                env TEST_VSCODE_TIMEOUT)
//   --locale     display language (code-server --locale, e.g. ja) for workspaces that name none; the suite
//                sees it in INTEGRATION_LOCALE
//   --untrusted  open the --workspace folders in Restricted Mode (Workspace Trust on, the folder not trusted, no
//                prompt); a workspaces.json entry asks for it with "trusted": false
//   --verbose    print every workbench console line, not only the extension host's
// Expects `npm run build` to have run (the npm script does it).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { launchBrowser, waitForWorkbench, workbenchUrl } from './browser.mjs';
import { ensureTools } from './install.mjs';
import { ROOT } from './paths.mjs';
import { cleanupAll } from './processes.mjs';
import { createRunDir, startCodeServer } from './server.mjs';
import { MARKER, extensionHostLine } from './console.mjs';

const TESTS_DIR = join(ROOT, 'out', 'test', 'integration');
const TESTS_ENTRY = join(TESTS_DIR, 'index.js');
/** Test counts summed over the workspaces, from the suite's closing line. */
const totals = { passed: 0, failed: 0 };

function parseArgs(argv) {
  const opts = { workspaces: [], timeout: Number(process.env.TEST_VSCODE_TIMEOUT ?? 0), verbose: false };
  for (const arg of argv) {
    const [key, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (key === '--workspace' && value) {
      const [folder, globs] = value.split('=');
      opts.workspaces.push({ folder, tests: globs ? globs.split(',') : ['**/*.test.js'] });
    } else if (key === '--timeout' && Number(value) > 0) {
      opts.timeout = Number(value);
    } else if (key === '--locale' && value) {
      opts.locale = value;
    } else if (key === '--untrusted' && value === '') {
      opts.untrusted = true;
    } else if (key === '--verbose') {
      opts.verbose = true;
    } else {
      throw new Error(
        `unknown argument "${arg}" (see the usage at the top of ${relative(ROOT, new URL(import.meta.url).pathname)})`,
      );
    }
  }
  if (opts.untrusted) opts.workspaces = opts.workspaces.map((w) => ({ ...w, trusted: false }));
  if (opts.workspaces.length === 0) opts.workspaces = readWorkspaceList();
  if (!(opts.timeout > 0)) opts.timeout = 120 + 60 * opts.workspaces.length;
  return opts;
}

function readWorkspaceList() {
  const file = join(ROOT, 'test', 'integration', 'workspaces.json');
  let list;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${relative(ROOT, file)}: ${e.message}`, { cause: e });
  }
  if (!Array.isArray(list)) throw new Error(`${relative(ROOT, file)}: expected an array of { folder, tests }`);
  return list.map((w, i) => {
    if (typeof w?.folder !== 'string' || !Array.isArray(w.tests) || !w.tests.every((t) => typeof t === 'string')) {
      throw new Error(`${relative(ROOT, file)}: [${i}] needs "folder" (string) and "tests" (array of globs)`);
    }
    if (w.locale !== undefined && (typeof w.locale !== 'string' || !/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(w.locale))) {
      throw new Error(`${relative(ROOT, file)}: [${i}] "locale" must be a language tag such as "ja" or "pt-br"`);
    }
    if (w.trusted !== undefined && typeof w.trusted !== 'boolean') {
      throw new Error(`${relative(ROOT, file)}: [${i}] "trusted" must be true or false`);
    }
    return w;
  });
}

/** Runs the suite in one workspace; resolves with the exit code the extension host reported. */
async function runWorkspace({ folder, tests, locale: own, trusted = true }, deadline, { verbose, locale: given }) {
  const locale = own ?? given;
  console.log(
    `\n=== ${folder}${locale ? ` (locale ${locale})` : ''}${trusted ? '' : ' (untrusted)'}  [${tests.join(', ')}]`,
  );
  // Untrusted: Workspace Trust stays on and nothing asks to trust the folder, so it opens in Restricted Mode.
  const run = createRunDir(
    'it',
    trusted ? {} : { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  );
  let abs;
  if (folder === ':empty') abs = run.emptyFolder;
  else if (folder !== ':none') abs = isAbsolute(folder) ? folder : resolve(ROOT, folder);
  if (abs !== undefined && (!existsSync(abs) || !statSync(abs).isDirectory())) {
    throw new Error(`workspace folder not found: ${folder}`);
  }
  const server = await startCodeServer(run, {
    smokeTestDriver: true,
    locale,
    workspaceTrust: !trusted,
    env: {
      INTEGRATION_TRUSTED: String(trusted),
      INTEGRATION_LOCALE: locale ?? '',
      INTEGRATION_TESTS: tests.join(','),
      INTEGRATION_WORKSPACE: abs ?? '',
      INTEGRATION_CONSOLE_MARKER: MARKER,
    },
  });
  try {
    const { page } = await launchBrowser(run);
    let reportExit;
    const exited = new Promise((r) => (reportExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    let lastLine = '';
    page.on('console', (msg) => {
      const line = extensionHostLine(msg.text());
      if (line !== undefined) {
        lastLine = line;
        const counts = /^integration: (\d+) passed, (\d+) failed$/.exec(line);
        if (counts) {
          totals.passed += Number(counts[1]);
          totals.failed += Number(counts[2]);
        }
        console.log(line);
      } else if (verbose) {
        console.log(`  [workbench ${msg.type()}] ${msg.text()}`);
      }
    });
    page.on('pageerror', (e) => verbose && console.log(`  [workbench error] ${e.message}`));
    await page.goto(
      workbenchUrl(server.origin, abs, { extensionDevelopmentPath: ROOT, extensionTestsPath: TESTS_ENTRY }),
    );
    await waitForWorkbench(page, Math.max(1000, deadline - Date.now()));
    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now()))));
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      throw new Error(
        `timed out: the suite in ${folder} did not finish before the whole-run limit ` +
          `(last extension host line: "${lastLine}"; code-server log: ${relative(ROOT, run.log)}). ` +
          'Raise it with --timeout=SECONDS or TEST_VSCODE_TIMEOUT.',
      );
    }
    return result;
  } finally {
    await cleanupAll();
    await server.stop();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(TESTS_ENTRY)) throw new Error(`${relative(ROOT, TESTS_ENTRY)} is missing: run npm run build first`);
  await ensureTools();
  const deadline = Date.now() + opts.timeout * 1000;
  const results = [];
  for (const ws of opts.workspaces) {
    const code = await runWorkspace(ws, deadline, opts);
    const name = `${ws.folder}${ws.locale ? ` (locale ${ws.locale})` : ''}${ws.trusted === false ? ' (untrusted)' : ''}`;
    results.push({ folder: name, code });
    console.log(`=== ${name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`}`);
  }
  const failed = results.filter((r) => r.code !== 0);
  console.log(`\ntest:vscode: workspaces: ${results.length - failed.length} passed, ${failed.length} failed`);
  console.log(`vscode: ${totals.passed} passed, ${totals.failed} failed`);
  return failed.length === 0 ? 0 : 1;
}

main()
  .then((code) => cleanupAll().then(() => process.exit(code)))
  .catch((e) => {
    console.error(`\ntest:vscode FAILED: ${e.message}`);
    cleanupAll().finally(() => process.exit(1));
  });
