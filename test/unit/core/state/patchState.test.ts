import * as assert from 'node:assert/strict';
import type { AppliedState, StateResult } from '../../../../src/core/applied/appliedState';
import type { QptStatus } from '../../../../src/core/qpt/status';
import {
  appliedPatchIds,
  isApplied,
  isConflict,
  isSupersededWhenApplied,
  type ProjectPatchState,
  qptDisagreement,
} from '../../../../src/core/state/patchState';
import type { TriagedPatch, TriageResult } from '../../../../src/core/triage/triaged';

function state(checked: AppliedState | undefined, qpt: QptStatus | undefined): ProjectPatchState {
  return {
    ...(qpt !== undefined ? { applied: { states: new Map([['ACSD-1', qpt]]), checkedAt: 0 } } : {}),
    ...(checked !== undefined ? { checked: { patches: new Map([['ACSD-1', { state: checked }]]), local: [] } } : {}),
  };
}

describe("the extension's applied check beside QPT's status", () => {
  it('the check decides applied when it could check the patch, else QPT does', () => {
    assert.equal(isApplied(state('applied', 'Not applied'), 'ACSD-1'), true);
    assert.equal(isApplied(state('not-applied', 'Applied'), 'ACSD-1'), false);
    assert.equal(isApplied(state('unknown', 'Applied'), 'ACSD-1'), true);
    assert.equal(isApplied(state(undefined, 'Applied'), 'ACSD-1'), true);
    assert.equal(isConflict(state('conflict', undefined), 'ACSD-1'), true);
  });

  it("says where QPT's last status disagrees (N/A is a conflict; unknown never disagrees)", () => {
    assert.equal(qptDisagreement(state('applied', 'Not applied'), 'ACSD-1'), 'Not applied');
    assert.equal(qptDisagreement(state('conflict', 'N/A'), 'ACSD-1'), undefined);
    assert.equal(qptDisagreement(state('not-applied', 'Not applied'), 'ACSD-1'), undefined);
    assert.equal(qptDisagreement(state('unknown', 'Applied'), 'ACSD-1'), undefined);
    assert.equal(qptDisagreement(state('applied', undefined), 'ACSD-1'), undefined);
  });

  it('leaves out a deprecated patch whose replacement is applied too, as QPT lists them', () => {
    // ACSD-64112 on 2.4.7 is replaced by ACP2E-3705 and holds the same change: both check as applied.
    const both: ProjectPatchState = {
      checked: {
        patches: new Map([
          ['ACSD-64112', { state: 'applied' as const }],
          ['ACP2E-3705', { state: 'applied' as const }],
        ]),
        local: [],
      },
    };
    const deprecated = { status: 'deprecated', replacedWith: 'ACP2E-3705' } as TriagedPatch;
    assert.equal(isSupersededWhenApplied(both, deprecated), true);
    assert.equal(isSupersededWhenApplied({}, deprecated), false);
    assert.equal(isSupersededWhenApplied(both, { status: 'applicable' } as TriagedPatch), false);
  });
  it("gives an upgrade plan the Applied group's set: the check where it can tell, QPT's status where it cannot", () => {
    const entry = (id: string, status: TriagedPatch['status'], replacedWith?: string) =>
      ({ patch: { id }, status, ...(replacedWith ? { replacedWith } : {}) }) as TriagedPatch;
    const patches = [
      entry('ACSD-1', 'applicable'),
      entry('ACSD-2', 'applicable'),
      entry('ACSD-3', 'applicable'),
      entry('ACSD-4', 'deprecated', 'ACSD-1'),
      entry('ACSD-9', 'not-applicable'),
    ];
    const result = { patches, byId: new Map(patches.map((e) => [e.patch.id, e])) } as unknown as TriageResult;
    const state: ProjectPatchState = {
      checked: {
        patches: new Map<string, StateResult>([
          ['ACSD-1', { state: 'applied' }],
          ['ACSD-2', { state: 'not-applied' }],
          ['ACSD-3', { state: 'unknown', reason: { kind: 'no-patch-file' } }],
          ['ACSD-4', { state: 'applied' }],
        ]),
        local: [],
      },
      applied: {
        states: new Map<string, QptStatus>([
          ['ACSD-2', 'Applied'],
          ['ACSD-3', 'Applied'],
          ['ACSD-9', 'Applied'],
          ['MDVA-77', 'Applied'],
        ]),
        checkedAt: 0,
      },
    };
    // ACSD-2: the check says not applied (QPT's older word loses); ACSD-3: the check cannot tell, QPT can;
    // ACSD-4: deprecated, its replacement applied (hidden as in the view); QPT's word on what triage does not match.
    assert.deepEqual([...appliedPatchIds(state, result)].sort(), ['ACSD-1', 'ACSD-3', 'ACSD-9', 'MDVA-77']);
    assert.deepEqual([...appliedPatchIds({}, result)], [], 'nothing known, nothing applied');
  });
});
