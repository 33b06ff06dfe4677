/**
 * Seeded random inputs for the fuzz suites: the same seed gives the same cases, so a failure can be replayed.
 * `FUZZ_SEED` picks another seed, `FUZZ_SCALE` multiplies the number of cases (the default keeps `npm test` fast).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);
export const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Pieces that broke or could break a parser, a pattern or a terminal. */
const HOSTILE: ReadonlyArray<(r: Random) => string> = [
  (r) => '1'.repeat(r.int(3000)) + 'x',
  (r) => ' '.repeat(r.int(20000)),
  (r) => '\t'.repeat(r.int(20000)),
  (r) => '/'.repeat(r.int(20000)),
  (r) => '[\n'.repeat(r.int(2000)),
  () => '\u001b]8;;http://evil.example/\u0007link\u001b]8;;\u0007',
  () => '\u001b[2J\u001b[H',
  () => '\u009b31m',
  () => '\u0000',
  () => '\ud800',
  () => '\u202e',
  () => '<command:commercePatches.apply?%5B%5D>',
  () => '"',
  () => '\\',
  () => '{',
  () => '}',
  () => '||',
  () => ',',
  () => '-p',
  () => '.',
  () => '\r\n',
  () => '\ufeff',
  () => '😀',
  (r) => r.pick(['~', '^', '>=', '<', '!=', ' - ', ' as ', '@dev', '#ref', '+build', 'dev-', '.x-dev', '*']),
  (r) => r.pick(['2.4.6-p', '2.4.7-beta', 'v2.4', '2.4.6.0.0', '20240101', '1.0.0-RC1.2']) + '1'.repeat(r.int(50)),
];

function hostilePiece(r: Random): string {
  return r.pick(HOSTILE)(r);
}

/** A hostile version-like string. */
export function hostileVersion(r: Random): string {
  let s = r.pick(['2.4.6', '2.4.6-p3', '2.4.7-beta1', 'v2.4.8', 'dev-main', '1.1.50', '']);
  for (let i = r.int(3); i >= 0; i--) s = r.chance(0.5) ? s + hostilePiece(r) : hostilePiece(r) + s;
  return s;
}

/** The text with a few random edits: hostile pieces inserted, ranges deleted or repeated, the end cut off. */
export function mutateText(text: string, r: Random): string {
  let s = text;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(s.length + 1);
    switch (r.int(4)) {
      case 0:
        s = s.slice(0, at) + hostilePiece(r) + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(Math.min(s.length, at + r.int(40)));
        break;
      case 2: {
        const piece = s.slice(at, at + r.int(60));
        s = s.slice(0, at) + piece.repeat(1 + r.int(50)) + s.slice(at);
        break;
      }
      default:
        if (r.chance(0.3)) s = s.slice(0, at);
    }
  }
  return s;
}

/** Replaces random string values of JSON data (keys too) with hostile ones, keeping the JSON valid. */
export function mutateJson(data: unknown, r: Random, p = 0.15): unknown {
  if (typeof data === 'string')
    return r.chance(p) ? (r.chance(0.5) ? hostileVersion(r) : data + hostilePiece(r)) : data;
  if (Array.isArray(data)) return data.map((v) => mutateJson(v, r, p));
  if (typeof data === 'object' && data !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[r.chance(p / 3) ? k + hostilePiece(r) : k] = mutateJson(v, r, p);
    return out;
  }
  return data;
}
