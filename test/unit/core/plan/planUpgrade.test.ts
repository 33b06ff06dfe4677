import * as assert from 'node:assert/strict';
import type { Catalog, Patch, PatchTarget } from '../../../../src/core/catalog/patch';
import type { Project } from '../../../../src/core/lock/project';
import { planUpgrade } from '../../../../src/core/plan/planUpgrade';
import type { PlanInput } from '../../../../src/core/plan/upgradePlan';
import { triage } from '../../../../src/core/triage/triage';

const BASE = 'magento/magento2-base';

function target(constraint: string, extra: Partial<PatchTarget> = {}): PatchTarget {
  return { package: BASE, constraint, require: [], deprecated: false, ...extra };
}

function patch(id: string, targets: PatchTarget[], extra: Partial<Patch> = {}): Patch {
  return {
    id,
    title: { en: id },
    categories: [],
    components: [],
    targets,
    require: [...new Set(targets.flatMap((t) => t.require))],
    deprecated: false,
    sources: ['test'],
    ...extra,
  };
}

function catalog(...patches: Patch[]): Catalog {
  return { patches: new Map(patches.map((p) => [p.id, p])), sources: [], problems: [] };
}

function project(version: string): Project {
  return {
    lockFile: '/store/composer.lock',
    root: '/store',
    product: { edition: 'commerce', version, b2b: false, cloud: true },
    qpt: { installed: null },
    packages: new Map([
      [BASE, version],
      ['vendor/other', '1.0.0'],
    ]),
    vendorDir: '/store/vendor',
    binDir: '/store/vendor/bin',
  };
}

function plan(cat: Catalog, from: string, to: string, input: Partial<PlanInput> = {}) {
  const p = project(from);
  return planUpgrade(
    {
      project: p,
      current: triage(p, cat),
      release: to,
      versions: new Map([[BASE, to]]),
      applied: new Set(),
      scheduled: [],
      local: [],
      ...input,
    },
    cat,
  );
}

