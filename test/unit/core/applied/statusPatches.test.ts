import * as assert from 'node:assert/strict';
import type { AppliedState } from '../../../../src/core/applied/appliedState';
import { type StatusOfProject, statusPatches } from '../../../../src/core/applied/appliedStatus';
import { isSuperseded } from '../../../../src/core/state/patchState';
import type { PatchStatus, TriagedPatch } from '../../../../src/core/triage/triaged';

function entry(id: string, status: PatchStatus, replacedWith?: string): TriagedPatch {
  return {
    patch: { id, title: { en: id } },
    status,
    requires: [],
    ...(replacedWith ? { replacedWith } : {}),
  } as unknown as TriagedPatch;
}

function project(entries: TriagedPatch[], states: Record<string, AppliedState>): StatusOfProject {
  const patches = new Map(Object.entries(states).map(([id, state]) => [id, { state, files: [] }]));
  return {
    analysis: { result: { patches: entries } },
    applied: { patches, local: [] },
  } as unknown as StatusOfProject;
}

describe("QPT's display rule: a deprecated patch whose replacement is applied is hidden", () => {
  it('is one rule on any applied lookup', () => {
    const old = entry('ACSD-1', 'deprecated', 'ACSD-2');
    assert.equal(
      isSuperseded(old, (id) => id === 'ACSD-2'),
      true,
    );
    assert.equal(
      isSuperseded(old, () => false),
      false,
    );
    assert.equal(
      isSuperseded(entry('ACSD-3', 'applicable', 'ACSD-2'), () => true),
      false,
      'only deprecated patches',
    );
    assert.equal(
      isSuperseded(entry('ACSD-4', 'deprecated'), () => true),
      false,
      'without a replacement it stays',
    );
  });

  it("status leaves out such a patch (applied or not) and what does not apply, on the check's states", () => {
    const entries = [
      entry('ACSD-1', 'deprecated', 'ACSD-2'),
      entry('ACSD-2', 'applicable'),
      entry('ACSD-5', 'deprecated', 'ACSD-6'),
      entry('ACSD-6', 'applicable'),
      entry('ACSD-7', 'deprecated', 'ACSD-8'),
      entry('ACSD-8', 'applicable'),
      entry('ACSD-9', 'not-applicable'),
    ];
    const shown = statusPatches(
      project(entries, {
        'ACSD-1': 'applied',
        'ACSD-2': 'applied',
        'ACSD-5': 'applied',
        'ACSD-6': 'not-applied',
        'ACSD-7': 'not-applied',
        'ACSD-8': 'applied',
      }),
    ).map((e) => e.patch.id);
    assert.deepEqual(shown, ['ACSD-2', 'ACSD-5', 'ACSD-6', 'ACSD-8']);
  });

  it('keeps every matched patch when the project could not be checked', () => {
    const entries = [entry('ACSD-1', 'deprecated', 'ACSD-2'), entry('ACSD-2', 'applicable')];
    const status = { analysis: { result: { patches: entries } }, applied: null } as unknown as StatusOfProject;
    assert.deepEqual(
      statusPatches(status).map((e) => e.patch.id),
      ['ACSD-1', 'ACSD-2'],
    );
  });
});
