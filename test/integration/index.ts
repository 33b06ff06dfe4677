// The extension-tests entry VS Code loads inside the extension host (`extensionTestsPath`), both under
// code-server (`npm run test:vscode`) and under @vscode/test-electron (`runTest.ts`).
// Test files are the bundled `out/test/integration/**/*.test.js`; INTEGRATION_TESTS (comma-separated globs
// relative to that folder) narrows them to the ones written for the opened workspace.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { format } from 'node:util';

export function selectTestFiles(dir: string, patterns: readonly string[]): string[] {
  const all = readdirSync(dir, { recursive: true })
    .map((f) => String(f).split('\\').join('/'))
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  return all.filter((f) => patterns.some((p) => matchesGlob(f, p)));
}

/**
 * Under code-server the extension host's console reaches the harness mixed with the workbench's own log
 * lines (and VS Code does not let console methods be replaced there): when INTEGRATION_CONSOLE_MARKER is set,
 * every line the reporter and this runner print starts with it.
 */
const marker = process.env.INTEGRATION_CONSOLE_MARKER ?? '';
const say = (...args: unknown[]): void => console.log(`${marker}${format(...args)}`);

export async function run(): Promise<void> {
  try {
    await runSuite();
  } catch (e) {
    say(`integration suite: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

async function runSuite(): Promise<void> {
  const patterns = (process.env.INTEGRATION_TESTS ?? '**/*.test.js')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const files = selectTestFiles(__dirname, patterns);
  if (files.length === 0) {
    throw new Error(`no integration test file in ${__dirname} matches ${patterns.join(', ')}`);
  }
  Mocha.reporters.Base.consoleLog = say;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of files) mocha.addFile(join(__dirname, f));
  const stats = await new Promise<Mocha.Stats | undefined>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
  const passed = stats?.passes ?? 0;
  const failed = stats?.failures ?? 0;
  say(`integration: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed === 0) throw new Error('the integration suite ran no test');
}
