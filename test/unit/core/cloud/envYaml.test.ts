import * as assert from 'node:assert/strict';
import { parse, parseDocument } from 'yaml';
import { addQualityPatches, readQualityPatches, removeQualityPatches } from '../../../../src/core/cloud/envYaml';
import { applyTextEdits, type TextEdit } from '../../../../src/core/cloud/textEdit';
import { InputError } from '../../../../src/core/problem';
import { PatchIdError } from '../../../../src/core/qpt/patchId';

/** A `.magento.env.yaml` with comments in every place a comment can go. */
const COMMENTED = `# Deployment settings read by ece-tools.
#   Keep this header as it is.

stage:   # per-stage settings
  # global comes first
  global:
    SCD_ON_DEMAND: true   # trailing comment
    # last line of global
  build:
    # before the first build key
    SCD_THREADS: 4 # threads
    QUALITY_PATCHES:   # scheduled patches
      # lockout fix
      - ACSD-61103   # customer accounts
      - 'MDVA-39305-V3'
      # end of list
    SKIP_HTML_MINIFICATION: true
  # between stages
  deploy:
    MYSQL_USE_SLAVE_CONNECTION: true # replica
# footer comment
`;

const add = (text: string, ids: string[]): string => applyTextEdits(text, addQualityPatches(text, ids));
const remove = (text: string, ids: string[]): string => applyTextEdits(text, removeQualityPatches(text, ids));
const patchesOf = (text: string): unknown =>
  (parse(text) as { stage?: { build?: { QUALITY_PATCHES?: unknown } } } | null)?.stage?.build?.QUALITY_PATCHES;

/** The document without QUALITY_PATCHES, to show that nothing else changed in meaning. */
function withoutPatches(text: string): unknown {
  const doc = parseDocument(text);
  doc.deleteIn(['stage', 'build', 'QUALITY_PATCHES']);
  return doc.toJS();
}

/** Asserts one pure insertion at `at` and returns what it inserts: all other bytes are the original's. */
function singleInsertion(edits: TextEdit[], at: number): string {
  assert.equal(edits.length, 1, JSON.stringify(edits));
  assert.equal(edits[0].offset, at);
  assert.equal(edits[0].length, 0);
  return edits[0].newText;
}

const lineStartOf = (text: string, needle: string): number => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return text.lastIndexOf('\n', i) + 1;
};
const lineAfterOf = (text: string, needle: string): number => text.indexOf('\n', text.indexOf(needle)) + 1;

describe('.magento.env.yaml: reading QUALITY_PATCHES', () => {
  it('gives each entry with its place, quotes included in the span', () => {
    const list = readQualityPatches(COMMENTED, '/srv/shop/.magento.env.yaml');
    assert.deepEqual(
      list.entries.map((e) => [e.id, e.line, e.column, COMMENTED.slice(e.offset, e.offset + e.length)]),
      [
        ['ACSD-61103', 14, 9, 'ACSD-61103'],
        ['MDVA-39305-V3', 15, 9, "'MDVA-39305-V3'"],
      ],
    );
    assert.deepEqual(
      list.key && [list.key.line, list.key.column, COMMENTED.slice(list.key.offset, list.key.offset + list.key.length)],
      [12, 5, 'QUALITY_PATCHES'],
    );
    assert.deepEqual(list.problems, []);
  });
  it('gives nothing for files without the setting', () => {
    for (const text of [
      '',
      '# only a comment\n',
      'stage:\n  deploy:\n    X: 1\n',
      'stage:\n  build:\n    QUALITY_PATCHES:\n',
    ]) {
      assert.deepEqual(readQualityPatches(text).entries, [], text);
      assert.deepEqual(readQualityPatches(text).problems, [], text);
    }
    assert.equal(readQualityPatches('stage:\n  build:\n    QUALITY_PATCHES:\n').key?.line, 3);
  });
  it('reports entries that are not IDs and settings of the wrong kind, located', () => {
    const list = readQualityPatches(
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n      - {x: 1}\n      - 12\n',
      'env.yaml',
    );
    assert.deepEqual(
      list.entries.map((e) => e.id),
      ['A-1'],
    );
    assert.deepEqual(
      list.problems.map((p) => [p.file, p.line, p.column]),
      [
        ['env.yaml', 5, 9],
        ['env.yaml', 6, 9],
      ],
    );
    assert.match(list.problems[0].message, /must be a patch ID/);
    const scalar = readQualityPatches('stage:\n  build:\n    QUALITY_PATCHES: ACSD-1\n');
    assert.deepEqual([scalar.problems[0].line, scalar.problems[0].column], [3, 22]);
    assert.match(
      scalar.problems[0].message,
      /stage\.build\.QUALITY_PATCHES must be a list of patch IDs, not the value "ACSD-1"/,
    );
  });
  it('throws for invalid YAML, with line and column', () => {
    assert.throws(
      () => readQualityPatches('stage:\n  build: [A,\nx: 1\n', '/p/.magento.env.yaml'),
      (e: unknown) =>
        e instanceof InputError &&
        e.problem.line === 3 &&
        e.problem.column === 1 &&
        /^\/p\/\.magento\.env\.yaml:3:1: Invalid YAML: /.test(e.message),
    );
  });
});

