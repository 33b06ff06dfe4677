// Writes src/core/releases/releases.json: the product releases QPT knows (its magento_releases.json), in a compact
// form the build bundles, for projects without QPT installed. Only facts: release → the version of each package.
// Usage: node build/releases.mjs [path/to/magento_releases.json] [QPT version]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const source =
  process.argv[2] ?? join(root, '..', 'shared', 'data', 'realworld', 'qpt-1.1.82', 'magento_releases.json');
const composerJson = join(source, '..', 'composer.json');
let qpt = process.argv[3];
if (qpt === undefined) {
  try {
    qpt = JSON.parse(readFileSync(composerJson, 'utf8')).version;
  } catch {
    qpt = undefined;
  }
}

const data = JSON.parse(readFileSync(source, 'utf8'));
const packages = [];
for (const versions of Object.values(data))
  for (const name of Object.keys(versions)) if (!packages.includes(name)) packages.push(name);
const releases = {};
for (const [release, versions] of Object.entries(data)) {
  const row = packages.map((p) => versions[p] ?? null);
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  releases[release] = row;
}

const out = join(root, 'src', 'core', 'releases', 'releases.json');
const lines = Object.entries(releases).map(([r, v]) => `    ${JSON.stringify(r)}: ${JSON.stringify(v)}`);
const text = `{\n  "qpt": ${JSON.stringify(qpt ?? null)},\n  "packages": ${JSON.stringify(packages)},\n  "releases": {\n${lines.join(',\n')}\n  }\n}\n`;
writeFileSync(out, text);
console.log(`${out}: ${Object.keys(releases).length} releases, ${packages.length} packages (QPT ${qpt ?? 'unknown'})`);
