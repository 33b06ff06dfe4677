import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUNDLED_CATALOG, bundledCatalog } from '../../../../src/core/catalog/bundled';
import { loadCatalog } from '../../../../src/core/catalog/load';
import type { PatchTarget } from '../../../../src/core/catalog/patch';
import { LOCALES, type LocalizedText } from '../../../../src/core/locale';
import { realworld, requireRealworld } from '../../../support/realworld';

/** patches.yaml alone, without the facts of every QPT patch (see catalog-facts.test.ts). */
const bundled = () => loadCatalog({ bundled: true, facts: false });

describe('catalog: bundled patches.yaml', () => {
  it('loads without a problem', () => {
    assert.deepEqual(bundledCatalog().problems, []);
    assert.ok(bundledCatalog().entries.length >= 11);
    assert.deepEqual(bundled().sources, [{ file: BUNDLED_CATALOG, kind: 'bundled' }]);
  });

  it('is checked once and shared, frozen so that no load can change the patches of the next', () => {
    assert.equal(bundledCatalog(), bundledCatalog());
    const a = bundled();
    const targets = a.patches.get('ACSD-61103')!.targets as PatchTarget[];
    assert.throws(() => targets.push({ package: 'x/y', constraint: '*', require: [], deprecated: false }), TypeError);
    assert.throws(() => ((a.patches.get('ACSD-61103')!.title as LocalizedText).en = 'changed'), TypeError);
    const b = bundled();
    assert.equal(b.patches.get('ACSD-61103')?.targets.length, 1);
    assert.notEqual(b.patches.get('ACSD-61103')?.title.en, 'changed');
  });

  it('knows every fact about ACSD-61103', () => {
    const p = bundled().patches.get('ACSD-61103');
    assert.ok(p);
    assert.deepEqual(p.targets, [
      {
        package: 'magento/magento2-base',
        constraint: '>=2.4.6 <2.4.7',
        file: 'os/ACSD-61103_2.4.6-p3.patch',
        require: [],
        replacedWith: undefined,
        deprecated: false,
      },
    ]);
    assert.deepEqual(p.categories, ['Customer', 'Web API']);
    assert.deepEqual(p.components, [
      'magento/framework',
      'magento/module-customer',
      'magento/module-customer-graph-ql',
      'magento/module-integration',
    ]);
    assert.equal(p.qptVersion, '1.1.54');
    assert.equal(p.fixedIn, '2.4.8');
    assert.equal(p.docsPath, 'v1-1-54/acsd-61103-customer-entity-failure-count-not-reset-after-login');
    assert.equal(p.origin, 'Adobe Commerce Support');
    assert.equal(p.deprecated, false);
    for (const lang of LOCALES) {
      assert.ok((p.title[lang] ?? '').length > 10, `title in ${lang}`);
      assert.ok((p.description?.[lang] ?? '').length > 40, `description in ${lang}`);
    }
    assert.match(p.description?.en ?? '', /failures_num/);
  });

  it('has a deprecated patch with its replacement, and a patch that needs another', () => {
    const patches = bundled().patches;
    const old = patches.get('ACSD-51683');
    assert.equal(old?.deprecated, true);
    assert.equal(old?.replacedWith, 'ACSD-57643');
    assert.ok(patches.has('ACSD-57643'));
    const needy = patches.get('ACSD-50336');
    assert.deepEqual(needy?.require, ['ACSD-48366']);
    assert.deepEqual(
      needy?.targets.map((t) => t.require),
      [[], ['ACSD-48366']],
    );
    // Only some ranges deprecated: the patch as a whole is not.
    const mixed = patches.get('ACSD-49970-V3');
    assert.equal(mixed?.deprecated, false);
    assert.equal(mixed?.replacedWith, 'ACSD-54095');
    assert.deepEqual(
      mixed?.targets.map((t) => t.deprecated),
      [true, true, false],
    );
  });

  it('has English titles and translations for every patch', () => {
    for (const p of bundled().patches.values()) {
      for (const lang of LOCALES) assert.ok(p.title[lang], `${p.id} title in ${lang}`);
    }
  });

  describe('against the real data', function () {
    before(function () {
      requireRealworld(this);
    });

    type QptPatch = {
      title: string;
      categories: string[];
      packages: Record<
        string,
        Record<string, { file: string; require?: string[]; 'replaced-with'?: string; deprecated?: boolean }>
      >;
    };
    type InfoPatch = { id: string; components: string[]; categories: string[]; origin: string };
    const support = () =>
      JSON.parse(readFileSync(realworld('qpt-1.1.82', 'support-patches.json'), 'utf8')) as Record<string, QptPatch>;
    const info = () =>
      JSON.parse(readFileSync(realworld('qpt-1.1.82', 'patches-info.json'), 'utf8')) as { patches: InfoPatch[] };

    it('agrees with QPT 1.1.82 on every constraint, file, requirement, replacement, category and component', () => {
      const qpt = support();
      const infoById = new Map(info().patches.map((p) => [p.id, p]));
      for (const p of bundled().patches.values()) {
        const q = qpt[p.id];
        assert.ok(q, `${p.id} is in QPT 1.1.82`);
        const expected = Object.entries(q.packages).flatMap(([pkg, ranges]) =>
          Object.entries(ranges).map(([constraint, d]) => ({
            package: pkg,
            constraint,
            file: d.file,
            require: d.require ?? [],
            replacedWith: d['replaced-with'],
            deprecated: d.deprecated ?? d['replaced-with'] !== undefined,
          })),
        );
        assert.deepEqual(p.targets, expected, p.id);
        assert.deepEqual(p.categories, q.categories, p.id);
        assert.deepEqual(p.components, infoById.get(p.id)?.components, p.id);
        assert.equal(p.origin, infoById.get(p.id)?.origin, p.id);
      }
    });

    it('ACSD-61103 arrived in QPT 1.1.54', () => {
      const older = JSON.parse(readFileSync(realworld('qpt-1.1.54', 'support-patches.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      assert.ok('ACSD-61103' in older);
    });

    it('words its texts itself: no run of words from the QPT titles or the ACSD-61103 article', () => {
      const qpt = support();
      const sources = ['en', 'sv-SE', 'fr-FR', 'ja-JP'].map((l) =>
        readFileSync(realworld('docs-acsd-61103', `acsd-61103.${l}.md`), 'utf8'),
      );
      sources.push(...Object.values(qpt).map((p) => p.title));
      const norm = (s: string) =>
        s
          .toLowerCase()
          .replace(/[`"'’«»「」“”*_[\]()!]/g, ' ')
          .replace(/\s+/g, ' ');
      const corpus = norm(sources.join('\n'));
      for (const p of bundled().patches.values()) {
        for (const text of [...Object.values(p.title), ...Object.values(p.description ?? {})]) {
          const t = norm(text);
          if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(t)) {
            // Japanese has no spaces: no 10 Japanese characters in a row may come from the sources (identifiers
            // such as customer_entity are facts and are left out).
            const ascii = /[\x00-\x7f]+/g; // eslint-disable-line no-control-regex -- all of ASCII, controls included
            const jaCorpus = corpus.replace(ascii, '|');
            for (const run of t.split(ascii)) {
              for (let i = 0; i + 10 <= run.length; i++)
                assert.ok(!jaCorpus.includes(run.slice(i, i + 10)), `${p.id}: "${run.slice(i, i + 10)}"`);
            }
          } else {
            const words = t.split(' ').filter(Boolean);
            for (let i = 0; i + 7 <= words.length; i++) {
              const run = words.slice(i, i + 7).join(' ');
              assert.ok(!corpus.includes(run), `${p.id}: "${run}"`);
            }
          }
        }
      }
    });
  });
});
