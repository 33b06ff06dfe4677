// Every language has every string: the runtime bundles (l10n/bundle.l10n.<lang>.json) and the manifest strings
// (package.nls.<lang>.json) match their English files key for key, and no translation breaks a placeholder, a
// command link or a code span.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Bundle,
  buttonTargets,
  codeSpans,
  compareBundle,
  linkTargets,
  placeholders,
} from '../../support/bundleCheck';
import { LOCALES } from '../../../src/core/locale';
import { repoRoot } from '../../support/realworld';

const ROOT = repoRoot();
/** Every language besides English that the extension declares (src/core/locale.ts). */
const LANGUAGES = LOCALES.filter((l) => l !== 'en');

/** Texts that may read as in English: a product name, pure placeholders, and words French shares with English. */
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = {
  sv: new Set(['Cloud', 'Patch', '{0} ({1})', '{0}: {1}', '{0}:', '{0}; {1}']),
  fr: new Set(['Cloud', '{0} ({1})', 'Applicable']),
  ja: new Set(['Cloud', '{0} ({1})', '{0}: {1}', '{0}:']),
};
const sameAsEnglish = (lang: string) => SAME_AS_ENGLISH[lang] ?? new Set<string>();

function read(file: string): Bundle {
  const text = readFileSync(join(ROOT, file), 'utf8');
  try {
    return JSON.parse(text) as Bundle;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
}

describe('localization: bundles are complete in every language', () => {
  const files = [
    { english: 'l10n/bundle.l10n.json', translated: (lang: string) => `l10n/bundle.l10n.${lang}.json` },
    { english: 'package.nls.json', translated: (lang: string) => `package.nls.${lang}.json` },
  ];
  for (const { english, translated } of files) {
    for (const lang of LANGUAGES) {
      it(`${translated(lang)} has exactly the keys of ${english}, with placeholders, links and code intact`, () => {
        const issues = compareBundle(read(english), read(translated(lang)), sameAsEnglish(lang));
        assert.deepEqual(issues, [], `${translated(lang)}:\n  ${issues.join('\n  ')}`);
      });
    }
  }

  it('there is a bundle for every declared language and none for an undeclared one', () => {
    const found = (dir: string, pattern: RegExp) =>
      readdirSync(join(ROOT, dir))
        .flatMap((f) => pattern.exec(f)?.[1] ?? [])
        .sort();
    assert.deepEqual(found('l10n', /^bundle\.l10n\.([\w-]+)\.json$/), [...LANGUAGES].sort());
    assert.deepEqual(found('.', /^package\.nls\.([\w-]+)\.json$/), [...LANGUAGES].sort());
  });

  it('the English runtime bundle maps each text to itself', () => {
    for (const [key, text] of Object.entries(read('l10n/bundle.l10n.json'))) assert.equal(text, key);
  });

  it('French texts put a non-breaking space before a colon, as French typography wants', () => {
    for (const file of ['l10n/bundle.l10n.fr.json', 'package.nls.fr.json']) {
      for (const [key, text] of Object.entries(read(file))) {
        // "Filtre « x » : ..." yes; "command:..." inside a link target and "https:" no.
        // Link targets, code spans and quoted literals (« patches: ») are left as they are.
        const bare = String(text)
          .replace(/\]\([^)]*\)/g, '](…)')
          .replace(/`[^`]*`/g, '')
          .replace(/«[^»]*»/g, '«»');
        assert.doesNotMatch(bare, /[^\s\u00a0]:(\s|$)/, `${file} "${key}": ${String(text)}`);
        assert.doesNotMatch(bare, / :/, `${file} "${key}": a plain space before ":" can wrap; use U+00A0`);
      }
    }
  });

  it('Japanese texts use Japanese quotation marks and no English quotes', () => {
    for (const [key, text] of Object.entries(read('l10n/bundle.l10n.ja.json'))) {
      // Code spans (`[{"Id": ...}]`) quote JSON as it is.
      assert.doesNotMatch(String(text).replace(/`[^`]*`/g, ''), /[“”"«»]/, `"${key}": ${String(text)}`);
    }
  });
});

describe('localization: the bundle checker catches what breaks a translation', () => {
  const english = {
    Refresh: 'Refresh',
    '{0} of {1}': '{0} of {1}',
    welcome: 'Run `composer install` first.\n[Refresh](command:commercePatches.refresh)',
  };
  const good = {
    Refresh: 'Uppdatera',
    '{0} of {1}': '{1} 件中 {0} 件',
    welcome: 'Kör `composer install` först.\n[Uppdatera](command:commercePatches.refresh)',
  };

  it('accepts a complete translation, placeholders in another order included', () => {
    assert.deepEqual(compareBundle(english, good), []);
  });

  it('reports a missing key and a key English does not have', () => {
    const { Refresh: _dropped, ...rest } = good;
    assert.deepEqual(compareBundle(english, { ...rest, Extra: 'x' }), [
      'missing "Refresh"',
      '"Extra" is not in the English bundle',
    ]);
  });

  it('reports a lost, renumbered or doubled placeholder', () => {
    assert.match(
      compareBundle(english, { ...good, '{0} of {1}': '{0} av' }).join(),
      /placeholders \{0\}, English has \{0\} \{1\}/,
    );
    assert.match(compareBundle(english, { ...good, '{0} of {1}': '{0} av {2}' }).join(), /placeholders \{0\} \{2\}/);
    assert.match(compareBundle(english, { ...good, '{0} of {1}': '{0} av {0} {1}' }).join(), /placeholders/);
  });

  it('reports a broken, retargeted or inlined command link', () => {
    const spaced = compareBundle(english, {
      ...good,
      welcome: 'Kör `composer install` först.\n[Uppdatera] (command:commercePatches.refresh)',
    });
    assert.ok(
      spaced.some((i) => /broken link/.test(i)),
      spaced.join('\n'),
    );
    const retargeted = compareBundle(english, {
      ...good,
      welcome: 'Kör `composer install` först.\n[Uppdatera](command:commercePatches.refres)',
    });
    assert.ok(
      retargeted.some((i) => /links to command:commercePatches\.refres,/.test(i)),
      retargeted.join('\n'),
    );
    const inline = compareBundle(english, {
      ...good,
      welcome: 'Kör `composer install` först. [Uppdatera](command:commercePatches.refresh)',
    });
    assert.ok(
      inline.some((i) => /buttons/.test(i)),
      inline.join('\n'),
    );
  });

  it('reports a translated code span, an untranslated text and a value that is not a string', () => {
    assert.match(
      compareBundle(english, {
        ...good,
        welcome: 'Kör `composer installera` först.\n[Uppdatera](command:commercePatches.refresh)',
      }).join(),
      /code spans/,
    );
    assert.deepEqual(compareBundle(english, { ...good, Refresh: 'Refresh' }), ['"Refresh": not translated']);
    assert.deepEqual(compareBundle(english, { ...good, Refresh: 'Refresh' }, new Set(['Refresh'])), []);
    assert.deepEqual(compareBundle(english, { ...good, Refresh: 42 }), ['"Refresh": not a string']);
    assert.deepEqual(compareBundle(english, { ...good, Refresh: ' ' }), ['"Refresh": empty']);
  });

  it('extracts placeholders, links, buttons and code spans', () => {
    assert.deepEqual(placeholders('{1} x {0} {10}'), ['{0}', '{10}', '{1}']);
    assert.deepEqual(linkTargets('a [b](command:x?%5B%5D) [c](https://e.com/x)'), [
      'command:x?%5B%5D',
      'https://e.com/x',
    ]);
    assert.deepEqual(buttonTargets('text [inline](command:a)\n[Button](command:b)\n'), ['command:b']);
    assert.deepEqual(codeSpans('`a` and `${workspaceFolder}`'), ['${workspaceFolder}', 'a']);
  });
});
