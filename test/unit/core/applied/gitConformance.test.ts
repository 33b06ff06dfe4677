/**
 * The in-process check against the real `git apply`: on store trees generated from the real QPT 1.1.82 patch files
 * (see test/support/patchTrees.ts), every patch's state must equal QPT's verdict computed with git itself
 * (`git apply --check`, then `--check --reverse`, on the patch's files joined as QPT joins them), run in the tree,
 * outside any git repository. Local patches (`m2-hotfixes/`) too.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLock } from '../../../../src/core/analyze';
import type { AppliedState } from '../../../../src/core/applied/appliedState';
import { appliedStatus } from '../../../../src/core/applied/appliedStatus';
import { installedVersions } from '../../../../src/core/applied/installedVersions';
import { patchFiles } from '../../../../src/core/applied/qptStates';
import { parseDiff } from '../../../../src/core/diff/parse';
import type { TriagedPatch } from '../../../../src/core/triage/triaged';
import { requireRealworld } from '../../../support/realworld';
import {
  gitApply,
  gitCheck,
  makeProject,
  QPT_DIR,
  qptForm,
  random,
  readBytes,
  removeTree,
  tempRoot,
  writeFile,
  writePreImages,
} from '../../../support/patchTrees';

interface Tally {
  checked: number;
  states: Record<AppliedState, number>;
  features: Record<string, number>;
}

const TREES: { lock: string; vendorDir: string; seed: number; hotfixes: number }[] = [
  { lock: 'magento-cloud_2.4.6-p3.composer.lock', vendorDir: 'vendor', seed: 1, hotfixes: 6 },
  { lock: 'magento-cloud_2.4.8-p4.composer.lock', vendorDir: 'lib/vendor', seed: 2, hotfixes: 4 },
  { lock: 'joshinaimish-magento247p4_ce-2.4.7-p1.composer.lock', vendorDir: 'vendor2', seed: 3, hotfixes: 0 },
];

describe('applied state agrees with real git apply on trees built from the real QPT patches', function () {
  this.timeout(300_000);
  const total: Tally = { checked: 0, states: { applied: 0, 'not-applied': 0, conflict: 0, unknown: 0 }, features: {} };
  const roots: string[] = [];

  before(function () {
    requireRealworld(this);
    if (spawnGitMissing()) this.skip();
  });

  after(() => {
    for (const r of roots) removeTree(r);
    const f = Object.entries(total.features)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const s = Object.entries(total.states)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`      ${total.checked} patches checked against git apply (${s}); covering ${f}`);
  });

  for (const tree of TREES) {
    it(`${tree.lock}, vendor-dir ${tree.vendorDir}: every patch's state equals git's verdict`, () => {
      const root = tempRoot('conformance');
      roots.push(root);
      const mismatches = checkTree(root, tree, total);
      assert.deepEqual(mismatches.slice(0, 15), []);
    });
  }
});

function spawnGitMissing(): boolean {
  return spawnSync('git', ['--version']).status !== 0;
}

function checkTree(root: string, tree: (typeof TREES)[number], tally: Tally): string[] {
  makeProject(root, tree.lock, tree.vendorDir);
  const rnd = random(tree.seed);
  const before = analyzeLock(join(root, 'composer.lock'), { bundled: false });
  const versions = installedVersions(before.project.vendorDir, before.project.packages);
  const matched = before.result.patches.filter((e) => e.status !== 'not-applicable');
  const text = (name: string) => readBytes(join(QPT_DIR(), 'patches', name));
  const own = new Map<string, string[]>(matched.map((e) => [e.patch.id, patchFiles(e, versions)]));
  const joined = (names: string[]) => qptForm(names.map(text).join(''), tree.vendorDir);
  writePreImages(
    root,
    matched.map((e) => joined(own.get(e.patch.id) ?? [])),
    rnd,
  );

  // Some patches applied with git, some files damaged, some removed.
  for (const e of matched) {
    const diff = joined(own.get(e.patch.id) ?? []);
    const r = rnd();
    if (r < 0.15) gitApply(root, diff);
    else if (r < 0.2) damage(root, diff, rnd);
    else if (r < 0.23) removeOne(root, diff, rnd);
  }
  // Local patches: real patch files copied into m2-hotfixes/, one of them applied.
  const hotfixNames: string[] = [];
  for (let i = 0; i < tree.hotfixes; i++) {
    const e = matched[Math.floor(rnd() * matched.length)];
    const names = own.get(e.patch.id) ?? [];
    if (names.length === 0) continue;
    const name = `m2-hotfixes/${String(i).padStart(2, '0')}-${e.patch.id}.patch`;
    mkdirSync(join(root, 'm2-hotfixes'), { recursive: true });
    writeFile(root, name, names.map(text).join(''));
    if (i === 1) gitApply(root, joined(names));
    hotfixNames.push(name);
  }

  const analysis = analyzeLock(join(root, 'composer.lock'), { bundled: false });
  const engine = appliedStatus(analysis);
  const oracle = gitStates(root, matched, own, joined);
  const mismatches: string[] = [];
  for (const e of matched) {
    const id = e.patch.id;
    const got = engine.patches.get(id);
    const want = oracle.get(id);
    if (got === undefined || want === undefined) {
      mismatches.push(`${id}: no state`);
      continue;
    }
    tally.checked++;
    tally.states[got.state]++;
    if (got.state !== want.state)
      mismatches.push(`${id}: engine ${got.state} (${JSON.stringify(got.reason)}), git ${want.state}`);
    if (want.both !== (got.reason?.kind === 'may-be-applied'))
      mismatches.push(`${id}: both directions: git ${want.both}, engine ${got.reason?.kind}`);
    countFeatures(tally, joined(own.get(id) ?? []), own.get(id)?.length ?? 0, want.withRequired);
  }
  for (const name of hotfixNames) {
    const local = engine.local.find((l) => l.file === name);
    const diff = qptForm(readBytes(join(root, name)), tree.vendorDir);
    const want = gitCheck(root, diff, false) ? 'not-applied' : gitCheck(root, diff, true) ? 'applied' : 'conflict';
    tally.checked++;
    tally.features['m2-hotfixes'] = (tally.features['m2-hotfixes'] ?? 0) + 1;
    if (local === undefined) mismatches.push(`${name}: not listed`);
    else if (local.state !== want) mismatches.push(`${name}: engine ${local.state}, git ${want}`);
  }
  if (tree.vendorDir !== 'vendor') tally.features[`vendor-dir ${tree.vendorDir}`] = matched.length;
  return mismatches;
}

interface Verdict {
  state: AppliedState;
  both: boolean;
  withRequired: boolean;
}

/** QPT's rules with git as the judge of every joined diff: required patches that are not applied go first. */
function gitStates(
  root: string,
  matched: TriagedPatch[],
  own: Map<string, string[]>,
  joined: (names: string[]) => string,
): Map<string, Verdict> {
  const byId = new Map(matched.map((e) => [e.patch.id, e]));
  const states = new Map<string, Verdict>();
  const busy = new Set<string>();
  const judge = (e: TriagedPatch): Verdict => {
    const id = e.patch.id;
    const known = states.get(id);
    if (known !== undefined) return known;
    busy.add(id);
    const parts: string[] = [];
    let withRequired = false;
    for (const req of e.requires) {
      const dep = byId.get(req);
      if (dep === undefined || busy.has(req)) continue;
      if (judge(dep).state === 'not-applied') {
        parts.push(...(own.get(req) ?? []));
        withRequired = true;
      }
    }
    const mine = own.get(id) ?? [];
    parts.push(...mine);
    let verdict: Verdict;
    if (mine.length === 0) verdict = { state: 'unknown', both: false, withRequired };
    else {
      const diff = joined(parts);
      const forward = gitCheck(root, diff, false);
      const reverse = gitCheck(root, diff, true);
      verdict = {
        state: forward ? 'not-applied' : reverse ? 'applied' : 'conflict',
        both: forward && reverse,
        withRequired,
      };
    }
    busy.delete(id);
    states.set(id, verdict);
    return verdict;
  };
  for (const e of matched) judge(e);
  for (const [id, v] of [...states]) {
    if (v.state !== 'applied') continue;
    for (const req of byId.get(id)?.requires ?? []) {
      const dep = states.get(req);
      if (dep?.state === 'conflict') states.set(req, { ...dep, state: 'applied' });
    }
  }
  return states;
}

