/**
 * Prints speed figures for the domain core on the real composer.lock files with the QPT 1.1.82 catalog.
 * Not a test: it asserts nothing and never fails on slowness. Run with `npm run bench`.
 *
 *   floor   = read + JSON.parse of the same files (lock + QPT JSON catalogs): nothing can be faster
 *   full    = read the lock, load the bundled + QPT catalogs, triage every patch
 *   ratio   = full / floor, the median over runs side by side (target ≤ 1.3)
 *   lookup  = find the patch ID under a cursor in a line of text and look it up in the triage (target ≤ 5 µs)
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPatchIdAt } from '../../src/core/catalog/patchId';
import { loadCatalog } from '../../src/core/catalog/load';
import { readProject } from '../../src/core/lock/read';
import { triage } from '../../src/core/triage/triage';
import { realworld, REALWORLD_MISSING } from '../support/realworld';
import { runStatusBench } from './statusBench';

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
  for (let i = 0; i < 5; i++) (a(), b());
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

function main(): void {
  if (REALWORLD_MISSING) {
    console.log('The benchmark needs ../shared/data/realworld beside the repository; it is not there.');
    process.exitCode = 1;
    return;
  }
  if (process.env.BENCH_ONLY === 'status') {
    runStatusBench();
    return;
  }
  const catalogs = ['support-patches.json', 'community-patches.json', 'patches-info.json'].map((f) => realworld('qpt-1.1.82', f));
  const locks = ['composer-lock'].flatMap((d) =>
    require('node:fs')
      .readdirSync(realworld(d))
      .filter((f: string) => f.endsWith('.lock'))
      .map((f: string) => realworld(d, f)),
  ) as string[];

  const rows: string[][] = [['lock', 'read+parse lock', 'load catalogs', 'triage', 'full', 'floor', 'ratio', 'lookup', 'applicable']];
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
  console.log(`\nmedian of ${RUNS} runs each; worst ratio ${Math.max(...ratios).toFixed(2)} (target ≤ 1.3), worst lookup ${Math.max(...lookups).toFixed(2)} µs (target ≤ 5 µs)`);
  console.log('packaged sizes: npm run size');
  runStatusBench();
}

function ms(v: number): string {
  return `${v.toFixed(2)} ms`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

main();
