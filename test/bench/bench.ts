/**
 * Prints speed figures for the domain core on the real composer.lock files with the QPT 1.1.82 catalog.
 * Not a test: it asserts nothing and never fails on slowness. Run with `npm run bench`.
 *
 *   floor   = read + JSON.parse of the same files (lock + QPT JSON catalogs): nothing can be faster
 *   full    = read the lock, load the bundled + QPT catalogs, triage every patch
 *   ratio   = full / floor, the median over runs side by side (target ≤ 1.3)
 *   lookup  = find the patch ID under a cursor in a line of text and look it up in the triage (target ≤ 5 µs)
 *
 * Then single steps against their own floor: the catalogs' load against reading and parsing their JSON (target
 * ≤ 1.6 × + 2 ms), a lock's parse against JSON.parse of its text (target ≤ 1.3 × + 1 ms), and 1000 patch ID
 * lookups away from any ID on a 2 MB line (target < 200 ms: only the text near the cursor is scanned).
 *   process = whole `commerce-patches triage` processes (node's start-up included) against processes that only read
 *             and parse the same lock and catalogs, run alternately; the median ratio (target ≤ 1.3), with the loaded
 *             catalog kept from an earlier run and without ("cold")
 *
 * BENCH_ONLY=status runs only the `status` part (statusBench.ts), BENCH_ONLY=process only the whole processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPatchIdAt } from '../../src/core/catalog/patchId';
import { loadCatalog } from '../../src/core/catalog/load';
import { parseProject } from '../../src/core/lock/parse';
import { readProject } from '../../src/core/lock/read';
import { triage } from '../../src/core/triage/triage';
import { realworld, REALWORLD_MISSING, repoRoot } from '../support/realworld';
import { planBenchmark } from './planBench';
import { loadAverage, runStatusBench } from './statusBench';

const RUNS = Number(process.env.BENCH_RUNS ?? 61);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/**
 * Two functions run alternately, after a warm-up: the median time of each, and the median of the ratios b/a of
 * runs side by side (each pair saw the same machine, so a slow spell of the machine does not skew the ratio).
 */
function timePair(a: () => unknown, b: () => unknown): [number, number, number] {
  for (let i = 0; i < 5; i++) {
    a();
    b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    a();
    sa.push(performance.now() - t0);
    t0 = performance.now();
    b();
    sb.push(performance.now() - t0);
    ratios.push(sb[i] / sa[i]);
  }
  return [median(sa), median(sb), median(ratios)];
}