describe('.magento.env.yaml: adding patches', () => {
  it('appends after the last entry, keeping every other byte', () => {
    const edits = addQualityPatches(COMMENTED, ['ACSD-99999', 'ACSD-61103', 'ACSD-99999', 'magento/magento2/34529']);
    const at = lineAfterOf(COMMENTED, "- 'MDVA-39305-V3'");
    // Upper-cased: ece-patches finds no other form.
    assert.equal(singleInsertion(edits, at), '      - ACSD-99999\n      - MAGENTO/MAGENTO2/34529\n');
    const out = applyTextEdits(COMMENTED, edits);
    assert.equal(out.slice(0, at), COMMENTED.slice(0, at));
    assert.equal(out.slice(out.length - (COMMENTED.length - at)), COMMENTED.slice(at));
    assert.deepEqual(patchesOf(out), ['ACSD-61103', 'MDVA-39305-V3', 'ACSD-99999', 'MAGENTO/MAGENTO2/34529']);
    assert.deepEqual(withoutPatches(out), withoutPatches(COMMENTED));
  });
  it('does nothing for IDs already listed, or none', () => {
    assert.deepEqual(addQualityPatches(COMMENTED, ['MDVA-39305-V3', 'ACSD-61103']), []);
    assert.deepEqual(addQualityPatches(COMMENTED, []), []);
  });
  it('creates the whole content for an empty or comment-only file', () => {
    assert.equal(add('', ['ACSD-61103']), 'stage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-61103\n');
    assert.equal(
      add('# nothing yet\n', ['ACSD-61103']),
      '# nothing yet\nstage:\n  build:\n    QUALITY_PATCHES:\n      - ACSD-61103\n',
    );
    assert.equal(
      add('# no line break', ['A-1']),
      '# no line break\nstage:\n  build:\n    QUALITY_PATCHES:\n      - A-1',
    );
    assert.equal(add('---\n', ['A-1']), '---\nstage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n');
  });
  it('creates stage, build or QUALITY_PATCHES where missing, around comments', () => {
    const noStage = '# header\nlog: # handlers\n  syslog: {min_level: info}\n# footer\n';
    assert.equal(
      add(noStage, ['A-1']),
      '# header\nlog: # handlers\n  syslog: {min_level: info}\nstage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n# footer\n',
    );
    const noBuild = 'stage:\n  global: # g\n    X: 1 # x\n  # deploy next\n  deploy:\n    Y: 2\n';
    const withBuild = add(noBuild, ['A-1']);
    assert.equal(withBuild, noBuild + '  build:\n    QUALITY_PATCHES:\n      - A-1\n');
    const noKey = COMMENTED.replace(/ {4}QUALITY_PATCHES:[^]*?(?= {4}SKIP)/, '');
    const edits = addQualityPatches(noKey, ['A-1']);
    const at = lineAfterOf(noKey, 'SKIP_HTML_MINIFICATION');
    assert.equal(singleInsertion(edits, at), '    QUALITY_PATCHES:\n      - A-1\n');
  });
  it('fills empty values: `stage:`, `build: ~`, `QUALITY_PATCHES:` with a comment', () => {
    assert.equal(
      add('stage: # later\nx: 1\n', ['A-1']),
      'stage: # later\n  build:\n    QUALITY_PATCHES:\n      - A-1\nx: 1\n',
    );
    assert.equal(
      add('stage:\n  build: ~ # none\n', ['A-1']),
      'stage:\n  build: # none\n    QUALITY_PATCHES:\n      - A-1\n',
    );
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES: null\n    X: 1\n', ['A-1', 'B-2']),
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n      - B-2\n    X: 1\n',
    );
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES:', ['A-1']),
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1',
    );
  });
  it('follows the file: four-space indentation, dashes level with the key, CRLF', () => {
    assert.equal(
      add('stage:\n    global:\n        X: 1\n', ['A-1']),
      'stage:\n    global:\n        X: 1\n    build:\n        QUALITY_PATCHES:\n            - A-1\n',
    );
    assert.equal(
      add('stage:\n  deploy:\n    L:\n    - x\n  build:\n    QUALITY_PATCHES:\n    - A-1\n', ['B-2']),
      'stage:\n  deploy:\n    L:\n    - x\n  build:\n    QUALITY_PATCHES:\n    - A-1\n    - B-2\n',
    );
    assert.equal(
      add('stage:\n  deploy:\n    L:\n    - x\n', ['A-1']),
      'stage:\n  deploy:\n    L:\n    - x\n  build:\n    QUALITY_PATCHES:\n    - A-1\n',
    );
    const crlf = 'stage: # s\r\n  build:\r\n    X: 1\r\n';
    const out = add(crlf, ['A-1']);
    assert.equal(out, 'stage: # s\r\n  build:\r\n    X: 1\r\n    QUALITY_PATCHES:\r\n      - A-1\r\n');
    assert.equal(/[^\r]\n/.test(out), false);
  });
  it('extends flow sequences and flow mappings in place', () => {
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES: [A-1, B-2] # c\n', ['C-3']),
      'stage:\n  build:\n    QUALITY_PATCHES: [A-1, B-2, C-3] # c\n',
    );
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES: []\n', ['C-3', 'D-4']),
      'stage:\n  build:\n    QUALITY_PATCHES: [C-3, D-4]\n',
    );
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES: [\n      A-1, # a\n    ]\n', ['B-2']),
      'stage:\n  build:\n    QUALITY_PATCHES: [\n      A-1, B-2, # a\n    ]\n',
    );
    assert.equal(
      add('stage: {global: {X: 1}}\n', ['A-1']),
      'stage: {global: {X: 1}, build: {QUALITY_PATCHES: [A-1]}}\n',
    );
    assert.equal(add('stage: {build: {}}\n', ['A-1']), 'stage: {build: {QUALITY_PATCHES: [A-1]}}\n');
    assert.equal(add('stage: {build: ~}\n', ['A-1']), 'stage: {build: {QUALITY_PATCHES: [A-1]}}\n');
    assert.equal(add('{}\n', ['A-1']), '{stage: {build: {QUALITY_PATCHES: [A-1]}}}\n');
  });
  it('appends after a block scalar and at the end of a file without a final line break', () => {
    assert.equal(
      add('stage:\n  build:\n    X: |\n      a\n\nz: 1\n', ['A-1']),
      'stage:\n  build:\n    X: |\n      a\n    QUALITY_PATCHES:\n      - A-1\n\nz: 1\n',
    );
    assert.equal(
      add('stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1 # a', ['B-2']),
      'stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1 # a\n      - B-2',
    );
  });
  it('quotes an ID YAML would read as something else', () => {
    const out = add('', ['null', 'True']);
    assert.deepEqual(patchesOf(out), ['NULL', 'TRUE']);
  });
  it('refuses malformed IDs, which could otherwise inject YAML', () => {
    for (const id of [
      'A-1]\nstage: [',
      'ACSD-1; touch pwned',
      '$(id)',
      '`id`',
      '-rf',
      'ACSD-1 && x',
      '"A-1"',
      '#A-1',
      '',
    ]) {
      assert.throws(
        () => addQualityPatches(COMMENTED, [id]),
        (e: unknown) => e instanceof PatchIdError && e.id === id,
        JSON.stringify(id),
      );
    }
  });
  it('refuses invalid YAML and a path of the wrong kind, with line and column', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['stage:\n  build:\n\tX: 1\n', 3, 1, /Invalid YAML/],
      ['stage: [1]\n', 1, 8, /stage must be a mapping, not a list/],
      ['stage:\n  build: yes\n', 2, 10, /stage\.build must be a mapping, not the value "yes"/],
      ['stage:\n  build:\n    QUALITY_PATCHES: {A: 1}\n', 3, 22, /must be a list of patch IDs, not a mapping/],
      ['- stage\n', 1, 1, /top level must be a mapping/],
      ['base: &b {X: 1}\nstage: *b\n', 2, 8, /stage is an alias \(\*b\)/],
      ['stage:\n  build: 1\n  build: 2\n', 3, 3, /Invalid YAML: Map keys must be unique/],
    ];
    for (const [text, line, col, message] of cases) {
      assert.throws(
        () => addQualityPatches(text, ['A-1'], 'app/.magento.env.yaml'),
        (e: unknown) =>
          e instanceof InputError &&
          e.problem.file === 'app/.magento.env.yaml' &&
          e.problem.line === line &&
          e.problem.column === col &&
          message.test(e.message),
        text,
      );
    }
  });
});

