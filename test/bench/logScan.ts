/**
 * Log scanning figures (not a test: it asserts nothing). Run with `npm run bench`.
 *
 * Generates a log set in the system's temporary folder (deleted afterwards): `BENCH_LOG_MB` megabytes (default
 * 1024) of realistic noise in var/log/exception.log, system.log, debug.log, support_report.log and cron.log, with
 * a few hundred lines from Adobe's metadata fixtures mixed in. Then, side by side in one run:
 *   ours   = the evidence scan with every log rule of QPT 1.1.82 (one pass per file)
 *   grep   = GNU `grep -E -n -f RULES FILE` per file, each glob written as the regular expression a person would
 *            write (metacharacters escaped, `*` as `.*`), in the C locale and in the environment's UTF-8 locale
 * after one unmeasured pass of each (so that all read from the page cache); then a rescan after 1 MB is appended
 * (bytes read), and memory over the baseline while scanning (peak RSS).
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalogFiles } from '../../src/core/catalog/load';
import type { Signature } from '../../src/core/catalog/signature';
import { type LogScanCache, logRulesOf, scanLogs } from '../../src/core/evidence/logEvidence';
import { realworld, REALWORLD_MISSING } from '../support/realworld';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.BENCH_LOG_MB ?? 1024);
const RUNS = Number(process.env.BENCH_LOG_RUNS ?? 3);
/** Share of the volume per log file. */
const SHARES: Array<[string, number]> = [
  ['exception.log', 0.45],
  ['system.log', 0.3],
  ['debug.log', 0.15],
  ['support_report.log', 0.07],
  ['cron.log', 0.03],
];

/** A seeded generator, so every run writes the same set. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOISE = [
  'main.INFO: Cache cleaned: config, layout, block_html',
  'main.DEBUG: cache_invalidate: {"method":"GET","url":"https://shop.example.com/rest/V1/products","invalidateInfo":{"tags":["cat_p_{n}"],"mode":"matchingAnyTag"}} []',
  'report.CRITICAL: Magento\\Framework\\Exception\\NoSuchEntityException: No such entity with id = {n} in /app/vendor/magento/module-catalog/Model/ProductRepository.php:{n}',
  'report.ERROR: Cron Job indexer_reindex_all_invalid is run already and cannot be run in parallel [] []',
  'main.WARNING: Session size of {n} exceeded allowed session max size of 256000. [] []',
  'report.CRITICAL: Exception: Warning: Undefined array key "sku" in /app/vendor/magento/module-sales/Model/Order/Item.php on line {n}',
  '#{n} /app/vendor/magento/framework/Interception/Interceptor.php({n}): Magento\\Framework\\App\\FrontController->dispatch()',
  "main.INFO: Broken reference: the 'header.panel' element cannot be added as child to 'header.container', because the latter doesn't exist [] []",
  'report.ERROR: Could not receive a message from queue "async.operations.all": SQLSTATE[HY000]: General error: 2006 gone away [] []',
  "main.CRITICAL: Invalid template file: 'Magento_Theme::html/header/logo.phtml' in module: '' block's name: 'logo' [] []",
  'report.CRITICAL: GraphQL (code: 0): Variable "$id" of required type "Int!" was not provided. {"exception":"[object] (GraphQL\\\\Error\\\\Error(code: 0): at /app/vendor/webonyx/graphql-php/src/Error/Error.php:{n})"} []',
  'cron.INFO: Cron Job sales_clean_quotes is successfully finished. Statistics: {"sum":{n},"count":1} []',
];

function noiseLine(rnd: () => number, i: number): string {
  const minute = Math.floor(i / 1000);
  const stamp = `[2025-06-${String(1 + (minute % 28)).padStart(2, '0')}T${String(minute % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1e6).padStart(6, '0')}+00:00]`;
  return `${stamp} ${NOISE[Math.floor(rnd() * NOISE.length)].replace(/\{n\}/g, () => String(Math.floor(rnd() * 100000)))}`;
}

/** Adobe's fixture lines by log name. */
function fixtureLines(): Map<string, string[]> {
  const dir = realworld('qpt-1.1.82', 'metadata-fixtures');
  const byName = new Map<string, string[]>();
  for (const id of readdirSync(dir)) {
    for (const name of readdirSync(join(dir, id, 'var', 'log'))) {
      const lines = readFileSync(join(dir, id, 'var', 'log', name), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      byName.set(name, [...(byName.get(name) ?? []), ...lines]);
    }
  }
  return byName;
}

function generate(root: string): number {
  const logs = join(root, 'var', 'log');
  mkdirSync(logs, { recursive: true });
  const fixtures = fixtureLines();
  const rnd = random(42);
  let planted = 0;
  for (const [name, share] of SHARES) {
    const bytes = Math.round(TOTAL_MB * MB * share);
    const fd = openSync(join(logs, name), 'w');
    const matches = fixtures.get(name) ?? [];
    let written = 0;
    let i = 0;
    while (written < bytes) {
      const block: string[] = [];
      let size = 0;
      while (size < MB) {
        // About one matching line per 4 MB.
        const plant = matches.length > 0 && rnd() < 1 / 30000;
        const line = plant ? matches[Math.floor(rnd() * matches.length)] : noiseLine(rnd, i);
        if (plant) planted++;
        block.push(line);
        size += line.length + 1;
        i++;
      }
      const text = block.join('\n') + '\n';
      writeSync(fd, text);
      written += Buffer.byteLength(text);
    }
    closeSync(fd);
  }
  return planted;
}

/** The glob as a regular expression, the obvious way: ERE metacharacters escaped, `*` as `.*`. */
function globToEre(glob: string): string {
  return glob.replace(/[.[\]()+?{}|^$\\]/g, '\\$&').replace(/\*/g, '.*');
}

function peakRss<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return fn().then((r) => {
    clearInterval(timer);
    return [r, Math.max(peak, process.memoryUsage().rss)];
  });
}

