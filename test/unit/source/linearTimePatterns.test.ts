import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { type ChildProcess, fork } from 'node:child_process';
import { repoRoot } from '../../support/realworld';
import { sourcePatterns } from '../../support/sourcePatterns';

/**
 * Every regular expression in `src` must run in linear time: each one is run on adversarial inputs of 100,000
 * characters (long runs of the characters it names, of digits, letters, spaces, tabs, line breaks and separators,
 * behind prefixes that lead into a version, a constraint or a path, ending in a character that makes it fail), and
 * no single run may take more than the budget. A quadratic or exponential pattern takes seconds to hours there.
 * The patterns are found and run in a child process (this same file), which is stopped when a run overruns: a bad
 * pattern fails the test, it never hangs it, and neither the compiler that reads the source nor the 100k-character
 * inputs load into the test process.
 */
const LENGTH = Number(process.env.REGEX_CHECK_LENGTH ?? 100_000);
const BUDGET_MS = 150;
/** A pattern whose runs take this long in all is stopped and reported. */
const STOP_MS = 5000;
/** Files left out of the check (none). */
const PENDING = new Set<string>();

const PREFIXES = ['', '1', '2.4.6-p', 'v'];
const BASE = [
  '1',
  'a',
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  '.',
  '-',
  '/',
  '\\',
  '[',
  '|',
  ',',
  '<',
  '=',
  '@',
  '*',
  ':',
  'é',
  '\u001b',
];
const PAIRED = ['.', '-', '/', ',', '|', ':', '_', '[', ' ', '\t', '\n', 'p'];

interface Found {
  where: string;
  text: string;
  source?: string;
  flags?: string;
}
type Message = { found: Found[] } | { tick: string } | { i: number; worst: number; worstInput: string };

/** The characters a pattern names, the usual suspects, and pairs of separators with a digit, a space or a letter. */
function units(source: string): string[] {
  const chars = new Set(BASE);
  for (const c of source.replace(/\\[dDsSwWbB]/g, '')) if (c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127) chars.add(c);
  const out = [...chars];
  for (const c of PAIRED) out.push(c + '1', c + ' ', c + 'a');
  return out;
}

const CHILD = 'COMMERCE_PATCHES_REGEX_CHECK';

function send(message: Message): void {
  process.send!(message);
}

function workerMain(): void {
  const root = repoRoot();
  const found: Found[] = sourcePatterns(join(root, 'src'), root).map((p) => ({
    where: p.where,
    text: p.text,
    ...(p.pattern ? { source: p.pattern.source, flags: p.pattern.flags } : {}),
  }));
  send({ found });
  const { start, length, budget } = JSON.parse(process.env[CHILD] ?? '{}') as {
    start: number;
    length: number;
    budget: number;
  };
  const checked = found.filter((p) => p.source !== undefined && !PENDING.has(p.where.split(':')[0]));
  const cache = new Map<string, string>();
  const input = (prefix: string, unit: string) => {
    const key = `${prefix}\u0000${unit}`;
    let s = cache.get(key);
    if (s === undefined) {
      s = prefix + unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '\u0001';
      /x/.test(s); // flattens the string outside the timing
      cache.set(key, s);
    }
    return s;
  };
  const run = (re: RegExp, s: string) => {
    const t0 = performance.now();
    re.lastIndex = 0;
    if (re.global) s.replace(re, '');
    else re.exec(s);
    return performance.now() - t0;
  };
  for (let i = start; i < checked.length; i++) {
    send({ tick: checked[i].where });
    const re = new RegExp(checked[i].source!, checked[i].flags);
    let worst = 0;
    let worstInput = '';
    for (const prefix of PREFIXES) {
      for (const unit of units(re.source)) {
        const described = `${JSON.stringify(prefix)} + ${JSON.stringify(unit)} × N + "\\u0001"`;
        const s = input(prefix, unit);
        let ms = run(re, s);
        // A slow run is timed twice more and the fastest counts: a pause of the machine is not the pattern's.
        if (ms > budget) ms = Math.min(ms, run(re, s), run(re, s));
        if (ms > worst) {
          worst = ms;
          worstInput = described;
        }
      }
    }
    send({ i, worst, worstInput });
  }
}

interface Run {
  found: Found[];
  results: { i: number; worst: number; worstInput: string }[];
  hung?: { i: number; input: string };
}

/** Runs the checked patterns from `start` in a worker, until the end or until one run overruns. */
function runFrom(start: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const worker: ChildProcess = fork(__filename, [], {
      env: { ...process.env, [CHILD]: JSON.stringify({ start, length: LENGTH, budget: BUDGET_MS }) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const out: Run = { found: [], results: [] };
    let total = Infinity;
    let current = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      worker.kill();
      resolve(out);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        out.hung = { i: start + out.results.length, input: current };
        finish();
      }, STOP_MS);
    };
    worker.on('message', (m: Message) => {
      if ('found' in m) {
        out.found = m.found;
        total = m.found.filter((p) => p.source !== undefined && !PENDING.has(p.where.split(':')[0])).length;
        if (start >= total) return finish();
      } else if ('tick' in m) {
        current = m.tick;
      } else {
        out.results.push(m);
        if (m.i === total - 1) return finish();
      }
      arm();
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.on('close', (code) => {
      if (out.hung === undefined && out.results.length + start < total) {
        clearTimeout(timer);
        reject(new Error(`the pattern check ended early (exit code ${code})`));
      }
    });
  });
}

if (process.env[CHILD] !== undefined) {
  // The parent ends this process once it has every result.
  workerMain();
} else {
  describe('every regular expression in src runs in linear time', function () {
    this.timeout(0);

    it(`finds every pattern of the source, and each takes at most ${BUDGET_MS} ms on ${LENGTH.toLocaleString('en')}-character adversarial input`, async () => {
      const slow: string[] = [];
      let first: Found[] | undefined;
      let start = 0;
      for (;;) {
        const { found, results, hung } = await runFrom(start);
        first ??= found;
        const checked = found.filter((p) => p.source !== undefined && !PENDING.has(p.where.split(':')[0]));
        for (const r of results) {
          if (r.worst > BUDGET_MS)
            slow.push(`${checked[r.i].where} ${checked[r.i].text}: ${Math.round(r.worst)} ms on ${r.worstInput}`);
        }
        if (hung === undefined) break;
        slow.push(`${checked[hung.i].where} ${checked[hung.i].text}: still running after ${STOP_MS} ms`);
        start = hung.i + 1;
      }
      assert.ok(first.length > 40, `only ${first.length} patterns found`);
      assert.deepEqual(
        first.filter((p) => p.source === undefined).map((p) => `${p.where}: ${p.text}`),
        [],
        'a pattern that cannot be built from module-level constants cannot be checked',
      );
      assert.deepEqual(slow, []);
    });
  });
}
