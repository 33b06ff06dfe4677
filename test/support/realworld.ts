import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above this (bundled) file that holds package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The real-world data set (QPT metadata, composer.lock files, the ACSD-61103 article) lives beside the
 * repository in `../shared/data/realworld`. `COMMERCE_PATCHES_REALWORLD` may point elsewhere.
 */
const REALWORLD_DIR = resolve(
  process.env.COMMERCE_PATCHES_REALWORLD ?? join(repoRoot(), '..', 'shared', 'data', 'realworld'),
);

export function realworld(...parts: string[]): string {
  return join(REALWORLD_DIR, ...parts);
}

export const REALWORLD_MISSING = !existsSync(REALWORLD_DIR);

/**
 * Skips the calling suite with a plain explanation when the data set is absent; under CI (CI=true) its absence
 * is a failure, so a green CI always means the real data was checked.
 */
export function requireRealworld(ctx: Mocha.Context): void {
  if (!REALWORLD_MISSING) return;
  const msg = `real-world data not found at ${REALWORLD_DIR} (expected ../shared/data/realworld beside the repository)`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`    skipped: ${msg}`);
  ctx.skip();
}