async function main(): Promise<void> {
  if (REALWORLD_MISSING) {
    console.log('The benchmark needs ../shared/data/realworld beside the repository; it is not there.');
    process.exitCode = 1;
    return;
  }
  if (process.env.BENCH_ONLY === 'status') {
    await runStatusBench();
    return;
  }
  const catalogs = ['support-patches.json', 'community-patches.json', 'patches-info.json'].map((f) =>
    realworld('qpt-1.1.82', f),
  );
  const locks = ['composer-lock'].flatMap((d) =>
    readdirSync(realworld(d))
      .filter((f) => f.endsWith('.lock'))
      .map((f) => realworld(d, f)),
  );
  if (process.env.BENCH_ONLY === 'process') {
    processRatio(locks, catalogs);
    return;
  }

  const rows: string[][] = [
    ['lock', 'read+parse lock', 'load catalogs', 'triage', 'full', 'floor', 'ratio', 'lookup', 'applicable'],
  ];
  const ratios: number[] = [];
  const lookups: number[] = [];
  for (const lock of locks) {
    const floorRun = () => {
      for (const f of [lock, ...catalogs]) JSON.parse(readFileSync(f, 'utf8'));
    };
    const fullRun = () => {
      const p = readProject(lock);
      triage(p, loadCatalog({ bundled: true, project: p, extraFiles: catalogs }));
    };
    // Floor and full alternate, so that machine noise hits both alike.
    const [floor, full, ratio] = timePair(floorRun, fullRun);
    const read = time(() => readProject(lock));
    const project = readProject(lock);
    const load = time(() => loadCatalog({ bundled: true, project, extraFiles: catalogs }));
    const catalog = loadCatalog({ bundled: true, project, extraFiles: catalogs });
    const tri = time(() => triage(project, catalog));
    const result = triage(project, catalog);
    const line = '      QUALITY_PATCHES: [MDVA-39305-V3, ACSD-61103, ACP2E-2674]';
    const column = line.indexOf('ACSD-61103') + 4;
    const n = 20000;
    const lookup =
      (time(() => {
        for (let i = 0; i < n; i++) {
          const hit = findPatchIdAt(line, column);
          if (hit) result.byId.get(hit.id);
        }
      }, 5) /
        n) *
      1000;
    ratios.push(ratio);
    lookups.push(lookup);
    rows.push([
      basename(lock).replace('.composer.lock', ''),
      ms(read),
      ms(load),
      ms(tri),
      ms(full),
      ms(floor),
      ratio.toFixed(2),
      `${lookup.toFixed(2)} µs`,
      String(result.counts.applicable),
    ]);
  }
  printTable(rows);
  console.log(
    `\nmedian of ${RUNS} runs each; worst ratio ${Math.max(...ratios).toFixed(2)} (target ≤ 1.3), worst lookup ${Math.max(...lookups).toFixed(2)} µs (target ≤ 5 µs)`,
  );
  planBenchmark(Math.min(RUNS, 11));
  printSteps(catalogs);
  processRatio(locks, catalogs);
  console.log('packaged sizes: npm run size');
  await runStatusBench();
}

