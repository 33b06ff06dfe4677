import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../../support/realworld';

// The house rules of ARCHITECTURE.md, checked on the import statements of src/: who may import whom, no cycles,
// small files.

const ROOT = repoRoot();
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/** Every file's imports: relative ones resolved to a file under src/, others (node:, npm packages) as written. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map(
    (m) => m[1] ?? m[2],
  );
  return specs.map((spec) => {
    if (!spec.startsWith('.')) return spec;
    const base = resolve(dirname(file), spec);
    for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate)) return candidate;
    return base;
  });
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, imports(f)]));
const rel = (f: string) => relative(SRC, f).split('\\').join('/');

/** The room of a file under src/vscode: its folder, or '.' for the shared files at the top. */
function room(file: string): string {
  const parts = rel(file).split('/');
  return parts.length > 2 ? parts[1] : '.';
}

/** Which rooms of src/vscode each room may import (besides its own and the shared top-level files). */
const MAY_IMPORT: Record<string, string[]> = {
  '.': ['projects'],
  projects: [],
  state: ['projects'],
  qpt: ['projects'],
  tree: ['projects', 'state'],
  hover: ['projects', 'state', 'qpt'],
  cloud: ['projects', 'state'],
  catalog: ['projects'],
  commands: ['projects', 'state', 'qpt', 'cloud', 'tree', 'catalog'],
};

describe('layout of src', () => {
  it('core imports only core (no vscode, no cli)', () => {
    const bad = files
      .filter((f) => rel(f).startsWith('core/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => i === 'vscode' || (i.startsWith(SRC) && !rel(i).startsWith('core/')))
          .map((i) => `${rel(f)} → ${i.startsWith(SRC) ? rel(i) : i}`),
      );
    assert.deepEqual(bad, []);
  });

  it('cli never imports the VS Code side', () => {
    const bad = files
      .filter((f) => rel(f).startsWith('cli/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => i === 'vscode' || (i.startsWith(SRC) && rel(i).startsWith('vscode/')))
          .map((i) => rel(f) + ' → ' + i),
      );
    assert.deepEqual(bad, []);
  });

  it('rooms of src/vscode import only the rooms below them', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => rel(x).startsWith('vscode/'))) {
      for (const i of graph.get(f) ?? []) {
        if (!i.startsWith(SRC) || !rel(i).startsWith('vscode/')) continue;
        const from = room(f);
        const to = room(i);
        if (to !== '.' && to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) bad.push(`${rel(f)} → ${rel(i)}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(
      Object.keys(MAY_IMPORT).sort(),
      [...new Set(files.filter((x) => rel(x).startsWith('vscode/')).map(room))].sort(),
    );
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const i of graph.get(f) ?? []) if (graph.has(i)) visit(i, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    assert.deepEqual(cycles, []);
  });

  it('keeps every file of src within about 250 lines', () => {
    const long = files
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 260);
    assert.deepEqual(long, []);
  });
});
