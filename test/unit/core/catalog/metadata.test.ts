import * as assert from 'node:assert/strict';
import { readQptPatches } from '../../../../src/core/catalog/qptJson';
import { readYamlCatalog } from '../../../../src/core/catalog/yamlCatalog';

const packages = { 'magento/magento2-base': { '>=2.4.6 <2.4.7': { file: 'os/x.patch' } } };

describe('catalog: evidence signatures (metadata)', () => {
  it('reads QPT metadata: nested and/or, log and config rules, numbers and booleans as PHP strings', () => {
    const loaded = readQptPatches(
      {
        'ACSD-1': {
          title: 'x',
          packages,
          metadata: {
            and: [
              { type: 'config', path: 'rss/catalog/category', match: 1 },
              {
                or: [
                  { type: 'log', path: 'var/log/system.log', match: '*a*' },
                  { type: 'config', path: 'x/y/z', match: true },
                ],
              },
            ],
          },
        },
      },
      'support-patches.json',
      'qpt-support',
    );
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.entries[0].metadata, {
      type: 'and',
      items: [
        { type: 'config', path: 'rss/catalog/category', match: '1' },
        {
          type: 'or',
          items: [
            { type: 'log', path: 'var/log/system.log', match: '*a*' },
            { type: 'config', path: 'x/y/z', match: '1' },
          ],
        },
      ],
    });
  });

  it('reports broken metadata by path like other catalog problems, and keeps the patch without it', () => {
    const broken: Array<[unknown, RegExp]> = [
      [{ and: [] }, /non-empty list/],
      [{ and: [{ type: 'log', path: '../../etc/passwd', match: 'x' }] }, /log file path inside the store/],
      [{ and: [{ type: 'log', path: '/var/log/x.log', match: 'x' }] }, /log file path inside the store/],
      [{ or: [{ type: 'log', path: 'var/log/x.log', match: '' }] }, /one-line text/],
      [{ type: 'sql', path: 'x', match: 'y' }, /"log" or "config"/],
      [{ type: 'config', path: 'not a path', match: '1' }, /configuration path/],
      [{ type: 'config', path: 'a/b', match: null }, /text, a number or true\/false/],
      [{ and: [], or: [] }, /exactly one key/],
      ['text', /must be a mapping/],
      [
        JSON.parse('{"and":['.repeat(40) + '{"type":"log","path":"a/b","match":"x"}' + ']}'.repeat(40)),
        /nested more than 32 levels/,
      ],
    ];
    for (const [metadata, message] of broken) {
      const loaded = readQptPatches(
        { 'ACSD-1': { title: 'x', packages, metadata } },
        'support-patches.json',
        'qpt-support',
      );
      assert.equal(loaded.entries.length, 1, 'the patch is kept');
      assert.equal(loaded.entries[0].metadata, undefined);
      assert.equal(loaded.problems.length, 1, JSON.stringify(metadata));
      assert.match(loaded.problems[0].message, message);
      assert.match(loaded.problems[0].message, /evidence signature ignored/);
      assert.match(loaded.problems[0].path ?? '', /^ACSD-1\.metadata/);
    }
  });

  it('accepts the same form in patches.yaml, with problems at their line', () => {
    const text = `patches:
  ACSD-2:
    title: Two
    metadata:
      or:
        - type: log
          path: var/log/exception.log
          match: "*Call to a member function getId() on null*"
        - type: config
          path: dev/js/minify_files
          match: 1
  ACSD-3:
    title: Three
    metadata:
      and:
        - type: log
          path: var/log/exception.log
          match: x
          extra: y
        - type: nope
`;
    const loaded = readYamlCatalog(text, 'patches.yaml');
    assert.deepEqual(
      loaded.entries.map((e) => e.id),
      ['ACSD-2', 'ACSD-3'],
    );
    assert.deepEqual(loaded.entries[0].metadata, {
      type: 'or',
      items: [
        { type: 'log', path: 'var/log/exception.log', match: '*Call to a member function getId() on null*' },
        { type: 'config', path: 'dev/js/minify_files', match: '1' },
      ],
    });
    assert.equal(loaded.entries[1].metadata, undefined);
    assert.deepEqual(
      loaded.problems.map((p) => [p.severity, p.line]),
      [
        ['warning', 19],
        ['error', 20],
      ],
    );
  });
});