function countFeatures(tally: Tally, diffText: string, files: number, withRequired: boolean): void {
  const diff = parseDiff(diffText);
  const add = (k: string) => (tally.features[k] = (tally.features[k] ?? 0) + 1);
  const paths = diff.sections.map((s) => s.path);
  if (diff.sections.some((s) => s.creates === true)) add('new files');
  if (diff.sections.some((s) => s.deletes === true)) add('deleted files');
  if (/^\\ No newline/m.test(diffText)) add('no-newline');
  if (new Set(paths).size < paths.length) add('a file touched twice');
  if (files > 1) add('multi-file');
  if (withRequired) add('joined with requirements');
}

/** Changes one line of a hunk's old lines in a file the diff touches. */
function damage(root: string, diffText: string, rnd: () => number): void {
  const diff = parseDiff(diffText);
  const sections = diff.sections.filter((s) => s.creates !== true && s.hunks.some((h) => h.oldSide.count > 0));
  if (sections.length === 0) return;
  const section = sections[Math.floor(rnd() * sections.length)];
  const file = join(root, Buffer.from(section.path, 'latin1').toString('utf8'));
  let bytes: string;
  try {
    bytes = readBytes(file);
  } catch {
    return;
  }
  const hunk = section.hunks[Math.floor(rnd() * section.hunks.length)];
  const old = hunk.oldSide.toLines().filter((l) => l.trim() !== '');
  if (old.length === 0) return;
  const line = old[Math.floor(rnd() * old.length)];
  const at = bytes.indexOf(line);
  if (at < 0) return;
  writeFile(root, section.path, bytes.slice(0, at) + '// damaged\n' + bytes.slice(at + line.length));
}

function removeOne(root: string, diffText: string, rnd: () => number): void {
  const sections = parseDiff(diffText).sections;
  if (sections.length === 0) return;
  const section = sections[Math.floor(rnd() * sections.length)];
  rmSync(join(root, Buffer.from(section.path, 'latin1').toString('utf8')), { force: true });
}
