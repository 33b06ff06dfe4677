import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultQptPrefix,
  isQptInstalled,
  qptApplyCommand,
  qptStatusCommand,
  type QptInvocation,
  type QptProject,
} from '../../../../src/core/qpt/command';
import { PatchIdError } from '../../../../src/core/qpt/patchId';
import { parseQptStatus } from '../../../../src/core/qpt/status';
import { repoRoot } from '../../../support/realworld';

const FAKE = join(repoRoot(), 'test', 'fixtures', 'bin', 'fake-magento-patches');
const known = new Set(['ACSD-61103', 'MDVA-39305-V3', 'ACSD-50001']);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an invocation the way VS Code's ProcessExecution does: no shell, an argument list. */
function run(inv: QptInvocation, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      inv.command,
      inv.args,
      { cwd: inv.cwd, env: { PATH: process.env.PATH, ...env }, shell: false },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// The real engine's status, apply and revert (outputs, exit codes, the applied state in git's eyes) are tested in
// test/unit/core/qpt/qptRuns.real.test.ts. The fake stays for what the real one cannot be made to do: exit with
// any code, print notices around its JSON, or be a plain script in vendor/bin.
describe('qpt process (fake magento-patches: configured exit codes, noisy output, a plain script)', function () {
  this.timeout(10000);
  let project: QptProject;
  let prefix: string[];
  const log = (): unknown[] =>
    existsSync(join(project.root, '.fake-qpt.log'))
      ? readFileSync(join(project.root, '.fake-qpt.log'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as unknown)
      : [];
  const config = (c: object): void => writeFileSync(join(project.root, '.fake-qpt.json'), JSON.stringify(c));

  beforeEach(() => {
    const root = mkdtempSync(join(tmpdir(), 'qpt-process-'));
    project = { root, vendorDir: join(root, 'vendor'), binDir: join(root, 'vendor', 'bin') };
    prefix = [process.execPath, FAKE];
  });
  afterEach(() => rmSync(project.root, { recursive: true, force: true }));

  it('exits with the configured code, from the file or the environment', async () => {
    config({ exitCode: 3 });
    assert.equal((await run(qptApplyCommand(project, ['ACSD-61103'], { known, prefix }))).code, 3);
    assert.equal(
      (await run(qptApplyCommand(project, ['ACSD-61103'], { known, prefix }), { FAKE_QPT_EXIT_CODE: '0' })).code,
      0,
    );
    const other = join(project.root, 'elsewhere.log');
    await run(qptStatusCommand(project, prefix), { FAKE_QPT_LOG: other });
    assert.deepEqual(readFileSync(other, 'utf8'), '["status","--format=json"]\n');
  });

  it('parses status through PHP notices printed around the JSON', async () => {
    config({ noise: true });
    const r = await run(qptStatusCommand(project, prefix));
    assert.match(r.stdout, /^PHP Deprecated:/);
    assert.equal(parseQptStatus(r.stdout).size, 3);
  });

  it('runs the default php-style script path relative to the project root', async () => {
    mkdirSync(project.binDir, { recursive: true });
    copyFileSync(FAKE, join(project.binDir, 'magento-patches'));
    assert.equal(isQptInstalled(project), true);
    const [, script] = defaultQptPrefix(project);
    assert.equal(script, join('vendor', 'bin', 'magento-patches'));
    const r = await run(qptApplyCommand(project, ['ACSD-61103'], { known, prefix: [process.execPath, script] }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(log(), [['apply', '-n', 'ACSD-61103']]);
  });

  it('never starts the tool for a hostile ID', () => {
    const hostile = ['ACSD-1; touch pwned', '$(id)', '`id`', '-rf', 'ACSD-1 && x'];
    for (const id of hostile) {
      let inv: QptInvocation | undefined;
      assert.throws(() => {
        inv = qptApplyCommand(project, [id], { known: new Set([...known, id]), prefix });
      }, PatchIdError);
      assert.equal(inv, undefined);
    }
    assert.deepEqual(log(), []);
    assert.equal(existsSync(join(project.root, 'pwned')), false);
  });
});