async function main(): Promise<void> {
  if (REALWORLD_MISSING) {
    console.log('The log benchmark needs ../shared/data/realworld beside the repository; it is not there.');
    process.exitCode = 1;
    return;
  }
  const catalog = loadCatalogFiles([
    realworld('qpt-1.1.82', 'support-patches.json'),
    realworld('qpt-1.1.82', 'community-patches.json'),
  ]);
  const signatures: Signature[] = [];
  for (const p of catalog.patches.values()) if (p.metadata) signatures.push(p.metadata);
  const rules = logRulesOf(signatures);
  const root = mkdtempSync(join(tmpdir(), 'cpt-bench-logs-'));
  try {
    let t0 = performance.now();
    const planted = generate(root);
    const files = SHARES.map(([name]) => join(root, 'var', 'log', name));
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(
      `Log set: ${(total / MB).toFixed(0)} MB in ${files.length} files, ${planted} planted matching lines (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    // grep's pattern files, one per log.
    const patterns = new Map<string, string>();
    for (const [path, globs] of rules) {
      const file = join(root, `${path.replace(/\W/g, '_')}.ere`);
      writeFileSync(file, [...globs].map(globToEre).join('\n') + '\n');
      patterns.set(path.split('/').pop()!, file);
    }
    const grep = (locale: string) => {
      let lines = 0;
      for (const file of files) {
        const r = spawnSync('grep', ['-E', '-n', '-f', patterns.get(file.split('/').pop()!)!, file], {
          env: { ...process.env, LC_ALL: locale },
          maxBuffer: 256 * MB,
          encoding: 'utf8',
        });
        lines += r.stdout.split('\n').filter(Boolean).length;
      }
      return lines;
    };
    const utf8 = process.env.LANG && /utf-?8/i.test(process.env.LANG) ? process.env.LANG : 'C.UTF-8';
    const rows: string[][] = [
      [
        'run',
        'ours MB/s',
        `grep -E (C) MB/s`,
        `grep -E (${utf8}) MB/s`,
        'ours / best grep',
        'ours lines',
        'grep lines',
      ],
    ];
    const ratios: number[] = [];
    const rate = (ms: number) => (total / MB / (ms / 1000)).toFixed(0);
    // One pass of each first, so that every measured run reads from the page cache.
    await scanLogs(root, signatures);
    grep('C');
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    for (let run = 1; run <= RUNS; run++) {
      t0 = performance.now();
      const [findings, rss] = await peakRss(() => scanLogs(root, signatures));
      const ours = performance.now() - t0;
      peak = Math.max(peak, rss);
      const counted = new Set<string>();
      for (const [path, globs] of rules)
        for (const match of globs)
          for (const e of findings.hits({ type: 'log', path, match })) counted.add(`${e.file}:${e.line}`);
      t0 = performance.now();
      const grepLines = grep('C');
      const grepC = performance.now() - t0;
      t0 = performance.now();
      grep(utf8);
      const grepU = performance.now() - t0;
      ratios.push(Math.min(grepC, grepU) / ours);
      rows.push([
        String(run),
        rate(ours),
        rate(grepC),
        rate(grepU),
        ratios[ratios.length - 1].toFixed(2),
        `${counted.size}+`,
        String(grepLines),
      ]);
    }
    for (const r of rows)
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(5) : c.padStart(i === 4 ? 18 : 26))).join(''));
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `Median speed ratio, ours / the faster grep of each run: ${sorted[sorted.length >> 1].toFixed(2)} (target >= 1)`,
    );
    console.log(
      '(ours lines: distinct lines kept as evidence, at most 3 per rule and file; grep lines: every matching line)',
    );
    // Rescan after appending 1 MB.
    const cache: LogScanCache = new Map();
    await scanLogs(root, signatures, { cache });
    const rnd = random(7);
    const extra: string[] = [];
    let size = 0;
    for (let i = 0; size < MB; i++) {
      const line = noiseLine(rnd, i);
      extra.push(line);
      size += line.length + 1;
    }
    appendFileSync(files[0], extra.join('\n') + '\n');
    t0 = performance.now();
    const rescan = await scanLogs(root, signatures, { cache });
    console.log(
      `Rescan after appending ${(size / MB).toFixed(2)} MB to ${(statSync(files[0]).size / MB).toFixed(0)} MB exception.log: read ${(rescan.bytesRead / MB).toFixed(2)} MB in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    console.log(
      `Memory: baseline RSS ${(baseline / MB).toFixed(0)} MB, peak while scanning ${(peak / MB).toFixed(0)} MB (+${((peak - baseline) / MB).toFixed(0)} MB)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
