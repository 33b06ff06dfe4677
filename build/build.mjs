// Bundles the extension, the command-line tool and the test entry points with esbuild.
// Usage: node build/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --tests=SUBSTRING builds only the test entry points whose path contains SUBSTRING (and skips dist/).
const testFilter = process.argv.find((a) => a.startsWith('--tests='))?.slice('--tests='.length);

/** Turns `patches.yaml` (or any imported .yaml file) into a JSON module at build time. */
const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const doc = parseDocument(text, { prettyErrors: true });
      if (doc.errors.length > 0) {
        return {
          errors: doc.errors.map((e) => ({
            text: e.message,
            location: { file: relative(root, args.path), line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 0 },
          })),
        };
      }
      return { contents: JSON.stringify(doc.toJS()), loader: 'json' };
    });
  },
};

function testEntries(dir) {
  try {
    return readdirSync(join(root, dir), { recursive: true })
      .filter((f) => String(f).endsWith('.ts') && !String(f).endsWith('.d.ts'))
      .map((f) => join(dir, String(f)));
  } catch {
    return [];
  }
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  logLevel: 'warning',
  plugins: [yamlPlugin],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  define: { PACKAGE_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
};

const builds = testFilter !== undefined ? [] : [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (!production) {
  const tests = [...testEntries('test/unit'), ...testEntries('test/integration'), ...testEntries('test/bench')].filter(
    (t) => testFilter === undefined || t.includes(testFilter),
  );
  if (tests.length > 0) {
    builds.push({
      ...common,
      entryPoints: tests,
      outdir: 'out',
      outbase: '.',
      external: ['vscode', 'mocha', 'playwright-core'],
    });
  }
}

// A production build starts from an empty dist/ so no stale source map or bundle is packaged.
if (production) rmSync(join(root, 'dist'), { recursive: true, force: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
