/**
 * Builds store trees from the real QPT patch files, for checks judged by the real `git apply`: the vendor files
 * each patch expects are rebuilt from the hunks' old lines (placed near their stated lines, with filler lines and
 * offsets between them), then some patches are applied with `git apply`, some files damaged, some removed.
 * Everything lives in a temporary folder outside any git repository.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDiff } from '../../src/core/diff/parse';
import { realworld } from './realworld';

/** A seeded pseudo-random source (mulberry32): the same trees on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const QPT_DIR = () => realworld('qpt-1.1.82');

export function tempRoot(name: string): string {
  return mkdtempSync(join(tmpdir(), `cpt-${name}-`));
}

/** A project folder: the real lock, a composer.json with `vendorDir`, QPT's metadata and patch files in place. */
export function makeProject(root: string, lockName: string, vendorDir = 'vendor'): void {
  copyFileSync(realworld('composer-lock', lockName), join(root, 'composer.lock'));
  const config = vendorDir === 'vendor' ? {} : { config: { 'vendor-dir': vendorDir } };
  writeFileSync(join(root, 'composer.json'), JSON.stringify({ name: 'acme/store', ...config }, null, 2));
  const qpt = join(root, vendorDir, 'magento', 'quality-patches');
  mkdirSync(qpt, { recursive: true });
  for (const f of ['support-patches.json', 'community-patches.json', 'patches-info.json'])
    copyFileSync(join(QPT_DIR(), f), join(qpt, f));
  symlinkSync(join(QPT_DIR(), 'patches'), join(qpt, 'patches'));
}

/** QPT's form of a diff (`diff --git` → `diff -Nuar`) with `vendor/` paths moved to `vendorDir`. */
export function qptForm(text: string, vendorDir = 'vendor'): string {
  let out = text.replace(/^diff --git/gm, 'diff -Nuar');
  if (vendorDir !== 'vendor') out = out.replace(/^(--- |\+\+\+ )([ab]\/)vendor\//gm, `$1$2${vendorDir}/`);
  return out;
}

/** `git apply --check [--reverse]` on a diff in QPT's form, in `root`: the real verdict. */
export function gitCheck(root: string, diff: string, reverse: boolean): boolean {
  const args = ['apply', '--check', ...(reverse ? ['--reverse'] : [])];
  const r = spawnSync('git', args, { cwd: root, input: Buffer.from(diff, 'latin1'), env: gitEnv(root) });
  if (r.error) throw r.error;
  return r.status === 0;
}

/** `git apply` (writes): true when it applied. */
export function gitApply(root: string, diff: string): boolean {
  const r = spawnSync('git', ['apply'], { cwd: root, input: Buffer.from(diff, 'latin1'), env: gitEnv(root) });
  return r.status === 0;
}

function gitEnv(root: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CEILING_DIRECTORIES: dirname(root) };
}

interface Region {
  lines: readonly string[];
  atStart: boolean;
  atEnd: boolean;
  want: number;
}

/**
 * Writes the vendor files the given diffs (QPT's form, paths from the root) expect before they are applied: for
 * each path, every hunk's old lines, in diff order, near their stated line (a random offset of 0–6 lines), with
 * unique filler lines between; a hunk that must sit at the file's start or end goes there (the first one wins).
 * Files the diffs create are left out; files they delete get exactly their old lines.
 */
export function writePreImages(root: string, diffs: string[], rnd: () => number): number {
  const regions = new Map<string, Region[]>();
  const wholeFile = new Map<string, string[]>();
  for (const text of diffs) {
    const diff = parseDiff(text);
    for (const section of diff.sections) {
      if (section.creates === true) continue;
      if (section.deletes === true) {
        if (!regions.has(section.path))
          wholeFile.set(
            section.path,
            section.hunks.flatMap((h) => h.oldSide.toLines()),
          );
        continue;
      }
      const list = regions.get(section.path) ?? [];
      regions.set(section.path, list);
      for (const hunk of section.hunks) {
        const pre = hunk.oldSide.toLines();
        const last = pre[pre.length - 1];
        list.push({
          lines: pre,
          atStart: hunk.oldStart <= 1,
          atEnd: hunk.trailing === 0 || (last !== undefined && !last.endsWith('\n')),
          want: Math.max(0, hunk.oldStart - 1),
        });
      }
    }
  }
  let written = 0;
  for (const [path, lines] of wholeFile) {
    if (regions.has(path)) continue;
    writeFile(root, path, lines.join(''));
    written++;
  }
  for (const [path, list] of regions) {
    const out: string[] = [];
    let filler = 0;
    const fill = () => out.push(`// ${path.length} filler ${filler++}\n`);
    const start = list.find((r) => r.atStart);
    if (start !== undefined) out.push(...start.lines);
    const end = list.find((r) => r.atEnd && !r.atStart);
    for (const r of list) {
      if (r === start || r === end || r.atStart) continue;
      const target = r.want + Math.floor(rnd() * 7);
      fill();
      while (out.length < target) fill();
      out.push(...r.lines);
    }
    if (end !== undefined) {
      fill();
      out.push(...end.lines);
    } else if (out.length > 0 && !out[out.length - 1].endsWith('\n')) {
      out[out.length - 1] += '\n';
    }
    writeFile(root, path, out.join(''));
    written++;
  }
  return written;
}

/** A composer.lock of an Adobe Commerce 2.4.6-p3 store with QPT 1.1.82, for hand-made catalogs and patch files. */
export function write246Lock(root: string): void {
  const pkg = (name: string, version: string) => ({ name, version });
  writeFile(
    root,
    'composer.lock',
    JSON.stringify({ packages: [pkg('magento/magento2-base', '2.4.6-p3'), pkg('magento/quality-patches', '1.1.82')] }),
  );
}

export function writeFile(root: string, path: string, bytes: string): void {
  const file = join(root, Buffer.from(path, 'latin1').toString('utf8'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(bytes, 'latin1'));
}

export function readBytes(file: string): string {
  return readFileSync(file, 'latin1');
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
