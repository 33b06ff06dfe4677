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
            location: {
              file: relative(root, args.path),
              line: e.linePos?.[0]?.line ?? 1,
              column: e.linePos?.[0]?.col ?? 0,
            },
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

/**
 * The PHP parser (for reading app/etc/env.php and config.php) is a bundle of its own, dist/php-parser.js, that the
 * extension and the command line `require` only when a signature asks for a setting: it stays out of their start-up.
 */
const phpParserApart = {
  name: 'php-parser-apart',
  setup(build) {
    build.onResolve({ filter: /^php-parser$/ }, () => ({ path: './php-parser.js', external: true }));
  },
};

/** The evidence engine (the log scanner, the config reader) is also a bundle of its own for the extension: dist/evidence.js. */
const evidenceApart = {
  name: 'evidence-apart',
  setup(build) {
    build.onResolve({ filter: /\/core\/evidence\/engine$/ }, () => ({ path: './evidence.js', external: true }));
  },
};

/** The upgrade plan and the release list are one more bundle of the extension's own: dist/plan.js. */
const planApart = {
  name: 'plan-apart',
  setup(build) {
    build.onResolve({ filter: /\/core\/plan\/engine$/ }, () => ({ path: './plan.js', external: true }));
  },
};

/**
 * The YAML library (`.magento.env.yaml`, the decisions file, YAML catalogs) is a bundle of its own too, dist/yaml.js:
 * core requires it on the first YAML read (src/core/yaml.ts), so it stays out of the extension's start-up.
 */
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

const builds =
  testFilter !== undefined
    ? []
    : [
        // The catalog download and its checks: loaded by the extension only when a catalog update runs.
        { ...common, entryPoints: ['src/core/catalog/update/update.ts'], outfile: 'dist/catalogUpdate.js' },
        {
          ...common,
          plugins: [...common.plugins, phpParserApart, evidenceApart, planApart, yamlApart],
          entryPoints: ['src/extension.ts'],
          outfile: 'dist/extension.js',
          external: ['vscode'],
        },
        {
          ...common,
          plugins: [...common.plugins, yamlApart],
          entryPoints: ['src/core/plan/engine.ts'],
          outfile: 'dist/plan.js',
        },
        {
          ...common,
          plugins: [...common.plugins, phpParserApart, yamlApart],
          entryPoints: ['src/core/evidence/engine.ts'],
          outfile: 'dist/evidence.js',
        },
        {
          ...common,
          plugins: [...common.plugins, phpParserApart, yamlApart],
          entryPoints: ['src/cli/main.ts'],
          outfile: 'dist/cliMain.js',
        },
        // The `commerce-patches` executable: runs dist/cliMain.js from V8's code cache (src/cli/launch.ts).
        {
          ...common,
          entryPoints: ['src/cli/launch.ts'],
          outfile: 'dist/cli.js',
          banner: { js: '#!/usr/bin/env node' },
        },
        { ...common, entryPoints: ['php-parser'], outfile: 'dist/php-parser.js' },
        { ...common, entryPoints: ['yaml'], outfile: 'dist/yaml.js' },
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
// A full test build starts from an empty out/test so the bundle of a moved or deleted test does not run on
// (a build with --tests= rewrites only the bundles it names).
if (!production && testFilter === undefined) rmSync(join(root, 'out', 'test'), { recursive: true, force: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
