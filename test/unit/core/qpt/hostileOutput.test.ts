import * as assert from 'node:assert/strict';
import { extractJsonArray } from '../../../../src/core/qpt/jsonInOutput';

describe('qpt: hostile status output', () => {
  it('gives up on 40,000 lines of "[" at once (was quadratic)', () => {
    assert.equal(extractJsonArray('[\n'.repeat(40_000)), undefined);
    assert.equal(extractJsonArray('[\n'.repeat(40_000) + '[{"Id":"ACSD-1"}]\n'), undefined);
  });

  it('still finds the list after a few log lines that start with "["', () => {
    const out = '[2024-05-01 10:00:00] main.INFO: x\n[warn] "unclosed\n[{"Id":"ACSD-1","Status":"Applied"}]\n';
    assert.deepEqual(extractJsonArray(out), [{ Id: 'ACSD-1', Status: 'Applied' }]);
  });
});
