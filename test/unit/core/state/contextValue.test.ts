import * as assert from 'node:assert/strict';
import type { Patch } from '../../../../src/core/catalog/patch';
import { patchContextValue } from '../../../../src/core/state/contextValue';
import { appliedIds, isApplied, isScheduled, type ProjectPatchState } from '../../../../src/core/state/patchState';
import type { PatchStatus, TriagedPatch } from '../../../../src/core/triage/triaged';

const patch = (id: string): Patch => ({
  id,
  title: { en: id },
  categories: [],
  components: [],
  targets: [],
  require: [],
  deprecated: false,
  sources: [],
});
const triaged = (id: string, status: PatchStatus): TriagedPatch => ({ patch: patch(id), status, requires: [] });

const state: ProjectPatchState = {
  applied: {
    checkedAt: 0,
    states: new Map([
      ['ACSD-1', 'Applied'],
      ['ACSD-2', 'Not applied'],
      ['ACSD-3', 'N/A'],
    ]),
  },
  scheduled: new Set(['ACSD-2']),
};

describe('patch state', () => {
  it('knows applied (QPT says Applied) and scheduled (listed in .magento.env.yaml) patches', () => {
    assert.deepEqual(
      ['ACSD-1', 'ACSD-2', 'ACSD-3'].map((id) => isApplied(state, id)),
      [true, false, false],
    );
    assert.deepEqual(
      ['ACSD-1', 'ACSD-2'].map((id) => isScheduled(state, id)),
      [false, true],
    );
    assert.equal(isApplied({}, 'ACSD-1'), false);
    assert.equal(isScheduled({}, 'ACSD-2'), false);
    assert.deepEqual([...appliedIds(state.applied)], ['ACSD-1']);
    assert.equal(appliedIds(undefined).size, 0);
  });

  it('patchContextValue adds .applied, .scheduled and .cloud after the status, in that order', () => {
    assert.equal(patchContextValue(triaged('ACSD-9', 'applicable'), {}, false), 'patch.applicable');
    assert.equal(patchContextValue(triaged('ACSD-1', 'deprecated'), state, false), 'patch.deprecated.applied');
    assert.equal(patchContextValue(triaged('ACSD-2', 'applicable'), state, true), 'patch.applicable.scheduled.cloud');
    assert.equal(patchContextValue(triaged('ACSD-3', 'not-applicable'), state, true), 'patch.not-applicable.cloud');
  });
});
