// Prints the size of the packaged extension against its budget: the VSIX file, and the bundle
// extension/dist/extension.js inside it (read from the VSIX, so a later development build in dist/ does not
// change the figure). `npm run size` packages first (npm run package). Exits 1 when one is over budget.
// Usage: node build/size.mjs [--vsix=PATH]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixArg = process.argv.find((a) => a.startsWith('--vsix='))?.slice('--vsix='.length);
const vsix = vsixArg ? resolve(vsixArg) : join(root, `${manifest.name}-${manifest.version}.vsix`);
const BUNDLE = 'extension/dist/extension.js';
const KB = 1024;

/**
 * Uncompressed sizes of a zip's entries, from its central directory (a VSIX is a plain zip: no zip64, no
 * archive comment longer than 64 KB).
 */
function zipEntrySizes(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new Error(`${relative(root, file)} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  const sizes = new Map();
  for (let i = 0, at = buf.readUInt32LE(eocd + 16); i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${relative(root, file)}: damaged central directory`);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    sizes.set(name, buf.readUInt32LE(at + 24));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return sizes;
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
let failed = false;
const line = (name, size, budget) => {
  const ok = size <= budget;
  if (!ok) failed = true;
  const verdict = ok ? `${Math.round((size / budget) * 100)}% of the budget` : 'OVER BUDGET';
  console.log(`  ${name.padEnd(44)} ${kb(size).padStart(9)}   budget ${kb(budget).padStart(8)}   ${verdict}`);
};

console.log('size of the packaged extension (1 KB = 1,024 bytes)');
if (!existsSync(vsix)) {
  console.log(`  ${relative(root, vsix)} is missing: run npm run size (it packages first)`);
  process.exitCode = 1;
} else {
  line(relative(root, vsix), statSync(vsix).size, 400 * KB);
  let sizes = new Map();
  try {
    sizes = zipEntrySizes(vsix);
  } catch (e) {
    console.log(`  ${e.message}`);
    failed = true;
  }
  const bundle = sizes.get(BUNDLE);
  if (failed) {
    // already said why
  } else if (bundle === undefined) {
    console.log(`  ${BUNDLE} is not in the VSIX`);
    failed = true;
  } else {
    line(`${BUNDLE.replace(/^extension\//, '')} (in the VSIX)`, bundle, 250 * KB);
  }
  if (sizes.size > 0) console.log(`  ${sizes.size} files in the VSIX`);
  process.exitCode = failed ? 1 : 0;
}
