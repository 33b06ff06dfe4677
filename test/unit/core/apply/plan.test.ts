import * as assert from 'node:assert/strict';
import { applyChoices, applyRefusal, deprecatedAmong, withRequirements } from '../../../../src/core/apply/plan';
import type { Catalog, Patch, PatchTarget } from '../../../../src/core/catalog/patch';
import type { Project } from '../../../../src/core/lock/project';
import { triage } from '../../../../src/core/triage/triage';

const BASE = 'magento/magento2-base';

const project: Project = {
  lockFile: '/store/composer.lock',
  root: '/store',
  product: { edition: 'commerce', version: '2.4.6-p3', b2b: false, cloud: false },
  qpt: { installed: '1.1.50' },
  packages: new Map([[BASE, '2.4.6-p3']]),
  vendorDir: '/store/vendor',
  binDir: '/store/vendor/bin',
};

function patch(id: string, target: Partial<PatchTarget> = {}, extra: Partial<Patch> = {}): Patch {
  const t: PatchTarget = { package: BASE, constraint: '>=2.4.6 <2.4.7', require: [], deprecated: false, ...target };
  return {
    id,
    title: { en: id },
    categories: [],
    components: [],
    targets: [t],
    require: t.require,
    deprecated: false,
    sources: ['test'],
    ...extra,
  };
}

const patches = [
  patch('ACSD-1', { require: ['ACSD-2', 'ACSD-3'] }),
  patch('ACSD-2'),
  patch('ACSD-3'),
  patch('ACSD-4', { deprecated: true, replacedWith: 'ACSD-5' }),
  patch('ACSD-5'),
  patch('ACSD-6', {}, { qptVersion: '1.1.60' }),
  patch('ACSD-7', { constraint: '>=2.4.7 <2.4.8' }),
  patch('ACSD-8', { deprecated: true, replacedWith: 'ACSD-99' }),
  patch('ACSD-9', { require: ['ACSD-404'] }),
];
const catalog: Catalog = { patches: new Map(patches.map((p) => [p.id, p])), sources: [], problems: [] };
const result = triage(project, catalog);
const none = new Set<string>();

describe('apply plan', () => {
  describe('applyRefusal', () => {
    it('offers applicable and deprecated patches that are not applied', () => {
      assert.equal(applyRefusal(result, 'ACSD-1', none), undefined);
      assert.equal(applyRefusal(result, 'ACSD-4', none), undefined);
    });

    it('refuses unknown, applied, needs-QPT-update and not-applicable patches, in that order', () => {
      assert.deepEqual(applyRefusal(result, 'ACSD-404', none), { kind: 'unknown' });
      assert.deepEqual(applyRefusal(result, 'ACSD-1', new Set(['ACSD-1'])), { kind: 'applied' });
      assert.deepEqual(applyRefusal(result, 'ACSD-6', none), { kind: 'needs-qpt-update' });
      const refused = applyRefusal(result, 'ACSD-7', none);
      assert.equal(refused?.kind, 'not-applicable');
      assert.equal(refused?.kind === 'not-applicable' && refused.reason?.kind, 'version-out-of-range');
    });
  });

  describe('applyChoices', () => {
    it('lists applicable and deprecated patches not yet applied, and picks the asked one with its requirements', () => {
      const choices = applyChoices(result, new Set(['ACSD-5']), 'ACSD-1');
      assert.deepEqual(
        choices.applicable.map((p) => p.patch.id),
        ['ACSD-1', 'ACSD-2', 'ACSD-3', 'ACSD-9'],
      );
      assert.deepEqual(
        choices.deprecated.map((p) => p.patch.id),
        ['ACSD-4', 'ACSD-8'],
      );
      assert.deepEqual([...choices.picked], ['ACSD-1', 'ACSD-2', 'ACSD-3']);
      assert.equal(choices.replaced, undefined);
    });

    it('picks the replacement of a deprecated patch when it is offered', () => {
      const choices = applyChoices(result, none, 'ACSD-4');
      assert.deepEqual([...choices.picked], ['ACSD-5']);
      assert.deepEqual(choices.replaced, { deprecated: 'ACSD-4', replacement: 'ACSD-5' });
    });

    it('keeps a deprecated patch picked when its replacement is applied or unknown', () => {
      assert.deepEqual([...applyChoices(result, new Set(['ACSD-5']), 'ACSD-4').picked], ['ACSD-4']);
      const unknownReplacement = applyChoices(result, none, 'ACSD-8');
      assert.deepEqual([...unknownReplacement.picked], ['ACSD-8']);
      assert.equal(unknownReplacement.replaced, undefined);
    });

    it('picks nothing without a patch asked for', () => {
      assert.equal(applyChoices(result, none).picked.size, 0);
    });
  });

  describe('withRequirements', () => {
    it('puts each requirement before the patch that needs it, once', () => {
      assert.deepEqual(withRequirements(result, catalog.patches, ['ACSD-1'], none), {
        ids: ['ACSD-2', 'ACSD-3', 'ACSD-1'],
        added: ['ACSD-2', 'ACSD-3'],
      });
      assert.deepEqual(withRequirements(result, catalog.patches, ['ACSD-3', 'ACSD-1'], none), {
        ids: ['ACSD-3', 'ACSD-2', 'ACSD-1'],
        added: ['ACSD-2'],
      });
    });

    it('leaves out requirements already applied and those no catalog knows', () => {
      assert.deepEqual(withRequirements(result, catalog.patches, ['ACSD-1'], new Set(['ACSD-2'])), {
        ids: ['ACSD-3', 'ACSD-1'],
        added: ['ACSD-3'],
      });
      assert.deepEqual(withRequirements(result, catalog.patches, ['ACSD-9'], none), { ids: ['ACSD-9'], added: [] });
    });
  });

  it('deprecatedAmong names the deprecated patches of a list, in order', () => {
    assert.deepEqual(
      deprecatedAmong(result, ['ACSD-8', 'ACSD-1', 'ACSD-4', 'ACSD-404']).map((p) => p.patch.id),
      ['ACSD-8', 'ACSD-4'],
    );
  });
});
