import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/cloud/textEdit';
import { clearDecision, setDecision } from '../../../../src/core/decisions/decisionEdits';
import { readDecisions } from '../../../../src/core/decisions/readDecisions';
import type { Decision } from '../../../../src/core/decisions/decision';

const FILE = [
  '# What we decided about quality patches.',
  'decisions:',
  '  ACSD-61103:',
  '    decision: skip   # not needed',
  '    note: We do not sign customers in through the API.',
  '    by: Jane Doe',
  '    date: 2026-11-20',
  '',
  '  # Waiting for the vendor.',
  '  MDVA-39305-V3:',
  '    decision: investigate',
  '',
].join('\n');

const set = (text: string, d: Decision) => applyTextEdits(text, setDecision(text, d));
const clear = (text: string, id: string) => applyTextEdits(text, clearDecision(text, id));

describe('decisions file: reader', () => {
  it('reads every entry with its line', () => {
    const { decisions, problems } = readDecisions(FILE, 'x.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...decisions.values()],
      [
        {
          id: 'ACSD-61103',
          decision: 'skip',
          note: 'We do not sign customers in through the API.',
          by: 'Jane Doe',
          date: '2026-11-20',
          line: 3,
        },
        { id: 'MDVA-39305-V3', decision: 'investigate', line: 10 },
      ],
    );
  });

  it('reports a broken entry with its line and keeps the rest', () => {
    const text = [
      'decisions:',
      '  ACSD-1:',
      '    decision: maybe',
      '  ACSD-2:',
      '    decision: apply',
      '    colour: blue',
      '  "bad id!":',
      '    decision: skip',
      '  ACSD-3: skip',
      '  ACSD-4:',
      '    decision: skip',
      '    note: [a, b]',
      '  ACSD-2:',
      '    decision: skip',
      '  ACSD-5:',
      '    decision: apply',
    ].join('\n');
    const { decisions, problems } = readDecisions(text, 'x.yaml');
    assert.deepEqual([...decisions.keys()], ['ACSD-2', 'ACSD-5']);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity, p.message]),
      [
        [3, 'error', 'ACSD-1: decision must be apply, skip or investigate; entry skipped'],
        [6, 'warning', 'ACSD-2: unknown field "colour" ignored'],
        [7, 'error', '"bad id!" is not a patch ID; entry skipped'],
        [9, 'error', 'ACSD-3: expected decision, note, by and date; entry skipped'],
        [12, 'error', 'ACSD-4: note must be a text; entry skipped'],
        [13, 'error', 'ACSD-2 is listed twice; the first entry counts'],
      ],
    );
  });

  it('takes an empty file or an empty list as no decisions, and reports invalid YAML or a wrong shape', () => {
    assert.equal(readDecisions('', 'x').decisions.size, 0);
    assert.equal(readDecisions('# nothing yet\n', 'x').decisions.size, 0);
    assert.equal(readDecisions('decisions: {}\n', 'x').decisions.size, 0);
    assert.equal(readDecisions('decisions:\n', 'x').decisions.size, 0);
    const invalid = readDecisions('decisions:\n  - [\n', 'x');
    assert.equal(invalid.problems.length, 1);
    assert.match(invalid.problems[0].message, /^Invalid YAML/);
    assert.match(readDecisions('decisions: [ACSD-1]\n', 'x').problems[0].message, /expected "decisions:"/);
  });
});

describe('decisions file: editor', () => {
  it('creates the file content', () => {
    const text = set('', { id: 'ACSD-1', decision: 'skip', note: 'Not our bug: #12', by: 'ci', date: '2026-11-26' });
    assert.equal(
      text,
      'decisions:\n  ACSD-1:\n    decision: skip\n    note: "Not our bug: #12"\n    by: ci\n    date: 2026-11-26\n',
    );
    assert.equal(readDecisions(text).decisions.get('ACSD-1')?.note, 'Not our bug: #12');
  });

  it('adds "decisions:" below other keys and after a comment-only file', () => {
    assert.equal(
      set('version: 1\n', { id: 'ACSD-1', decision: 'apply' }),
      'version: 1\ndecisions:\n  ACSD-1:\n    decision: apply\n',
    );
    assert.equal(
      set('# ours\n', { id: 'ACSD-1', decision: 'apply' }),
      '# ours\ndecisions:\n  ACSD-1:\n    decision: apply\n',
    );
    assert.equal(
      set('decisions: {}\n', { id: 'ACSD-1', decision: 'apply' }),
      'decisions:\n  ACSD-1:\n    decision: apply\n',
    );
  });

  it('appends a new entry after the last one, keeping comments and order', () => {
    const text = set(FILE, { id: 'ACSD-2', decision: 'apply', by: 'Jo' });
    assert.equal(text, FILE.replace(/\n$/, '') + '\n  ACSD-2:\n    decision: apply\n    by: Jo\n'.replace(/^/, ''));
    assert.deepEqual([...readDecisions(text).decisions.keys()], ['ACSD-61103', 'MDVA-39305-V3', 'ACSD-2']);
  });

  it('changes only the values that differ in an existing entry, and its comments stay', () => {
    const text = set(FILE, {
      id: 'ACSD-61103',
      decision: 'apply',
      note: 'We do not sign customers in through the API.',
      by: 'Ann',
    });
    assert.equal(
      text,
      FILE.replace('decision: skip   # not needed', 'decision: apply   # not needed')
        .replace('by: Jane Doe', 'by: Ann')
        .replace('    date: 2026-11-20\n', ''),
    );
    const added = set(FILE, { id: 'MDVA-39305-V3', decision: 'skip', note: 'yes' });
    assert.ok(added.endsWith('  MDVA-39305-V3:\n    decision: skip\n    note: yes\n'), added);
  });

  it('clears an entry, leaving "decisions: {}" after the last one', () => {
    const once = clear(FILE, 'ACSD-61103');
    assert.equal(
      once,
      [
        '# What we decided about quality patches.',
        'decisions:',
        '',
        '  # Waiting for the vendor.',
        '  MDVA-39305-V3:',
        '    decision: investigate',
        '',
      ].join('\n'),
    );
    const twice = clear(once, 'MDVA-39305-V3');
    assert.equal(twice, '# What we decided about quality patches.\ndecisions: {}\n\n  # Waiting for the vendor.\n');
    assert.equal(readDecisions(twice).decisions.size, 0);
    assert.deepEqual(clearDecision(FILE, 'ACSD-404'), []);
  });

  it("keeps CRLF line breaks and the file's indentation", () => {
    const crlf = 'decisions:\r\n    ACSD-1:\r\n        decision: skip\r\n';
    assert.equal(set(crlf, { id: 'ACSD-2', decision: 'apply' }), crlf + '    ACSD-2:\r\n        decision: apply\r\n');
  });

  it('refuses rather than corrupt: invalid YAML, flow style, a malformed ID', () => {
    assert.throws(() => setDecision('decisions: [\n', { id: 'ACSD-1', decision: 'skip' }), /Invalid YAML/);
    assert.throws(
      () => setDecision('decisions: {ACSD-1: {decision: skip}}\n', { id: 'ACSD-2', decision: 'skip' }),
      /block mapping/,
    );
    assert.throws(() => setDecision('- a\n', { id: 'ACSD-2', decision: 'skip' }), /top level/);
    assert.throws(() => setDecision('', { id: 'ACSD 1; rm -rf', decision: 'skip' }));
  });
});
