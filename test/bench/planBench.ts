import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../../src/core/catalog/load';
import { readProject } from '../../src/core/lock/read';
import { laterReleases, readReleaseTable } from '../../src/core/releases/releaseTable';
import { triage } from '../../src/core/triage/triage';
import { realworld, repoRoot } from '../support/realworld';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time and median CPU time (user + system, the process's own threads) of a node process, in ms. */
function measure(args: string[], runs: number): { wall: number; cpu: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
  const cpuFile = join(dir, 'cpu.json');
  const preload = join(repoRoot(), 'test', 'bench', 'cpuAtExit.cjs');
  const walls: number[] = [];
  const cpus: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-r', preload, ...args], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, BENCH_CPU_FILE: cpuFile },
      });
      walls.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
      const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
      cpus.push((user + system) / 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/**
 * One `commerce-patches plan` process for the real 2.4.6-p3 Cloud lock against every later 2.4 release, with every
 * patch that applies today taken as applied (so each plan sorts ~360 patches), the QPT 1.1.82 catalog and releases.
 * Prints the median wall time of the whole process (target < 0.5 s) and that of a bare `node` start.
 */
export function planBenchmark(runs: number): void {
  const lock = realworld('composer-lock', 'magento-cloud_2.4.6-p3.composer.lock');
  const catalogs = ['support-patches.json', 'community-patches.json', 'patches-info.json'].map((f) =>
    realworld('qpt-1.1.82', f),
  );
  const project = readProject(lock);
  const applied = triage(project, loadCatalog({ project, extraFiles: catalogs }))
    .patches.filter((e) => e.status !== 'not-applicable')
    .map((e) => e.patch.id);
  const targets = laterReleases(readReleaseTable(realworld('qpt-1.1.82', 'magento_releases.json')), '2.4.6-p3');
  const cli = join(repoRoot(), 'dist', 'cli.js');
  const args = [
    cli,
    'plan',
    lock,
    '--to',
    targets.join(','),
    '--applied',
    applied.join(','),
    '--format',
    'json',
    '--locale',
    'en',
  ];
  for (const c of catalogs) args.push('--catalog', c);
  measure(args, 2);
  const total = measure(args, runs);
  const bare = measure(['-e', '0'], runs);
  console.log(
    `\nplan: magento-cloud_2.4.6-p3 → ${targets.length} later 2.4 releases (${targets[0]} … ${targets[targets.length - 1]}), ` +
      `${applied.length} patches in use, one CLI process (median of ${runs}; target < 500 ms): ` +
      `${total.wall.toFixed(0)} ms wall, ${total.cpu.toFixed(0)} ms CPU; a bare node start: ${bare.wall.toFixed(0)} ms wall, ` +
      `${bare.cpu.toFixed(0)} ms CPU`,
  );
}