describe('.magento.env.yaml: removing patches', () => {
  it('deletes only the entry line, keeping the comments around it', () => {
    const edits = removeQualityPatches(COMMENTED, ['ACSD-61103']);
    const start = lineStartOf(COMMENTED, '- ACSD-61103');
    const end = lineAfterOf(COMMENTED, '- ACSD-61103');
    assert.deepEqual(edits, [{ offset: start, length: end - start, newText: '' }]);
    const out = applyTextEdits(COMMENTED, edits);
    assert.equal(out, COMMENTED.slice(0, start) + COMMENTED.slice(end));
    assert.ok(out.includes('      # lockout fix\n'));
    assert.deepEqual(patchesOf(out), ['MDVA-39305-V3']);
  });
  it('removing the last entry leaves an empty list and the comments', () => {
    const out = remove(COMMENTED, ['MDVA-39305-V3', 'ACSD-61103']);
    assert.equal(
      out,
      COMMENTED.replace('QUALITY_PATCHES:   #', 'QUALITY_PATCHES: []   #').replace(
        "      - ACSD-61103   # customer accounts\n      - 'MDVA-39305-V3'\n",
        '',
      ),
    );
    assert.deepEqual(patchesOf(out), []);
    assert.deepEqual(withoutPatches(out), withoutPatches(COMMENTED));
    assert.deepEqual(readQualityPatches(out).entries, []);
    assert.equal(
      remove('stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n    X: 1\n', ['A-1']),
      'stage:\n  build:\n    QUALITY_PATCHES: []\n    X: 1\n',
    );
    assert.equal(
      remove('stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1', ['A-1']),
      'stage:\n  build:\n    QUALITY_PATCHES: []\n',
    );
  });
  it('removes every occurrence of a listed ID, and ignores IDs not there', () => {
    const text = 'stage:\n  build:\n    QUALITY_PATCHES:\n      - A-1\n      - B-2\n      - A-1\n';
    assert.equal(remove(text, ['A-1', 'Z-9']), 'stage:\n  build:\n    QUALITY_PATCHES:\n      - B-2\n');
    assert.deepEqual(removeQualityPatches(text, ['Z-9']), []);
    assert.deepEqual(removeQualityPatches('stage:\n  deploy: {}\n', ['A-1']), []);
    assert.deepEqual(removeQualityPatches('', ['A-1']), []);
  });
  it('removes from flow sequences with their commas', () => {
    const text = (list: string): string => `stage:\n  build:\n    QUALITY_PATCHES: ${list} # c\n`;
    assert.equal(remove(text('[A-1, B-2, C-3, D-4]'), ['B-2', 'C-3']), text('[A-1, D-4]'));
    assert.equal(remove(text('[A-1, B-2, C-3]'), ['B-2', 'C-3']), text('[A-1]'));
    assert.equal(remove(text('[A-1, B-2, C-3]'), ['A-1', 'C-3']), text('[B-2]'));
    assert.equal(remove(text('[ "A-1" ,B-2 ]'), ['A-1']), text('[ B-2 ]'));
    assert.equal(remove(text('[A-1, B-2]'), ['A-1', 'B-2']), text('[]'));
    assert.equal(remove(text('[A-1, B-2,]'), ['B-2']), text('[A-1,]'));
  });
  it('keeps CRLF line breaks', () => {
    const text = 'stage:\r\n  build:\r\n    QUALITY_PATCHES:\r\n      - A-1\r\n      - B-2\r\n';
    assert.equal(remove(text, ['A-1']), 'stage:\r\n  build:\r\n    QUALITY_PATCHES:\r\n      - B-2\r\n');
  });
  it('throws for invalid YAML instead of guessing', () => {
    assert.throws(() => removeQualityPatches('stage: {build: [\n', ['A-1']), InputError);
  });
});

