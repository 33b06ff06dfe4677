import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { addQualityPatches, readQualityPatches, removeQualityPatches } from '../../../../src/core/cloud/envYaml';
import { applyTextEdits } from '../../../../src/core/cloud/textEdit';
import { listIn } from '../../../../src/core/cloud/verifiedEdit';
import { InputError } from '../../../../src/core/problem';

/** The data of each document, merge keys resolved; throws for text that does not parse cleanly. */
function docs(text: string): unknown[] {
  return parseAllDocuments(text, { merge: true }).map((d) => {
    assert.deepEqual(d.errors, [], text);
    return d.toJS() as unknown;
  });
}

type Outcome = { kind: 'edited'; text: string } | { kind: 'refused'; message: string };

function run(text: string, op: 'add' | 'remove', ids: string[]): Outcome {
  try {
    const edits = op === 'add' ? addQualityPatches(text, ids) : removeQualityPatches(text, ids);
    return { kind: 'edited', text: applyTextEdits(text, edits) };
  } catch (e) {
    assert.ok(e instanceof InputError, `${op} ${ids.join(',')} on ${JSON.stringify(text)} threw ${(e as Error).stack}`);
    return { kind: 'refused', message: e.message };
  }
}

/** Either a valid file with exactly the intended list (and nothing else changed), or a refusal. */
function assertSafe(text: string, op: 'add' | 'remove', ids: string[]): Outcome {
  const outcome = run(text, op, ids);
  if (outcome.kind === 'refused') return outcome;
  const before = docs(text);
  const after = docs(outcome.text);
  const list = listIn(before[0]);
  const expected =
    op === 'add'
      ? [...list, ...ids.filter((id) => !list.includes(id))]
      : list.filter((v) => !ids.includes(v as string));
  assert.deepEqual(listIn(after[0]), expected, outcome.text);
  assert.equal(after.length, Math.max(before.length, 1), outcome.text);
  return outcome;
}

describe('cloud: .magento.env.yaml edits that used to corrupt the file', () => {
  it('removes the only entry of a flow list with a trailing comma: [ACSD-1, ] becomes []', () => {
    const out = assertSafe('stage:\n  build:\n    QUALITY_PATCHES: [ACSD-1, ]\n', 'remove', ['ACSD-1']);
    assert.deepEqual(out, { kind: 'edited', text: 'stage:\n  build:\n    QUALITY_PATCHES: []\n' });
  });

  it('empties an anchored or tagged list after its anchor or tag', () => {
    const anchored = assertSafe('stage:\n  build:\n    QUALITY_PATCHES: &qp\n      - ACSD-1\n', 'remove', ['ACSD-1']);
    assert.deepEqual(anchored, { kind: 'edited', text: 'stage:\n  build:\n    QUALITY_PATCHES: &qp []\n' });
    const tagged = assertSafe('stage:\n  build:\n    QUALITY_PATCHES: !!seq\n      - ACSD-1\n', 'remove', ['ACSD-1']);
    assert.deepEqual(tagged, { kind: 'edited', text: 'stage:\n  build:\n    QUALITY_PATCHES: !!seq []\n' });
  });

  it('refuses to empty an anchored list that an alias elsewhere reads', () => {
    const text = 'stage:\n  build:\n    QUALITY_PATCHES: &qp\n      - ACSD-1\n  deploy:\n    LIST: *qp\n';
    assert.equal(assertSafe(text, 'remove', ['ACSD-1']).kind, 'refused');
  });

  it('edits a file that starts with a byte order mark at the right column', () => {
    const out = assertSafe('\ufeffstage:\n  deploy:\n    X: 1\n', 'add', ['ACSD-1']);
    assert.equal(out.kind, 'edited');
    assert.ok((out as { text: string }).text.startsWith('\ufeffstage:\n'));
    assert.deepEqual(docs((out as { text: string }).text.slice(1)), [
      { stage: { deploy: { X: 1 }, build: { QUALITY_PATCHES: ['ACSD-1'] } } },
    ]);
  });

  it('gives the intended value or refuses for flow maps with keys without values', () => {
    for (const text of [
      '{stage, deploy: 1}\n',
      '{deploy: 1, stage}\n',
      'stage: {build, x: 1}\n',
      'stage: {x: 1, build}\n',
    ]) {
      assertSafe(text, 'add', ['ACSD-1']);
    }
  });

  it('gives the intended value or refuses for explicit keys, complex keys and document markers', () => {
    for (const text of [
      '? stage\n: build:\n    X: 1\n',
      'stage:\n  ? deploy\n  : X: 1\n',
      'stage:\n  deploy:\n    X: 1\n...\n',
      'stage:\n  build:\n    QUALITY_PATCHES: [ACSD-2]\n...\n',
      '---\nstage:\n  deploy: {}\n---\nother: 1\n',
    ]) {
      assertSafe(text, 'add', ['ACSD-1']);
      assertSafe(text, 'remove', ['ACSD-2']);
    }
  });

  it('reads a list brought in by a merge key, and refuses to shadow it', () => {
    const text = 'base: &base\n  QUALITY_PATCHES:\n    - ACSD-1\nstage:\n  build:\n    <<: *base\n    X: 1\n';
    assert.deepEqual(
      readQualityPatches(text).entries.map((e) => e.id),
      ['ACSD-1'],
    );
    const add = run(text, 'add', ['ACSD-2']);
    assert.equal(add.kind, 'refused');
    assert.match((add as { message: string }).message, /merge key/);
    assert.equal(run(text, 'remove', ['ACSD-1']).kind, 'refused');
  });

  it('refuses brackets nested thousands deep at once, instead of parsing them in quadratic time', () => {
    const text = 'stage:\n  build:\n    QUALITY_PATCHES: ' + '['.repeat(40_000) + '\n';
    assert.throws(
      () => readQualityPatches(text),
      (e: Error) => e instanceof InputError && /nested more than 64 deep/.test(e.message) && e.problem.line === 3,
    );
    assert.equal(run(text, 'add', ['ACSD-1']).kind, 'refused');
  });
});
