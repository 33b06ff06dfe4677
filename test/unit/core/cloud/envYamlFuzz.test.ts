import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { addQualityPatches, removeQualityPatches } from '../../../../src/core/cloud/envYaml';
import { applyTextEdits } from '../../../../src/core/cloud/textEdit';
import { InputError } from '../../../../src/core/problem';
import { PatchIdError } from '../../../../src/core/qpt/patchId';
import { FUZZ_SCALE, FUZZ_SEED, mutateText, Random } from '../../../support/fuzz';

/** Files in the shapes that broke the edits, and plain ones; the fuzz mixes and mutates them. */
const SHAPES = [
  '',
  '# settings\n',
  'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-1\n      - MDVA-2 # comment\n  deploy:\n    X: 1\n',
  'stage:\n  build:\n    QUALITY_PATCHES: [ACSD-1, ]\n',
  'stage:\n  build:\n    QUALITY_PATCHES: &qp\n      - ACSD-1\n',
  'stage:\n  build:\n    QUALITY_PATCHES: !!seq\n      - ACSD-1\n',
  '\ufeffstage:\n  deploy:\n    X: 1\n',
  '{stage, deploy: 1}\n',
  '{deploy: 1, stage}\n',
  '? stage\n: build:\n    X: 1\n',
  'stage:\n  deploy:\n    X: 1\n...\n',
  'stage:\n  ? deploy\n  : X: 1\n',
  'base: &base\n  QUALITY_PATCHES:\n    - ACSD-1\nstage:\n  build:\n    <<: *base\n',
  'stage:\r\n  build:\r\n    QUALITY_PATCHES:\r\n    - ACSD-1\r\n',
  'stage:\n    build:\n        QUALITY_PATCHES: [ACSD-1, MDVA-2]\n',
  'stage: {build: {QUALITY_PATCHES: [ACSD-1]}}\n',
  '---\nstage:\n  build: ~\n---\nother: 1\n',
  'stage:\n  build:\n    QUALITY_PATCHES: |\n      ACSD-1\n',
  'stage:\n  build:\n    QUALITY_PATCHES:\n    # only a comment\n',
  'x: &a {QUALITY_PATCHES: [ACSD-1]}\nstage:\n  build: *a\n',
];
const IDS = ['ACSD-1', 'ACSD-3', 'MDVA-2', 'MDVA-39305-V3', 'magento2-33723', 'ACP2E-10'];

function documents(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { merge: true, logLevel: 'silent' });
  const out: unknown[] = [];
  for (const d of Array.isArray(docs) ? docs : []) {
    if (d.errors.length > 0) return undefined;
    out.push(d.toJS({ maxAliasCount: 100 }));
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first document's data without stage.build.QUALITY_PATCHES (an empty `stage:` or `build:` counts as `{}`), and that list. */
function split(data: unknown): { rest: unknown; list: unknown[] } {
  if (data === null || data === undefined) return { rest: {}, list: [] };
  if (!isRecord(data)) return { rest: data, list: [] };
  const stage = isRecord(data.stage) ? data.stage : data.stage === null ? {} : undefined;
  if (stage === undefined) return { rest: data, list: [] };
  const build = isRecord(stage.build) ? stage.build : stage.build === null ? {} : undefined;
  if (build === undefined) return { rest: { ...data, stage }, list: [] };
  const list = Array.isArray(build.QUALITY_PATCHES) ? (build.QUALITY_PATCHES as unknown[]) : [];
  const { QUALITY_PATCHES: qp, ...otherBuild } = build;
  const rest = { ...data, stage: { ...stage, build: Array.isArray(qp) || qp === null ? otherBuild : build } };
  return { rest, list };
}

/** Empty mappings created on the way count as nothing: `{}` and an absent key are the same here. */
function prune(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (!(isRecord(p) && Object.keys(p).length === 0 && (k === 'stage' || k === 'build'))) out[k] = p;
  }
  return out;
}

describe('cloud: .magento.env.yaml edits under fuzzing', function () {
  this.timeout(0);
  const count = Math.round(300 * FUZZ_SCALE);

  it(`${count} random edits (seed ${FUZZ_SEED}): each gives exactly the intended list or is refused with nothing changed`, () => {
    const r = new Random(FUZZ_SEED);
    let edited = 0;
    let refused = 0;
    for (let i = 0; i < count; i++) {
      let text = r.pick(SHAPES);
      if (r.chance(0.5)) text = mutateText(text, r);
      const op = r.chance(0.5) ? 'add' : 'remove';
      const ids = [r.pick(IDS), ...(r.chance(0.3) ? [r.pick(IDS)] : [])];
      const label = `case ${i}: ${op} ${ids.join(',')} on ${JSON.stringify(text).slice(0, 300)}`;
      let edits;
      const t0 = Date.now();
      try {
        edits = op === 'add' ? addQualityPatches(text, ids) : removeQualityPatches(text, ids);
      } catch (e) {
        assert.ok(e instanceof InputError || e instanceof PatchIdError, `${label}: ${(e as Error).stack}`);
        assert.doesNotMatch((e as Error).message, /\n/, label);
        refused++;
        continue;
      }
      assert.ok(Date.now() - t0 < 2000, `${label}: took ${Date.now() - t0} ms`);
      if (edits.length === 0) continue;
      edited++;
      const before = documents(text);
      const after = documents(applyTextEdits(text, edits));
      assert.ok(before !== undefined && after !== undefined, `${label}: the result does not parse`);
      assert.equal(after.length, Math.max(before.length, 1), `${label}: documents added or lost`);
      assert.ok(isDeepStrictEqual(after.slice(1), before.slice(1)), `${label}: another document changed`);
      const b = split(before[0]);
      const a = split(after[0]);
      // IDs are written upper-cased (the only form QPT finds) and matched in any case.
      const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v);
      const listed = b.list.map(upper);
      const adding = [...new Set(ids.map((id) => id.toUpperCase()))].filter((id) => !listed.includes(id));
      const expected =
        op === 'add'
          ? [...b.list, ...adding]
          : b.list.filter((v) => !ids.map((id) => id.toUpperCase()).includes(upper(v) as string));
      assert.deepEqual(a.list, expected, `${label}: wrong list`);
      assert.deepEqual(prune(a.rest), prune(b.rest), `${label}: something else changed`);
    }
    // The fuzz must exercise both outcomes.
    assert.ok(edited > count / 10 && refused > 0, `edited ${edited}, refused ${refused}`);
  });
});
