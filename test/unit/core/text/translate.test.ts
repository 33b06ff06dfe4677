// Messages that core code writes (why a composer.lock or composer.json cannot be used) go through the lookup the
// front end sets: VS Code's l10n in the extension, the CLI's bundle lookup on the command line; English otherwise.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProject } from '../../../../src/core/lock/parse';
import { InputError } from '../../../../src/core/problem';
import { english, t, useTranslate } from '../../../../src/core/text/translate';
import { repoRoot } from '../../../support/realworld';

function problemOf(text: string): string {
  try {
    parseProject(text, '/shop/composer.lock');
  } catch (e) {
    if (e instanceof InputError) return e.problem.message;
    throw e;
  }
  assert.fail('no InputError');
}

describe('localization: messages written by core code', () => {
  afterEach(() => useTranslate(english));

  it('fills placeholders in English by default and leaves a missing argument visible', () => {
    assert.equal(
      t('package {0} needs a "version"', 'magento/magento2-base'),
      'package magento/magento2-base needs a "version"',
    );
    assert.equal(english('{0} of {1}', 3), '3 of {1}');
    assert.equal(english('{1} before {0}', 'a', 'b'), 'b before a');
    assert.equal(problemOf('{"packages": 3}'), 'not a composer.lock: "packages" must be a list');
  });

  it('goes through the lookup a front end sets, nested messages included', () => {
    const swedish = JSON.parse(readFileSync(join(repoRoot(), 'l10n', 'bundle.l10n.sv.json'), 'utf8')) as Record<
      string,
      string
    >;
    useTranslate((message, ...args) => english(swedish[message] ?? `MISSING ${message}`, ...args));
    assert.equal(problemOf('{"packages": 3}'), 'inte en composer.lock: ”packages” måste vara en lista');
    assert.equal(
      problemOf('{"packages": [{"name": "magento/magento2-base"}]}'),
      'inte en composer.lock: paketet magento/magento2-base måste ha en ”version”',
    );
    assert.match(problemOf('{"packages": [,]}'), /^ogiltig JSON: /);
  });
});
