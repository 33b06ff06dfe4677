import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { join } from 'node:path';

/**
 * The installed package versions as QPT reads them: Composer's `<vendor-dir>/composer/installed.json` (Composer 2's
 * `{packages: [...]}` or Composer 1's list) when it is there and readable, else the lock's.
 */
export function installedVersions(vendorDir: string, locked: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(join(vendorDir, 'composer', 'installed.json'), FILE_LIMITS.lock));
  } catch {
    return locked;
  }
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.packages) ? data.packages : undefined;
  if (list === undefined) return locked;
  const versions = new Map<string, string>();
  for (const p of list) {
    if (isRecord(p) && typeof p.name === 'string' && typeof p.version === 'string') versions.set(p.name, p.version);
  }
  return versions.size > 0 ? versions : locked;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
