import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProject } from '../../../../src/core/lock/parse';
import { readProject } from '../../../../src/core/lock/read';
import { realworld, requireRealworld } from '../../../support/realworld';

/** What the data set's README says about each real lock. */
const EXPECTED: Record<
  string,
  { version: string; edition: 'commerce' | 'open-source'; cloud: boolean; qpt: string | null }
> = {
  'magento-cloud_2.4.6-p3.composer.lock': { version: '2.4.6-p3', edition: 'commerce', cloud: true, qpt: '1.1.43' },
  'magento-cloud_2.4.6-p8.composer.lock': { version: '2.4.6-p8', edition: 'commerce', cloud: true, qpt: '1.1.54' },
  'magento-cloud_2.4.6-p14.composer.lock': { version: '2.4.6-p14', edition: 'commerce', cloud: true, qpt: '1.1.77' },
  'magento-cloud_2.4.8-p4.composer.lock': { version: '2.4.8-p4', edition: 'commerce', cloud: true, qpt: '1.1.77' },
  'magento-cloud_2.4.9-beta1.composer.lock': {
    version: '2.4.9-beta1',
    edition: 'commerce',
    cloud: true,
    qpt: '1.1.77',
  },
  'joshinaimish-magento247p4_ce-2.4.7-p1.composer.lock': {
    version: '2.4.7-p1',
    edition: 'open-source',
    cloud: false,
    qpt: null,
  },
  'caiced2-magento246_ee-2.4.6-p1.composer.lock': { version: '2.4.6-p1', edition: 'commerce', cloud: false, qpt: null },
  'vedantjiva-magento24_ee-2.4.1.composer.lock': { version: '2.4.1', edition: 'commerce', cloud: false, qpt: null },
};

describe('lock: real composer.lock files', function () {
  before(function () {
    requireRealworld(this);
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: ${want.edition} ${want.version}${want.cloud ? ' on cloud' : ''}, QPT ${want.qpt ?? 'none'}`, () => {
      const project = readProject(realworld('composer-lock', name));
      assert.deepEqual(project.product, {
        edition: want.edition,
        version: want.version,
        b2b: false,
        cloud: want.cloud,
      });
      assert.equal(project.qpt.installed, want.qpt);
      assert.equal(project.vendorDir, realworld('composer-lock', 'vendor'));
      assert.ok(project.packages.size > 500, `${project.packages.size} packages`);
    });
  }

  it('never takes the cloud metapackage version (2.4.9-p2 on a 2.4.9-beta1 store)', () => {
    const project = readProject(realworld('composer-lock', 'magento-cloud_2.4.9-beta1.composer.lock'));
    assert.equal(project.packages.get('magento/magento-cloud-metapackage'), '2.4.9-p2');
    assert.equal(project.product?.version, '2.4.9-beta1');
  });

  it('counts packages-dev (the 2.4.1 Composer 1 lock has 94 dev packages)', () => {
    const text = readFileSync(realworld('composer-lock', 'vedantjiva-magento24_ee-2.4.1.composer.lock'), 'utf8');
    const lock = JSON.parse(text) as { packages: { name: string }[]; 'packages-dev': { name: string }[] };
    const names = new Set([...lock.packages, ...lock['packages-dev']].map((p) => p.name));
    assert.equal(parseProject(text, '/x/composer.lock').packages.size, names.size);
  });
});
