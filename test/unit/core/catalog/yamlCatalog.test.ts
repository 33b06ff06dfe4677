import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlCatalog } from '../../../../src/core/catalog/yamlCatalog';
import { repoRoot } from '../../../support/realworld';

const fixture = (...parts: string[]) => join(repoRoot(), 'test', 'fixtures', ...parts);
const load = (name: string) => readYamlCatalog(readFileSync(fixture('catalogs', name), 'utf8'), name);

describe('catalog: YAML catalogs', () => {
  it('reads titles (plain or by language), facts and targets', () => {
    const file = load('extra.yaml');
    assert.deepEqual(file.problems, []);
    assert.equal(file.kind, 'yaml');
    const [a, b] = file.entries;
    assert.equal(a.id, 'ACSD-90001');
    assert.deepEqual(a.title, {
      en: 'Checkout totals shown twice with a gift card',
      sv: 'Kassans summor visas två gånger med presentkort',
    });
    assert.equal(a.docsPath, 'v1-1-43/acsd-90001-checkout-totals-shown-twice');
    assert.equal(a.fixedIn, '2.4.7');
    assert.equal(a.targets, undefined, 'an entry without packages adds facts only');
    assert.deepEqual(b.title, { en: 'Admin grid filters reset after saving a product' });
    assert.deepEqual(b.description, { en: 'Made-up patch for tests.', ja: 'テスト用の架空のパッチです。' });
    assert.equal(b.qptVersion, '1.1.60');
    assert.deepEqual(b.require, ['ACSD-90001']);
    assert.deepEqual(b.targets, [
      {
        package: 'magento/magento2-base',
        constraint: '>=2.4.6 <2.4.8',
        file: 'os/ACSD-90020_2.4.6.patch',
        require: [],
        replacedWith: undefined,
        deprecated: false,
      },
      {
        package: 'magento/magento2-ee-base',
        constraint: '2.4.5-p1',
        file: undefined,
        require: [],
        replacedWith: undefined,
        deprecated: false,
      },
    ]);
  });

  it('reports each broken entry at its line and loads the rest', () => {
    const file = load('broken.yaml');
    // ACSD-90034 only has a warning (an unknown key, ignored), so it loads.
    assert.deepEqual(
      file.entries.map((e) => e.id),
      ['ACSD-90030', 'ACSD-90032', 'ACSD-90034'],
    );
    assert.deepEqual(
      file.entries[1].targets?.map((t) => t.constraint),
      ['>=2.4.7 <2.4.8'],
    );
    const at = file.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
    assert.deepEqual(
      at.map((s) => s.replace(/ (error|warning) .*?(; .*)?$/, ' $1')),
      ['9:7 error', '14:9 error', '18:3 error', '22:10 error', '28:11 warning', '31:15 error'],
    );
    assert.match(at[0], /needs an English text \(en\); patch skipped/);
    assert.match(at[1], /Invalid version constraint ">=2\.4\.6 <<2\.4\.7".*this range is skipped/);
    assert.match(at[2], /"not an id!" is not a patch ID/);
    assert.match(at[3], /QPT version.*write it in quotes/);
    assert.match(at[4], /unknown key "replace-with" ignored/);
    assert.match(at[5], /"ACSD-1; rm -rf \/" is not a patch ID/);
    assert.ok(file.problems.every((p) => p.file === 'broken.yaml'));
  });

  it('reports a YAML syntax error as one problem with its line', () => {
    const file = load('syntax-error.yaml');
    assert.deepEqual(file.entries, []);
    assert.equal(file.problems.length, 1);
    assert.match(file.problems[0].message, /^invalid YAML: /);
    // The string opens on line 3; the parser notices the missing quote where the file ends.
    assert.ok((file.problems[0].line ?? 0) >= 3);
    assert.match(file.problems[0].message, /quote/);
  });

  it('rejects duplicate patch IDs (YAML keys must be unique)', () => {
    const file = readYamlCatalog('patches:\n  ACSD-1: {title: a}\n  ACSD-1: {title: b}\n', 'dup.yaml');
    assert.deepEqual(file.entries, []);
    assert.equal(file.problems[0].line, 3);
  });

  it('needs a patches mapping', () => {
    for (const text of ['', 'just text', '- a\n- b\n', 'patches: [ACSD-1]\n', 'other: {}\n']) {
      const file = readYamlCatalog(text, 'x.yaml');
      assert.deepEqual(file.entries, [], text);
      assert.match(file.problems[0].message, /not a patch catalog/, text);
    }
    const wrongType = readYamlCatalog('# comment\npatches: 3\n', 'x.yaml');
    assert.equal(wrongType.problems[0].line, 2);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const file = readYamlCatalog('\uFEFFpatches:\r\n  ACSD-1:\r\n    title: A\r\n    categories: 7\r\n', 'x.yaml');
    assert.deepEqual(file.entries, []);
    assert.deepEqual([file.problems[0].line, file.problems[0].column], [4, 17]);
  });

  it('warns about unknown keys and languages but keeps the patch', () => {
    const file = readYamlCatalog(
      'patches:\n  ACSD-1:\n    title: {en: A, de: B}\n    severity: high\nextra: 1\n',
      'x.yaml',
    );
    assert.deepEqual(
      file.entries.map((e) => e.title),
      [{ en: 'A' }],
    );
    assert.deepEqual(
      file.problems.map((p) => [p.severity, p.line]),
      [
        ['warning', 5],
        ['warning', 4],
        ['warning', 3],
      ],
    );
  });

  it('checks qpt, fixed-in, docs, deprecated and replaced-with values', () => {
    const bad = [
      'qpt: "one"',
      'fixed-in: "2.4.x-latest"',
      'fixed-in: ">=2.4.8 <3"',
      'docs: "../../etc/passwd"',
      'docs: "https://example.com/x"',
      'deprecated: "yes"',
      'replaced-with: [A, B]',
      'origin: 5',
      'components: [a, 5]',
    ];
    for (const line of bad) {
      const file = readYamlCatalog(`patches:\n  ACSD-1:\n    title: A\n    ${line}\n`, 'x.yaml');
      assert.deepEqual(file.entries, [], line);
      assert.equal(file.problems[0].line, 4, line);
    }
    const good = readYamlCatalog(
      'patches:\n  acsd-1:\n    title: A\n    fixed-in: 2.4.7-p3\n    replaced-with: acsd-2\n    deprecated: true\n',
      'x.yaml',
    );
    assert.deepEqual(good.problems, []);
    assert.deepEqual(
      [good.entries[0].id, good.entries[0].replacedWith, good.entries[0].deprecated],
      ['ACSD-1', 'ACSD-2', true],
    );
  });

  it('does not expand alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(97 + i))
          .join(', ')}]`,
      );
    const file = readYamlCatalog(bomb.join('\n') + '\npatches: {}\n', 'bomb.yaml');
    assert.deepEqual(file.entries, []);
    assert.match(file.problems[0].message, /invalid YAML/);
  });
});