describe('.magento.env.yaml: edit sequences', () => {
  it('stays valid and leaves the rest alone through adds and removes', () => {
    const steps: Array<['add' | 'remove', string[]]> = [
      ['add', ['B-2']],
      ['remove', ['ACSD-61103', 'MDVA-39305-V3']],
      ['remove', ['B-2']],
      ['add', ['C-3', 'D-4']],
      ['remove', ['C-3']],
      ['add', ['ACSD-61103']],
    ];
    let text = COMMENTED;
    let expected = ['ACSD-61103', 'MDVA-39305-V3'];
    for (const [op, ids] of steps) {
      text = op === 'add' ? add(text, ids) : remove(text, ids);
      expected =
        op === 'add'
          ? [...expected, ...ids.filter((i) => !expected.includes(i))]
          : expected.filter((i) => !ids.includes(i));
      assert.deepEqual(patchesOf(text), expected, `${op} ${ids.join(',')}\n${text}`);
      assert.deepEqual(withoutPatches(text), withoutPatches(COMMENTED));
      for (const line of COMMENTED.split('\n').filter(
        (l) => l.includes('#') && !l.includes('- ') && !l.includes('QUALITY_PATCHES'),
      )) {
        assert.ok(text.includes(line + '\n'), `lost ${JSON.stringify(line)}`);
      }
    }
  });
});
