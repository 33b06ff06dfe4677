import * as assert from 'node:assert/strict';
import type { AppliedState } from '../../../../src/core/applied/appliedState';
import type { QptStatus } from '../../../../src/core/qpt/status';
import {
  isApplied,
  isConflict,
  isSupersededWhenApplied,
  type ProjectPatchState,
  qptDisagreement,
} from '../../../../src/core/state/patchState';
import type { TriagedPatch } from '../../../../src/core/triage/triaged';

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
});
