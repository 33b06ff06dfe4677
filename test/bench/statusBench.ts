/**
 * `commerce-patches status` against QPT's mechanism run with git alone, on a store tree built from the real QPT
 * 1.1.82 patches (the Adobe Commerce 2.4.6-p3 Cloud lock: about 400 patches in play; 15% of them applied with git).
 *
 *   status  = the whole `node dist/cli.js status ROOT --format json` process (median of runs)
 *   git     = one `git apply --check` per patch on its files joined in catalog order, plus `--check --reverse` where
 *             the forward check fails, sequential, without QPT's PHP start-up (fair to git)
 *   ratio   = status / git (target ≤ 0.2, aim 0.1); where NODE_EXTRA_CA_CERTS is set (Node then loads certificates
 *             at start-up), the status process is timed without it too, in turn with the others
 *   blocking = the editor's extension host held by the check when the view is first built: the whole check in one
 *             piece (as it ran before) against the longest slice of the check run in slices (what it does now)
 *   memory  = heap kept by one in-process analysis (its file cache included) against the bytes of vendor files it
 *             read (target < 2×)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeLock } from '../../src/core/analyze';
import { appliedStatus, appliedStatusInSlices } from '../../src/core/applied/appliedStatus';
import { installedVersions } from '../../src/core/applied/installedVersions';
import { patchFiles } from '../../src/core/applied/qptStates';
import {
  gitApply,
  gitCheck,
  makeProject,
  QPT_DIR,
  qptForm,
  random,
  readBytes,
  removeTree,
  tempRoot,
  writePreImages,
} from '../support/patchTrees';
import { repoRoot } from '../support/realworld';

const RUNS = Number(process.env.BENCH_STATUS_RUNS ?? 5);

export async function runStatusBench(): Promise<void> {
  const root = tempRoot('bench');
  try {
    makeProject(root, 'magento-cloud_2.4.6-p3.composer.lock');
    const analysis = analyzeLock(join(root, 'composer.lock'));
    const versions = installedVersions(analysis.project.vendorDir, analysis.project.packages);
    const matched = analysis.result.patches.filter((e) => e.status !== 'not-applicable');
    const diffs = matched.map((e) =>
      qptForm(
        patchFiles(e, versions)
          .map((f) => readBytes(join(QPT_DIR(), 'patches', f)))
          .join(''),
      ),
    );
    const rnd = random(7);
    writePreImages(root, diffs, rnd);
    for (const d of diffs) if (d !== '' && rnd() < 0.15) gitApply(root, d);

    const cli = join(repoRoot(), 'dist', 'cli.js');
    // NODE_EXTRA_CA_CERTS makes Node 20 load its certificates when it starts, before any code runs (nodejs/node#40524):
    // where it is set, the status process is also timed without it, as it runs on most machines.
    const extraCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
    const { NODE_EXTRA_CA_CERTS: _certs, ...withoutCerts } = process.env;
    const statusRun = (env: NodeJS.ProcessEnv = process.env) => {
      const r = spawnSync(process.execPath, [cli, 'status', root, '--format', 'json'], {
        maxBuffer: 64 * 1024 * 1024,
        env,
      });
      if (r.status !== 0) throw new Error(`status failed: ${String(r.stderr)}`);
    };
    const gitRun = () => {
      for (const d of diffs) if (d !== '' && !gitCheck(root, d, false)) gitCheck(root, d, true);
    };
    const load0 = loadAverage();
    const status: number[] = [];
    const git: number[] = [];
    const ratios: number[] = [];
    const plain: number[] = [];
    const plainRatios: number[] = [];
    let statusCpu = 0;
    let gitCpu = 0;
    statusRun();
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      let c0 = childrenCpu();
      statusRun();
      status.push(performance.now() - t0);
      statusCpu += childrenCpu() - c0;
      t0 = performance.now();
      c0 = childrenCpu();
      gitRun();
      git.push(performance.now() - t0);
      gitCpu += childrenCpu() - c0;
      ratios.push(status[i] / git[i]);
      if (extraCerts) {
        t0 = performance.now();
        statusRun(withoutCerts);
        plain.push(performance.now() - t0);
        plainRatios.push(plain[i] / git[i]);
      }
    }
    const blocked = await blocking(root);
    const [heap, bytes] = memory(root);
    console.log(
      `\nstatus on a 2.4.6-p3 tree with ${diffs.filter((d) => d !== '').length} patches in play (median of ${RUNS} runs):`,
    );
    console.log(`  commerce-patches status (whole process)      ${median(status).toFixed(0)} ms`);
    console.log(`  git apply --check [--reverse], one per patch ${median(git).toFixed(0)} ms`);
    console.log(`  ratio ${median(ratios).toFixed(3)} (1/${(1 / median(ratios)).toFixed(1)}; target ≤ 1/5, aim 1/10)`);
    if (extraCerts) {
      const start = (env: NodeJS.ProcessEnv) =>
        median(
          Array.from({ length: 11 }, () => {
            const t0 = performance.now();
            spawnSync(process.execPath, ['-e', '0'], { env });
            return performance.now() - t0;
          }),
        );
      console.log(
        `  this machine sets NODE_EXTRA_CA_CERTS: Node's own start-up (an empty script) takes ${start(process.env).toFixed(0)} ms with it, ${start(withoutCerts).toFixed(0)} ms without`,
      );
      console.log(
        `  commerce-patches status without NODE_EXTRA_CA_CERTS ${median(plain).toFixed(0)} ms, ratio ${median(plainRatios).toFixed(3)} (1/${(1 / median(plainRatios)).toFixed(1)})`,
      );
    }
    if (statusCpu > 0 && gitCpu > 0) {
      const cpu = `${(statusCpu / RUNS).toFixed(0)} ms against ${(gitCpu / RUNS).toFixed(0)} ms, ratio ${(statusCpu / gitCpu).toFixed(3)}`;
      console.log(`  processor time (user + system, the processes alone, whatever else the machine runs): ${cpu}`);
    }
    console.log(`  load average ${load0} before, ${loadAverage()} after`);
    console.log(
      `  extension host blocked by the check (medians of ${RUNS}): in one piece ${blocked.whole.toFixed(0)} ms (processor ${blocked.wholeCpu.toFixed(0)} ms); in slices at most ${blocked.longest.toFixed(1)} ms at a time (processor ${blocked.longestCpu.toFixed(1)} ms)`,
    );
    console.log(
      `  memory: ${(heap / 1e6).toFixed(1)} MB kept for ${(bytes / 1e6).toFixed(1)} MB of vendor files read (${(heap / bytes).toFixed(2)}×, target < 2×)`,
    );
  } finally {
    removeTree(root);
  }
}

/** The machine's one-minute load average: whole-process times on a shared machine mean little without it. */
export function loadAverage(): string {
  return loadavg()[0].toFixed(1);
}

