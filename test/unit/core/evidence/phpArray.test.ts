import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFiles } from '../../../../src/core/evidence/configValues';
import { PhpArrayError, type PhpValue, readPhpArray } from '../../../../src/core/evidence/phpArray';

/** The array as plain data: scalars as strings, `?` for unknown. */
function plain(value: PhpValue): unknown {
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'unknown') return '?';
  return Object.fromEntries([...value.entries].map(([k, v]) => [k, plain(v)]));
}
/** The plain data as a tree the assertions walk by key (its leaves are strings). */
interface Tree {
  readonly [key: string]: Tree;
}
const read = (code: string) => plain({ kind: 'array', entries: readPhpArray(code, 'env.php') }) as Tree;

/** Shaped like a real app/etc/env.php. */
const ENV_PHP = `<?php
return [
    'backend' => [
        'frontName' => 'admin_1x2y'
    ],
    'remote_storage' => [
        'driver' => 'aws-s3',
        'config' => ['bucket' => getenv('S3_BUCKET'), 'region' => 'eu-west-1']
    ],
    'crypt' => ['key' => 'abc'],
    'db' => [
        'table_prefix' => '',
        'connection' => [
            'default' => [
                'host' => 'localhost',
                'active' => '1',
                'driver_options' => [\\PDO::MYSQL_ATTR_LOCAL_INFILE => 1]
            ]
        ]
    ],
    'MAGE_MODE' => 'production',
    'cache_types' => ['config' => 1, 'layout' => 1],
    'system' => [
        'default' => [
            'dev' => ['js' => ['minify_files' => true, 'merge_files' => false, 'session_storage' => "db"]],
            'catalog' => ['search' => ['engine' => 'opensearch', 'engine' => 'elasticsearch7']],
            'tax' => ['display' => ['type' => 2, 'ratio' => 1.50, 'neg' => -3, 'hex' => 0x1A, 'sep' => 1_000]],
            'web' => ['secure' => ['base_url' => MY_CONSTANT, 'x' => "a{$b}c", 'y' => <<<TXT
plain heredoc
TXT
            ]],
            'nothing' => null,
        ],
    ],
];
`;

describe('evidence: PHP array files (parsed, never run)', () => {
  it('reads the literals of a real-shaped env.php, as PHP turns them into strings', () => {
    const data = read(ENV_PHP);
    assert.equal(data.remote_storage.driver, 'aws-s3');
    assert.equal(data.remote_storage.config.bucket, '?', 'getenv(…) is not a literal');
    assert.equal(data.db.connection.default.driver_options, '?', 'a constant as a key');
    assert.deepEqual(data.system.default.dev.js, { minify_files: '1', merge_files: '', session_storage: 'db' });
    assert.equal(data.system.default.catalog.search.engine, 'elasticsearch7', 'a later duplicate key wins');
    assert.deepEqual(data.system.default.tax.display, { type: '2', ratio: '1.5', neg: '-3', hex: '26', sep: '1000' });
    assert.deepEqual(data.system.default.web.secure, { base_url: '?', x: '?', y: 'plain heredoc' });
    assert.equal(data.system.default.nothing, '');
  });

  it('reads array() and positional entries of a config.php', () => {
    const data = read(`<?php
// generated
return array (
  'modules' => array ('Magento_Store' => 1, 'Magento_Theme' => 0),
  'list' => ['a', 'b', 5 => 'c', 'd'],
  'system' => array('default' => array('dev' => array('js' => array('enable_js_bundling' => '1')))),
);`);
    assert.deepEqual(data.modules, { Magento_Store: '1', Magento_Theme: '0' });
    assert.deepEqual(data.list, { 0: 'a', 1: 'b', 5: 'c', 6: 'd' });
  });

  it('refuses PHP code that does not return an array, with a clear message', () => {
    assert.throws(
      () => readPhpArray('<?php echo "hi"; $x = 1;', 'app/etc/env.php'),
      (e: Error) => e instanceof PhpArrayError && /not a PHP file that returns an array/.test(e.message),
    );
    assert.throws(() => readPhpArray('<?php return $config;', 'app/etc/env.php'), PhpArrayError);
    assert.throws(
      () => readPhpArray('<?php return [', 'app/etc/env.php'),
      (e: Error) => e instanceof PhpArrayError && /not valid PHP/.test(e.message),
    );
    assert.throws(() => readPhpArray('just text', 'app/etc/env.php'), PhpArrayError);
  });

  it('refuses 10,000 levels of nesting without overflowing the stack', () => {
    const deep = `<?php return ${'['.repeat(10_000)}1${']'.repeat(10_000)};`;
    assert.throws(
      () => readPhpArray(deep, 'app/etc/env.php'),
      (e: Error) => e instanceof PhpArrayError && /nested more than 64 levels/.test(e.message),
    );
    const calls = `<?php return [${'f('.repeat(10_000)}${')'.repeat(10_000)}];`;
    assert.throws(() => readPhpArray(calls, 'app/etc/env.php'), PhpArrayError);
  });

  describe('config values of a store', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'cpt-config-'));
      mkdirSync(join(root, 'app', 'etc'), { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('takes system/default paths and top-level deployment settings; env.php wins over config.php', () => {
      writeFileSync(join(root, 'app/etc/env.php'), ENV_PHP);
      writeFileSync(
        join(root, 'app/etc/config.php'),
        `<?php return ['system' => ['default' => ['dev' => ['js' => ['minify_files' => 0, 'enable_js_bundling' => 1]]]]];`,
      );
      const config = readConfigFiles(root);
      const env = join(root, 'app/etc/env.php');
      const cfg = join(root, 'app/etc/config.php');
      assert.deepEqual(config.get('dev/js/minify_files'), { kind: 'set', value: '1', source: env });
      assert.deepEqual(config.get('dev/js/enable_js_bundling'), { kind: 'set', value: '1', source: cfg });
      assert.deepEqual(config.get('remote_storage/driver'), { kind: 'set', value: 'aws-s3', source: env });
      assert.deepEqual(config.get('web/secure/base_url'), { kind: 'unknown', source: env });
      assert.deepEqual(config.get('remote_storage/config/bucket'), { kind: 'unknown', source: env });
      assert.deepEqual(config.get('carriers/dhl/active'), { kind: 'absent' });
      assert.deepEqual(config.problems, []);
    });

    it('takes every value of a file that is not a PHP array as unknown, with a problem', () => {
      writeFileSync(join(root, 'app/etc/env.php'), '<?php\nrequire "other.php";\nreturn $settings;\n');
      writeFileSync(
        join(root, 'app/etc/config.php'),
        `<?php return ['system' => ['default' => ['a' => ['b' => 'x']]]];`,
      );
      const config = readConfigFiles(root);
      assert.equal(config.get('a/b').kind, 'unknown');
      assert.equal(config.problems.length, 1);
      assert.match(config.problems[0].message, /returns an array.*unknown/);
    });

    it('has every value absent without the files', () => {
      const config = readConfigFiles(join(root, 'nowhere'));
      assert.deepEqual(config.get('dev/js/minify_files'), { kind: 'absent' });
      assert.deepEqual(config.problems, []);
    });
  });
});
