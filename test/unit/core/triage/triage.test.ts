import * as assert from 'node:assert/strict';
import type { Catalog, Patch, PatchTarget } from '../../../../src/core/catalog/patch';
import type { Project } from '../../../../src/core/lock/project';
import { compareIds } from '../../../../src/core/catalog/idOrder';
import { triage } from '../../../../src/core/triage/triage';

function project(packages: Record<string, string>, qpt: string | null = '1.1.50'): Project {
  return {
    lockFile: '/store/composer.lock',
    root: '/store',
    product: { edition: 'commerce', version: packages['magento/magento2-base'], b2b: false, cloud: false },
    qpt: { installed: qpt },
    packages: new Map(Object.entries(packages)),
    vendorDir: '/store/vendor',
    binDir: '/store/vendor/bin',
  };
}

function target(pkg: string, constraint: string, extra: Partial<PatchTarget> = {}): PatchTarget {
  return { package: pkg, constraint, require: [], deprecated: false, ...extra };
}

function patch(id: string, targets: PatchTarget[], extra: Partial<Patch> = {}): Patch {
  return {
    id,
    title: { en: `Fixes ${id}` },
    categories: ['Other'],
    components: [],
    targets,
    require: targets.flatMap((t) => t.require),
    deprecated: false,
    sources: ['test'],
    ...extra,
  };
}

function catalog(...patches: Patch[]): Catalog {
  return { patches: new Map(patches.map((p) => [p.id, p])), sources: [], problems: [] };
}

const BASE = 'magento/magento2-base';
const EE = 'magento/magento2-ee-base';

describe('triage', () => {
  const store = project({ [BASE]: '2.4.6-p3', 'magento/inventory-metapackage': '1.2.6-p3' });

  it('applies a patch whose range holds the installed -pN release (Composer order, not npm)', () => {
    const r = triage(store, catalog(patch('ACSD-61103', [target(BASE, '>=2.4.6 <2.4.7')])));
    const e = r.byId.get('ACSD-61103');
    assert.equal(e?.status, 'applicable');
    assert.equal(e?.target?.constraint, '>=2.4.6 <2.4.7');
    assert.equal(e?.installedVersion, '2.4.6-p3');
    assert.deepEqual(r.counts, { applicable: 1, 'needs-qpt-update': 0, deprecated: 0, 'not-applicable': 0 });
  });

  it('matches any targeted package, not only magento2-base', () => {
    const r = triage(store, catalog(patch('ACSD-2', [target('magento/inventory-metapackage', '~1.2.6')])));
    assert.equal(r.byId.get('ACSD-2')?.status, 'applicable');
  });

  it('says which package is missing when the patch targets one that is not installed', () => {
    const r = triage(store, catalog(patch('ACSD-3', [target(EE, '>=2.4.6 <2.4.7')])));
    const e = r.byId.get('ACSD-3');
    assert.equal(e?.status, 'not-applicable');
    assert.deepEqual(e?.reason, { kind: 'package-missing', packages: [EE] });
  });

  it('gives the installed version and the ranges when the version is out of range', () => {
    const r = triage(store, catalog(patch('ACSD-4', [target(BASE, '>=2.4.7 <2.4.8'), target(BASE, '2.4.5')])));
    assert.deepEqual(r.byId.get('ACSD-4')?.reason, {
      kind: 'version-out-of-range',
      package: BASE,
      installed: '2.4.6-p3',
      constraints: ['>=2.4.7 <2.4.8', '2.4.5'],
    });
  });

  it('says "fixed in" when the catalog names a fixing release at or below the installed one', () => {
    const newer = project({ [BASE]: '2.4.8-p1' });
    const r = triage(newer, catalog(patch('ACSD-61103', [target(BASE, '>=2.4.6 <2.4.7')], { fixedIn: '2.4.8' })));
    assert.deepEqual(r.byId.get('ACSD-61103')?.reason, { kind: 'fixed-in', version: '2.4.8' });
  });

  it('marks deprecated targets with their replacement, before any other status', () => {
    const r = triage(
      store,
      catalog(
        patch('MDVA-1', [target(BASE, '>=2.4.6 <2.4.7', { deprecated: true, replacedWith: 'ACSD-5' })], {
          qptVersion: '1.1.99',
        }),
      ),
    );
    assert.equal(r.byId.get('MDVA-1')?.status, 'deprecated');
    assert.equal(r.byId.get('MDVA-1')?.replacedWith, 'ACSD-5');
  });

  it('needs a QPT update when the patch arrived in a newer QPT than the installed one', () => {
    const old = project({ [BASE]: '2.4.6-p3' }, '1.1.43');
    const c = catalog(patch('ACSD-61103', [target(BASE, '>=2.4.6 <2.4.7')], { qptVersion: '1.1.54' }));
    assert.equal(triage(old, c).byId.get('ACSD-61103')?.status, 'needs-qpt-update');
    assert.equal(triage(project({ [BASE]: '2.4.6-p3' }, '1.1.54'), c).byId.get('ACSD-61103')?.status, 'applicable');
    assert.equal(triage(project({ [BASE]: '2.4.6-p3' }, null), c).byId.get('ACSD-61103')?.status, 'applicable');
  });

  it('resolves required patches transitively, dependencies first, surviving cycles and unknown IDs', () => {
    const r = triage(
      store,
      catalog(
        patch('ACSD-10', [target(BASE, '*', { require: ['ACSD-11'] })]),
        patch('ACSD-11', [target(BASE, '*', { require: ['ACSD-12', 'MDVA-404'] })]),
        patch('ACSD-12', [target(BASE, '*', { require: ['ACSD-10'] })]),
      ),
    );
    assert.deepEqual(r.byId.get('ACSD-10')?.requires, ['ACSD-12', 'MDVA-404', 'ACSD-11']);
  });

  it('lists matched patches first, in natural ID order, then the rest', () => {
    const r = triage(
      store,
      catalog(
        patch('ACSD-100', [target(BASE, '2.3.7')]),
        patch('ACSD-20', [target(BASE, '>=2.4.6')]),
        patch('ACSD-3', [target(BASE, '>=2.4.6')]),
        patch('AC-9', [target(BASE, '2.3.7')]),
      ),
    );
    assert.deepEqual(
      r.patches.map((e) => e.patch.id),
      ['ACSD-3', 'ACSD-20', 'AC-9', 'ACSD-100'],
    );
    assert.equal(r.counts['not-applicable'], 2);
  });

  it('compares IDs numerically within a prefix', () => {
    assert.ok(compareIds('ACSD-9', 'ACSD-10') < 0);
    assert.ok(compareIds('MDVA-39305-V3', 'MDVA-39305-V10') < 0);
  });
});
