// Runs the integration suite in a desktop VS Code through @vscode/test-electron (`npm run test:electron`).
// VS Code cannot be downloaded on every machine, so this runner never downloads: VSCODE_EXECUTABLE must
// point at an installed VS Code (e.g. /usr/share/code/code). `npm run test:vscode` runs the same suite
// under code-server instead. The workspaces come from test/integration/workspaces.json, like there.
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from '../support/realworld';

interface Workspace {
  folder: string;
  tests: string[];
  /** Display language for this workspace's run (`--locale`). */
  locale?: string;
}

function readWorkspaces(root: string): Workspace[] {
  const file = join(root, 'test', 'integration', 'workspaces.json');
  const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of { folder, tests }`);
  return list.map((w: Partial<Workspace>, i) => {
    if (typeof w?.folder !== 'string' || !Array.isArray(w.tests)) {
      throw new Error(`${file}: [${i}] needs "folder" (string) and "tests" (array of globs)`);
    }
    return { folder: w.folder, tests: w.tests, locale: typeof w.locale === 'string' ? w.locale : undefined };
  });
}

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.error(
      'test:electron: set VSCODE_EXECUTABLE to an installed VS Code binary (this runner does not download ' +
        'VS Code); or run `npm run test:vscode`, which runs the same suite under code-server.',
    );
    return 1;
  }
  if (!existsSync(vscodeExecutablePath)) {
    console.error(`test:electron: VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
    return 1;
  }
  const root = repoRoot();
  const state = join(root, '.cache', 'electron-runs', String(Date.now()));
  let failed = 0;
  for (const [i, ws] of readWorkspaces(root).entries()) {
    let folder: string | undefined;
    if (ws.folder === ':empty') folder = join(state, `empty-${i}`);
    else if (ws.folder !== ':none') folder = isAbsolute(ws.folder) ? ws.folder : resolve(root, ws.folder);
    if (folder) mkdirSync(folder, { recursive: true });
    console.log(`\n=== ${ws.folder}  [${ws.tests.join(', ')}]`);
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
        launchArgs: [
          ...(folder ? [folder] : []),
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${join(state, `user-data-${i}`)}`,
          `--extensions-dir=${join(state, `extensions-${i}`)}`,
          ...(ws.locale ? [`--locale=${ws.locale}`] : []),
        ],
        extensionTestsEnv: {
          INTEGRATION_TESTS: ws.tests.join(','),
          INTEGRATION_WORKSPACE: folder ?? '',
          INTEGRATION_LOCALE: ws.locale ?? '',
        },
      });
      console.log(`=== ${ws.folder}: passed`);
    } catch (e) {
      failed++;
      console.error(`=== ${ws.folder}: FAILED (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`test:electron FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
