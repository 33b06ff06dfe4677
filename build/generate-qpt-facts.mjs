// Writes data/qpt-facts.json, the bundled facts of every QPT patch, from a QPT release's metadata.
// Only facts are kept (IDs, package constraints and patch files, categories, components, origin, require,
// replaced-with, deprecated, the QPT release that introduced each patch); no title or description text.
// Usage: node build/generate-qpt-facts.mjs [QPT_DIR] [--out FILE] [--check]
//   QPT_DIR  a folder with support-patches.json, community-patches.json, patches-info.json and introduced-in.json
//            (default: ../shared/data/realworld/qpt-1.1.82 beside the repository)
//   --check  writes nothing; exits 1 when the file differs from what QPT_DIR gives
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, 'data', 'qpt-facts.json');
const check = args.includes('--check');
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out') ??
    join(root, '..', 'shared', 'data', 'realworld', 'qpt-1.1.82'),
);

const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const support = read('support-patches.json');
const community = read('community-patches.json');
const info = read('patches-info.json');
const introduced = read('introduced-in.json');
if (typeof info.version !== 'string') throw new Error(`${dir}/patches-info.json has no version`);

/** A table of names: each name once, referred to by its index. */
function table() {
  const names = [];
  const index = new Map();
  return {
    names,
    of(name) {
      let i = index.get(name);
      if (i === undefined) {
        i = names.length;
        names.push(name);
        index.set(name, i);
      }
      return i;
    },
  };
}
const packages = table();
const categories = table();
const components = table();
const origins = table();

const infoById = new Map(info.patches.map((p) => [p.id, p]));
/** A replacement in patches-info.json is often prose; like the catalog reader, only a bare ID is a fact. */
const BARE_ID = /^[A-Za-z][\w/-]*$/;

/** The patch file with the patch's own ID written as `*` (most file names start with it). */
const shortFile = (id, file) => file.split(id).join('*');

function patchFacts(id, patch, origin) {
  const i = infoById.get(id);
  const cats = i?.categories?.length ? i.categories : (patch.categories ?? []);
  const targets = [];
  for (const [pkg, ranges] of Object.entries(patch.packages)) {
    for (const [constraint, d] of Object.entries(ranges)) {
      const target = [packages.of(pkg), constraint, d.file === undefined ? null : shortFile(id, d.file)];
      const extra = {};
      if (d.require !== undefined) extra.r = d.require;
      if (d['replaced-with'] !== undefined) extra.w = d['replaced-with'];
      if (d.deprecated !== undefined) extra.d = d.deprecated;
      if (Object.keys(extra).length > 0) target.push(extra);
      targets.push(target);
    }
  }
  const facts = [
    id,
    introduced[origin]?.[id] ?? null,
    typeof i?.origin === 'string' && i.origin.trim() !== '' ? origins.of(i.origin.trim()) : -1,
    cats.map((c) => categories.of(c)),
    (i?.components ?? []).map((c) => components.of(c)),
    targets,
  ];
  const extra = {};
  if (i?.require !== undefined && i.require !== null)
    extra.r = Array.isArray(i.require) || typeof i.require === 'string' ? i.require : Object.keys(i.require);
  if (typeof i?.replacedWith === 'string' && BARE_ID.test(i.replacedWith.trim())) extra.w = i.replacedWith.trim();
  if (Object.keys(extra).length > 0) facts.push(extra);
  return facts;
}

const patches = [
  ...Object.entries(support).map(([id, p]) => patchFacts(id, p, 'support')),
  ...Object.entries(community).map(([id, p]) => patchFacts(id, p, 'community')),
];
const missing = patches.filter((p) => p[1] === null).map((p) => p[0]);
if (missing.length > 0)
  console.warn(`no introducing release known for ${missing.length} patches: ${missing.slice(0, 5).join(', ')}`);

const line = (v) => JSON.stringify(v);
const text = [
  '{',
  `"format": 1,`,
  `"qpt": ${line(info.version)},`,
  `"about": ${line(`Facts of the ${patches.length} support and community patches of QPT ${info.version}, written by build/generate-qpt-facts.mjs. Patch: [id, introduced in, origin, categories, components, targets, {r: require, w: replaced-with}?]; target: [package, constraint, file (* = the ID), {r, w, d: deprecated}?]; numbers index the tables.`)},`,
  `"packages": ${line(packages.names)},`,
  `"categories": ${line(categories.names)},`,
  `"origins": ${line(origins.names)},`,
  `"components": [\n${components.names.map(line).join(',\n')}\n],`,
  `"patches": [\n${patches.map(line).join(',\n')}\n]`,
  '}',
  '',
].join('\n');

if (check) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // No file yet: it differs.
  }
  if (current !== text) {
    console.error(`${out} is not what ${dir} gives: run node build/generate-qpt-facts.mjs`);
    process.exit(1);
  }
  console.log(`${out} is up to date (${patches.length} patches, QPT ${info.version})`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}: ${patches.length} patches of QPT ${info.version}, ${(text.length / 1024).toFixed(1)} KB`);
}