/** Processor time (ms) of the child processes waited for so far (Linux: /proc/self/stat); 0 elsewhere. */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * How long the check holds the thread on a fresh analysis (files in the OS cache): in one piece, and in slices
 * (`appliedStatusInSlices`, the longest stretch between two pauses). Wall time and the process's processor time
 * (user + system), which other work on a busy machine does not inflate.
 */
async function blocking(root: string): Promise<Record<'whole' | 'wholeCpu' | 'longest' | 'longestCpu', number>> {
  const lock = join(root, 'composer.lock');
  appliedStatus(analyzeLock(lock)); // compiled and cached by the OS first
  const runs: Record<'whole' | 'wholeCpu' | 'longest' | 'longestCpu', number[]> = {
    whole: [],
    wholeCpu: [],
    longest: [],
    longestCpu: [],
  };
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (let i = 0; i < RUNS; i++) {
    let analysis = analyzeLock(lock);
    const [t0, c0] = [performance.now(), cpu()];
    appliedStatus(analysis);
    runs.whole.push(performance.now() - t0);
    runs.wholeCpu.push(cpu() - c0);
    analysis = analyzeLock(lock);
    let [longest, longestCpu] = [0, 0];
    let [t, c] = [performance.now(), cpu()];
    const span = () => {
      longest = Math.max(longest, performance.now() - t);
      longestCpu = Math.max(longestCpu, cpu() - c);
    };
    await appliedStatusInSlices(analysis, {
      pause: async () => {
        span();
        await new Promise((r) => setImmediate(r));
        [t, c] = [performance.now(), cpu()];
      },
    });
    span();
    runs.longest.push(longest);
    runs.longestCpu.push(longestCpu);
  }
  return {
    whole: median(runs.whole),
    wholeCpu: median(runs.wholeCpu),
    longest: median(runs.longest),
    longestCpu: median(runs.longestCpu),
  };
}

/** Heap kept by one analysis (the cached vendor files), measured between full collections. */
function memory(root: string): [number, number] {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const analysis = analyzeLock(join(root, 'composer.lock'));
  appliedStatus(analysis); // compiles the code first: its heap is not the analysis's
  gc();
  const before = process.memoryUsage().heapUsed;
  const status = appliedStatus(analysis);
  gc();
  const after = process.memoryUsage().heapUsed;
  return [after - before, status.files.bytesRead];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
