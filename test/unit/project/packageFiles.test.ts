import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../support/realworld';

/**
 * What `vsce ls` puts in the VSIX, under the `.vscodeignore` allowlist: the bundle, the bundled patch facts, the manifest and its
 * translations, the runtime translations, README, CHANGELOG, LICENSE and the media files the manifest names;
 * nothing else, whatever else lies in the folder.
 *
 * vsce walks every file of the folder it lists (the tools cached under `.cache/` alone take it a quarter of a
 * minute), so the listing runs on a copy of the repository's own files (tracked and untracked, not git-ignored),
 * the build output in `dist/`, and decoys that must stay out.
 */
const ROOT = repoRoot();
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Files no VSIX may hold, planted in the copy. */
const DECOYS = [
  'dist/extension.js.map',
  'dist/cli.js',
  'dist/cliMain.js',
  'data/other-facts.json',
  'media/screenshots/tree.png',
  'media/unused-icon.svg',
  'src/extension.ts',
  'node_modules/left-pad/index.js',
  '.cache/vsix/old.vsix',
  'test-results/check-final.png',
  'out/test/unit/x.test.js',
  'commerce-patch-triage-0.0.1.vsix',
  'l10n/notes.md',
  '.env',
];

interface Manifest {
  [key: string]: unknown;
}

/** Every `media/...` path the manifest mentions (icon, view containers, views...), without a leading `./`. */
function manifestMedia(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^(?:\.\/)?(media\/[^\s]+)$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) manifestMedia(v, found);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) manifestMedia(v, found);
  }
  return found;
}

function repositoryFiles(): string[] {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr || r.error?.message}`);
  const inDist = existsSync(join(ROOT, 'dist')) ? readdirSync(join(ROOT, 'dist')).map((f) => `dist/${f}`) : [];
  return [...new Set([...r.stdout.split('\0').filter((f) => f !== ''), ...inDist])].filter((f) =>
    existsSync(join(ROOT, f)),
  );
}

describe('VSIX contents (vsce ls under the .vscodeignore allowlist)', function () {
  this.timeout(60_000);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const media = manifestMedia(manifest);
  const nls = readdirSync(ROOT).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
  const bundles = readdirSync(join(ROOT, 'l10n'))
    .filter((f) => /^bundle\.l10n(\.[\w-]+)?\.json$/.test(f))
    .map((f) => `l10n/${f}`);
  const expected = [
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'dist/extension.js',
    'dist/catalogUpdate.js',
    'data/qpt-facts.json',
    'dist/evidence.js',
    'dist/php-parser.js',
    'dist/yaml.js',
    'dist/plan.js',
    ...nls,
    ...bundles,
    ...media,
  ].sort();
  let listed: string[] = [];
  let stage = '';

  before(function () {
    if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
      throw new Error('dist/extension.js is missing: run `npm run build` first (npm test does)');
    }
    stage = mkdtempSync(join(tmpdir(), 'vsix-files-'));
    for (const file of repositoryFiles()) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(stage, file));
    }
    for (const decoy of DECOYS) {
      const path = join(stage, decoy);
      if (existsSync(path)) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'decoy\n');
    }
    const r = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], {
      cwd: stage,
      encoding: 'utf8',
      timeout: 50_000,
    });
    if (r.status !== 0) throw new Error(`vsce ls failed (exit ${r.status}): ${r.stderr || r.error?.message}`);
    listed = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .sort();
  });

  after(() => {
    if (stage !== '') rmSync(stage, { recursive: true, force: true });
  });

  it('the manifest names media files that exist, the Marketplace icon among them', () => {
    assert.ok(media.has('media/icon.png'), [...media].join(', '));
    for (const file of media)
      assert.ok(existsSync(join(ROOT, file)), `package.json names ${file}, which does not exist`);
  });

  it('lists exactly the allowlisted files', () => {
    assert.deepEqual(listed, expected);
  });

  it('keeps source maps, the CLI, sources, screenshots, dependencies and build leftovers out', () => {
    for (const decoy of DECOYS) assert.ok(!listed.includes(decoy), `${decoy} would be packaged`);
    assert.deepEqual(
      listed.filter((f) => /\.map$|^node_modules\/|^src\/|^test\/|^media\/screenshots\//.test(f)),
      [],
    );
  });

  it('has the translations of every display language, for the manifest and at run time', () => {
    const locales = (files: string[], re: RegExp) =>
      files
        .map((f) => re.exec(f)?.[1])
        .filter((l) => l !== undefined)
        .sort();
    const manifestLocales = locales(listed, /^package\.nls\.([\w-]+)\.json$/);
    const runtimeLocales = locales(listed, /^l10n\/bundle\.l10n\.([\w-]+)\.json$/);
    assert.ok(manifestLocales.length >= 1, listed.join(', '));
    assert.deepEqual(runtimeLocales, manifestLocales);
  });
});