describe('upgrade plan on hand-made catalogs', () => {
  it('finds no patch for the target, with the fixing release where the catalog knows it and the target reaches it', () => {
    const cat = catalog(
      patch('FIXED-1', [target('>=2.4.6 <2.4.7')], { fixedIn: '2.4.7' }),
      patch('FIXED-2', [target('>=2.4.6 <2.4.7')], { fixedIn: '2.4.8' }),
      patch('GONE-1', [target('>=2.4.6 <2.4.7')]),
    );
    const p = plan(cat, '2.4.6-p3', '2.4.7-p1', { applied: new Set(['FIXED-1', 'FIXED-2', 'GONE-1']) });
    assert.deepEqual(
      p.patches.map(({ id, source, outcome, blocksUpgrade, fixedIn }) => ({
        id,
        source,
        outcome,
        blocksUpgrade,
        fixedIn,
      })),
      [
        { id: 'FIXED-1', source: 'applied', outcome: 'no-patch-for-target', blocksUpgrade: false, fixedIn: '2.4.7' },
        { id: 'FIXED-2', source: 'applied', outcome: 'no-patch-for-target', blocksUpgrade: false, fixedIn: undefined },
        { id: 'GONE-1', source: 'applied', outcome: 'no-patch-for-target', blocksUpgrade: false, fixedIn: undefined },
      ],
    );
    assert.equal(p.from, '2.4.6-p3');
    assert.equal(p.to, '2.4.7-p1');
  });

  it('puts a scheduled patch with no patch for the target first, as a blocker; an unknown ID blocks too', () => {
    const cat = catalog(patch('ACSD-1', [target('>=2.4.6 <2.4.7')]), patch('ACSD-2', [target('>=2.4.6 <2.4.8')]));
    const p = plan(cat, '2.4.6', '2.4.7', {
      applied: new Set(['ACSD-1', 'ACSD-2']),
      scheduled: ['ACSD-2', 'MDVA-9', 'ACSD-1'],
    });
    assert.deepEqual(
      p.patches.map((e) => [e.id, e.source, e.outcome, e.blocksUpgrade]),
      [
        ['ACSD-1', 'scheduled', 'no-patch-for-target', true],
        ['MDVA-9', 'scheduled', 'no-patch-for-target', true],
        ['ACSD-2', 'scheduled', 'available', false],
      ],
    );
  });

  it("names the target's patch file when it differs from today's", () => {
    const cat = catalog(
      patch('ACSD-3', [
        target('>=2.4.6 <2.4.7', { file: 'os/ACSD-3_2.4.6.patch' }),
        target('>=2.4.7 <2.4.8', { file: 'os/ACSD-3_2.4.7.patch' }),
      ]),
      patch('ACSD-4', [target('>=2.4.6 <2.4.8', { file: 'os/ACSD-4.patch' })]),
    );
    const p = plan(cat, '2.4.6-p1', '2.4.7-p2', { applied: new Set(['ACSD-3', 'ACSD-4']) });
    const [a, b] = p.patches;
    assert.deepEqual(
      [a.id, a.outcome, a.currentFile, a.targetFile],
      ['ACSD-3', 'available', 'os/ACSD-3_2.4.6.patch', 'os/ACSD-3_2.4.7.patch'],
    );
    assert.deepEqual([b.id, b.outcome, b.currentFile, b.targetFile], ['ACSD-4', 'available', undefined, undefined]);
  });

  it('lists local patches last, to re-check', () => {
    const cat = catalog(patch('ACSD-5', [target('*')]));
    const p = plan(cat, '2.4.6', '2.4.7', {
      applied: new Set(['ACSD-5']),
      local: [
        { id: 'm2-hotfixes/b.patch', kind: 'm2-hotfixes', file: '/store/m2-hotfixes/b.patch' },
        { id: 'Fix cart totals', kind: 'composer-patches', file: 'patches/cart.diff', package: 'magento/module-quote' },
      ],
    });
    assert.deepEqual(
      p.patches.map((e) => [e.id, e.source, e.outcome]),
      [
        ['ACSD-5', 'applied', 'available'],
        ['Fix cart totals', 'local', 'recheck'],
        ['m2-hotfixes/b.patch', 'local', 'recheck'],
      ],
    );
  });

  it('adds the patches those need, today and on the target (a range of the target may need another patch)', () => {
    const cat = catalog(
      patch('ACSD-10', [
        target('>=2.4.6 <2.4.7', { require: ['ACSD-11'] }),
        target('>=2.4.7 <2.4.8', { require: ['ACSD-12'] }),
      ]),
      patch('ACSD-11', [target('>=2.4.6 <2.4.7')]),
      patch('ACSD-12', [target('>=2.4.7 <2.4.8')]),
    );
    const p = plan(cat, '2.4.6', '2.4.7', { applied: new Set(['ACSD-10']) });
    assert.deepEqual(
      p.patches.map((e) => [e.id, e.source, e.outcome, e.requiredBy]),
      [
        ['ACSD-11', 'required', 'no-patch-for-target', ['ACSD-10']],
        ['ACSD-10', 'applied', 'available', undefined],
        ['ACSD-12', 'required', 'available', ['ACSD-10']],
      ],
    );
    assert.deepEqual(p.newlyApplicable, [], 'a required patch is in use, not newly applicable');
  });

  it('keeps a patch deprecated on the target as available, naming the replacement, which is newly applicable', () => {
    const cat = catalog(
      patch('MDVA-20', [
        target('>=2.4.6 <2.4.7'),
        target('>=2.4.7 <2.4.8', { deprecated: true, replacedWith: 'MDVA-20-V2' }),
      ]),
      patch('MDVA-20-V2', [target('>=2.4.7 <2.4.8')]),
    );
    const p = plan(cat, '2.4.6', '2.4.7', { applied: new Set(['MDVA-20']) });
    assert.deepEqual(
      p.patches.map((e) => [e.id, e.outcome, e.replacedWith]),
      [['MDVA-20', 'available', 'MDVA-20-V2']],
    );
    assert.deepEqual(p.newlyApplicable, ['MDVA-20-V2']);
  });

  it('lists what becomes applicable, recommended patches first, and nothing that applies today or is deprecated', () => {
    const cat = catalog(
      patch('ACSD-30', [target('>=2.4.7')]),
      patch('ACSD-31', [target('>=2.4.7')]),
      patch('ACSD-32', [target('>=2.4.6')]),
      patch('ACSD-33', [target('>=2.4.7', { deprecated: true })]),
      patch('ACSD-34', [{ package: 'vendor/other', constraint: '^1.0', require: [], deprecated: false }]),
    );
    const p = plan(cat, '2.4.6', '2.4.7', { recommended: new Set(['ACSD-31']) });
    assert.deepEqual(p.newlyApplicable, ['ACSD-31', 'ACSD-30']);
    assert.equal(
      p.target.project.packages.get('vendor/other'),
      '1.0.0',
      'packages the release does not pin keep their version',
    );
  });
  it('puts first what the store evidence calls for on the target, with its evidence, read once for every target', () => {
    const log = (match: string) => ({ type: 'log' as const, path: 'var/log/exception.log', match });
    const cat = catalog(
      patch('ACSD-40', [target('>=2.4.7')]),
      patch('ACSD-41', [target('>=2.4.7')], { metadata: log('*Tax.php*') }),
      // Deprecated on the target: its evidence recommends the replacement.
      patch('ACSD-42', [target('>=2.4.7', { deprecated: true, replacedWith: 'ACSD-43' })], {
        metadata: log('*Cart.php*'),
      }),
      patch('ACSD-43', [target('>=2.4.7')]),
      // Applies today: the store's own Recommended group, not the plan's.
      patch('ACSD-44', [target('>=2.4.6')], { metadata: log('*Tax.php*') }),
      // Its evidence holds but it applies only to another release.
      patch('ACSD-45', [target('>=2.4.9')], { metadata: log('*Tax.php*') }),
    );
    const lines = new Map([
      ['*Tax.php*', { file: '/store/var/log/exception.log', line: 7, text: 'Division by zero in Tax.php' }],
      ['*Cart.php*', { file: '/store/var/log/exception.log', line: 9, text: 'Undefined index in Cart.php' }],
    ]);
    let asked = 0;
    const evidence = {
      logHits: (rule: { match: string }) => {
        asked++;
        const hit = lines.get(rule.match);
        return hit === undefined ? [] : [{ type: 'log' as const, ...hit, match: rule.match, count: 1 }];
      },
    };
    const p = plan(cat, '2.4.6', '2.4.7', { evidence });
    assert.deepEqual(p.newlyApplicable, ['ACSD-41', 'ACSD-43', 'ACSD-40']);
    assert.deepEqual([...(p.recommended?.keys() ?? [])].sort(), ['ACSD-41', 'ACSD-43']);
    assert.deepEqual(p.recommended?.get('ACSD-43')?.via, ['ACSD-42']);
    assert.equal(p.recommended?.get('ACSD-41')?.evidence[0].type, 'log');
    assert.ok(asked > 0, 'the facts are asked, no file is read by the plan');
    assert.equal(plan(cat, '2.4.6', '2.4.7').recommended, undefined, 'without evidence the plan says nothing');
    const applied = plan(cat, '2.4.6', '2.4.7', { evidence, applied: new Set(['ACSD-41']) });
    assert.equal(applied.recommended?.has('ACSD-41'), false, 'in use already: not newly applicable');
  });
});
