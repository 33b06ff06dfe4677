import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { QptInvocation, QptProject } from '../../src/core/qpt/command';
import { preImages } from './preImage';
import { repoRoot } from './realworld';

/**
 * The kit that installs Adobe's real QPT engine (magento/magento-cloud-patches, with PHP from Debian) into a store:
 * `../shared/tools/real-qpt/` beside the repository, or `COMMERCE_PATCHES_REAL_QPT`.
 */
const REAL_QPT_KIT = resolve(
  process.env.COMMERCE_PATCHES_REAL_QPT ?? join(repoRoot(), '..', 'shared', 'tools', 'real-qpt'),
);

/** Skips the suite when the kit is absent; under CI (CI=true) that is a failure. */
export function requireRealQpt(ctx: Mocha.Context): void {
  if (existsSync(join(REAL_QPT_KIT, 'install-into-store.sh'))) return;
  const msg = `the real QPT kit was not found at ${REAL_QPT_KIT} (expected ../shared/tools/real-qpt beside the repository)`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`    skipped: ${msg}`);
  ctx.skip();
}

/** A copy of a fixture store, outside any git work tree, with the real engine installed. */
export interface RealStore extends QptProject {
  /** Environment for the engine's processes (its Composer writes under COMPOSER_HOME). */
  env: NodeJS.ProcessEnv;
  /** The store's QPT patch folder (`vendor/magento/quality-patches/patches`). */
  patchesDir: string;
  remove(): void;
}

export interface RealStoreOptions {
  /**
   * The store's folder (absent or empty), e.g. inside the folder a VS Code test opened. Default: a new temporary
   * folder. Its parent becomes GIT_CEILING_DIRECTORIES, so git treats the store as outside any repository.
   */
  into?: string;
  /** Lets the kit install into a folder inside a git work tree (pair it with GIT_CEILING_DIRECTORIES). */
  allowGit?: boolean;
  /** Patch files (relative to the QPT `patches/` folder) whose vendor files are written, so they are Not applied. */
  seed?: string[];
  /** Files to write into the store after the copy (path relative to the store → content). */
  files?: Record<string, string>;
}

/**
 * Copies `test/fixtures/<fixture>` to a temporary folder, installs the real engine (`--fill-patches`: every patch
 * file the engine reads is there), and writes the vendor files the `seed` patches change, rebuilt from the patches.
 */
export function realStore(fixture: string, options: RealStoreOptions = {}): RealStore {
  const root = options.into ?? join(mkdtempSync(join(tmpdir(), 'real-qpt-')), 'store');
  const dir = dirname(root);
  cpSync(join(repoRoot(), 'test', 'fixtures', fixture), root, { recursive: true });
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  const args = [
    join(REAL_QPT_KIT, 'install-into-store.sh'),
    root,
    '--fill-patches',
    ...(options.allowGit ? ['--allow-git'] : []),
  ];
  const remove = () => rmSync(options.into === undefined ? dir : root, { recursive: true, force: true });
  const kit = spawnSync('bash', args, { encoding: 'utf8' });
  if (kit.status !== 0) {
    remove();
    throw new Error(`install-into-store.sh exited with ${kit.status}:\n${kit.stderr}`);
  }
  const composerJson = JSON.parse(readFileSync(join(root, 'composer.json'), 'utf8')) as {
    config?: { 'vendor-dir'?: string };
  };
  const vendorDir = join(root, composerJson.config?.['vendor-dir'] ?? 'vendor');
  const patchesDir = join(vendorDir, 'magento', 'quality-patches', 'patches');
  for (const patch of options.seed ?? []) {
    for (const [file, content] of preImages(readFileSync(join(patchesDir, patch), 'utf8'))) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
    }
  }
  return {
    root,
    vendorDir,
    binDir: join(vendorDir, 'bin'),
    patchesDir,
    env: { PATH: process.env.PATH, HOME: dir, COMPOSER_HOME: join(dir, 'composer-home'), GIT_CEILING_DIRECTORIES: dir },
    remove,
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an invocation the way VS Code's ProcessExecution does: no shell, an argument list. */
export function runInvocation(inv: QptInvocation, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      inv.command,
      inv.args,
      { cwd: inv.cwd, env, shell: false, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The oracle: whether `git apply --check` (forward, or `--reverse`) accepts a QPT patch file in the store, run
 * outside any repository. True means the patch is not applied (forward) or applied (reverse).
 */
export function gitAccepts(store: RealStore, patch: string, reverse = false): boolean {
  try {
    execFileSync('git', ['apply', '--check', ...(reverse ? ['--reverse'] : []), join(store.patchesDir, patch)], {
      cwd: store.root,
      env: store.env,
      stdio: 'pipe',
    });
    return true;
  } catch {
    return false;
  }
}
