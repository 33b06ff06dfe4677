import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigShow } from '../../../../src/core/evidence/configShow';
import { DATABASE_SOURCE, readConfigFiles } from '../../../../src/core/evidence/configValues';

describe('evidence: database values from bin/magento config:show', () => {
  it('reads its "path - value" lines and skips the rest', () => {
    const output = [
      'PHP Deprecated:  something in /app/x.php on line 3',
      'web/secure/base_url - https://shop.example.com/',
      'dev/js/minify_files - 1\r',
      'design/head/default_title - Shop - the best',
      'catalog/search/engine - ',
      'not a path - x',
      '',
    ].join('\n');
    assert.deepEqual(
      [...parseConfigShow(output)],
      [
        ['web/secure/base_url', 'https://shop.example.com/'],
        ['dev/js/minify_files', '1'],
        ['design/head/default_title', 'Shop - the best'],
        ['catalog/search/engine', ''],
      ],
    );
  });

  it('gives database values where env.php and config.php set nothing (the files win)', () => {
    const root = mkdtempSync(join(tmpdir(), 'cpt-db-'));
    try {
      mkdirSync(join(root, 'app', 'etc'), { recursive: true });
      writeFileSync(
        join(root, 'app/etc/env.php'),
        "<?php return ['system' => ['default' => ['dev' => ['js' => ['minify_files' => 0]]]]];",
      );
      const db = new Map([
        ['dev/js/minify_files', '1'],
        ['carriers/dhl/active', '1'],
      ]);
      const config = readConfigFiles(root, db);
      assert.deepEqual(config.get('dev/js/minify_files'), {
        kind: 'set',
        value: '0',
        source: join(root, 'app/etc/env.php'),
      });
      assert.deepEqual(config.get('carriers/dhl/active'), { kind: 'set', value: '1', source: DATABASE_SOURCE });
      assert.deepEqual(config.get('tax/display/type'), { kind: 'absent' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