/** The single steps against their floor (see the top of this file). */
function printSteps(catalogs: string[]): void {
  const [catalogFloor, catalogLoad, catalogRatio] = timePair(
    () => catalogs.forEach((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown),
    () => loadCatalog({ bundled: true, extraFiles: catalogs }),
  );
  const lock = readFileSync(realworld('composer-lock', 'magento-cloud_2.4.8-p4.composer.lock'), 'utf8');
  const [parseFloor, parse, parseRatio] = timePair(
    () => JSON.parse(lock) as unknown,
    () => parseProject(lock, '/x/composer.lock'),
  );
  const long = 'x '.repeat(500_000) + 'ACSD-1 ' + 'y'.repeat(1_000_000);
  const longLookups = time(() => {
    for (let i = 0; i < 1000; i++) findPatchIdAt(long, 10);
  }, 5);
  console.log(
    `\nload catalogs (bundled + QPT 1.1.82): ${ms(catalogLoad)} vs read+JSON.parse ${ms(catalogFloor)}, ` +
      `ratio ${catalogRatio.toFixed(2)} (target ≤ 1.6 × + 2 ms)`,
  );
  console.log(
    `parse lock (2.4.8-p4): ${ms(parse)} vs JSON.parse ${ms(parseFloor)}, ratio ${parseRatio.toFixed(2)} (target ≤ 1.3 × + 1 ms)`,
  );
  console.log(`patch ID lookup on a 2 MB line: ${ms(longLookups)} per 1000 lookups (target < 200 ms)`);
}

/**
 * Whole processes, side by side: the command line against a script that reads and parses the same files. Each
 * process reports the CPU time it used (a preloaded script writes `process.cpuUsage()` at exit), which a busy
 * machine disturbs far less than the wall-clock time printed beside it. The command line runs twice per pair: with
 * the loaded catalog kept from an earlier run (as every run after the first), and where none can be kept ("cold").
 */
function processRatio(locks: string[], catalogs: string[]): void {
  const root = repoRoot();
  const dir = join(root, 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const floorScript = join(dir, 'floor.js');
  writeFileSync(
    floorScript,
    "const fs = require('fs');\nfor (const f of process.argv.slice(2)) JSON.parse(fs.readFileSync(f, 'utf8'));\n",
  );
  const cpuScript = join(dir, 'cpu.js');
  const cpuFile = join(dir, 'cpu.txt');
  writeFileSync(
    cpuScript,
    "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n",
  );
  const runs = Math.min(RUNS, Number(process.env.BENCH_PROCESS_RUNS ?? 21));
  const load0 = loadAverage();
  // Two cache folders, each with the compiled code kept: in one the loaded catalog is kept too, in the other it
  // cannot be (a file stands where its folder would go), so that every run there loads the catalogs.
  const warmCache = join(dir, 'cache-warm');
  const coldCache = join(dir, 'cache-cold');
  rmSync(warmCache, { recursive: true, force: true });
  rmSync(coldCache, { recursive: true, force: true });
  mkdirSync(join(coldCache, 'commerce-patches'), { recursive: true });
  writeFileSync(join(coldCache, 'commerce-patches', 'catalogs'), 'no kept catalogs here\n');
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LANGUAGE: '', BENCH_CPU_FILE: cpuFile };
  const timed = (args: string[], cache = warmCache, retry = true): [number, number] => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-r', cpuScript, ...args], {
      env: { ...env, XDG_CACHE_HOME: cache },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const wall = performance.now() - t0;
    // A busy machine may fail a process now and then: one more try before giving up.
    if (r.status !== 0 && retry) return timed(args, cache, false);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return [wall, Number(readFileSync(cpuFile, 'utf8'))];
  };
  const rows: string[][] = [
    [
      'lock (whole process)',
      'floor cpu',
      'triage cpu',
      'cpu ratio',
      'floor wall',
      'triage wall',
      'wall ratio',
      'cold cpu',
      'cold cpu ratio',
    ],
  ];
  const ratios: number[] = [];
  const coldRatios: number[] = [];
  for (const lock of locks) {
    const floorArgs = [floorScript, lock, ...catalogs];
    const cliArgs = [join(root, 'dist', 'cli.js'), 'triage', lock, ...catalogs.flatMap((c) => ['--catalog', c])];
    for (let i = 0; i < 2; i++) {
      timed(floorArgs);
      timed(cliArgs);
      timed(cliArgs, coldCache);
    }
    const f: [number, number][] = [];
    const c: [number, number][] = [];
    const cold: [number, number][] = [];
    for (let i = 0; i < runs; i++) {
      f.push(timed(floorArgs));
      c.push(timed(cliArgs));
      cold.push(timed(cliArgs, coldCache));
    }
    const cpuRatio = median(c.map((x, i) => x[1] / f[i][1]));
    const wallRatio = median(c.map((x, i) => x[0] / f[i][0]));
    const coldRatio = median(cold.map((x, i) => x[1] / f[i][1]));
    ratios.push(cpuRatio);
    coldRatios.push(coldRatio);
    rows.push([
      basename(lock).replace('.composer.lock', ''),
      ms(median(f.map((x) => x[1]))),
      ms(median(c.map((x) => x[1]))),
      cpuRatio.toFixed(2),
      ms(median(f.map((x) => x[0]))),
      ms(median(c.map((x) => x[0]))),
      wallRatio.toFixed(2),
      ms(median(cold.map((x) => x[1]))),
      coldRatio.toFixed(2),
    ]);
  }
  console.log('');
  printTable(rows);
  console.log(
    `median of ${runs} process pairs each (node's start-up included); worst cpu ratio ${Math.max(...ratios).toFixed(2)} (target ≤ 1.3) ` +
      `with the loaded catalog kept from an earlier run, ${Math.max(...coldRatios).toFixed(2)} without ("cold": every run loads the catalogs); ` +
      `load average ${load0} before, ${loadAverage()} after`,
  );
}
function ms(v: number): string {
  return `${v.toFixed(2)} ms`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

void main();
