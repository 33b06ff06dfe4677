// Opens a code-server workbench in Debian's headless Chromium through playwright-core (never
// `playwright install`: the browser comes from apt). The profile lives in the run folder.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';
import { onCleanup } from './processes.mjs';
import { isolatedEnv } from './server.mjs';

export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * Builds the workbench URL for a folder, optionally with the extension-test payload
 * (only honoured when code-server runs with `--vscode-option enable-smoke-test-driver`).
 * @param {string} origin e.g. http://127.0.0.1:PORT (the payload's authority must be exactly this host:port)
 * @param {string | undefined} folder absolute path of the folder to open; undefined for an empty window
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string }} [payload] absolute paths
 */
export function workbenchUrl(origin, folder, payload) {
  const url = new URL(origin);
  if (folder) url.searchParams.set('folder', folder);
  else url.searchParams.set('ew', 'true');
  if (payload) {
    const remote = (p) => `vscode-remote://${url.host}${p}`;
    url.searchParams.set(
      'payload',
      JSON.stringify([
        ['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)],
        ['extensionTestsPath', remote(payload.extensionTestsPath)],
      ]),
    );
  }
  return url.href;
}

/**
 * Launches Chromium with a fresh profile and returns one page. The browser is closed by the run's cleanup.
 * @param {ReturnType<typeof import('./server.mjs').createRunDir>} run from createRunDir
 * @param {{ locale?: string, viewport?: { width: number, height: number } }} [opts]
 */
export async function launchBrowser(run, opts = {}) {
  // Playwright writes its own temporary files (artifacts, traces) under TMPDIR: keep them in the run folder.
  process.env.TMPDIR = run.tmp;
  const context = await chromium.launchPersistentContext(run.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(opts.locale ? [`--lang=${opts.locale}`] : [])],
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    locale: opts.locale ?? 'en-US',
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium keeps crash reports and other state under HOME / XDG folders: point them at the run folder.
    env: isolatedEnv(run),
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Waits until the workbench shell is on screen (activity bar and editor area rendered). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
}
