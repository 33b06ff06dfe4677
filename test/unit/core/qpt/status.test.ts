import * as assert from 'node:assert/strict';
import { parseDetails, parseQptStatus, QptOutputError, unwrapTitle } from '../../../../src/core/qpt/status';

/** Built the way QPT prints it: PHP pretty JSON, escaped slashes, titles wrapped every 60 bytes. */
const OUTPUT = `[
    {
        "Id": "MDVA-39305-V3",
        "Title": "Checkout totals are recalculated twice when a cart price rul\\ne and a gift card are both present\\n",
        "Category": "Checkout\\nGift cards",
        "Origin": "Adobe Commerce Support",
        "Status": "Applied",
        "Details": "Patch type: Optional\\nRequired patches:\\n - ACSD-50002\\n - MDVA-1\\nAffected components:\\n - magento\\/module-sales-rule\\n - magento\\/module-gift-card-account"
    },
    {
        "Id": "magento\\/magento2\\/34529",
        "Title": "Short community title\\n",
        "Category": "Other",
        "Origin": "Magento OpenSource Community",
        "Status": "Not applied",
        "Details": "Patch type: Optional\\nAffected components:\\n - magento\\/module-catalog"
    },
    {
        "Id": "ACSD-50001",
        "Title": "Grid [export] ignores the {store} filter\\n",
        "Category": "Admin UI",
        "Origin": "Adobe Commerce Support",
        "Status": "N\\/A",
        "Details": "Patch type: DEPRECATED\\nRecommended replacement: ACSD-50002\\nAffected components:\\n - magento\\/module-catalog\\nRequirements:\\n - Needs a reindex after applying"
    }
]
`;

describe('qpt status output', () => {
  it('reads every row with its status, unwrapped title, categories and details', () => {
    const map = parseQptStatus(OUTPUT);
    assert.deepEqual([...map.keys()], ['MDVA-39305-V3', 'magento/magento2/34529', 'ACSD-50001']);
    assert.deepEqual(map.get('MDVA-39305-V3'), {
      id: 'MDVA-39305-V3',
      status: 'Applied',
      title: 'Checkout totals are recalculated twice when a cart price rule and a gift card are both present',
      categories: ['Checkout', 'Gift cards'],
      origin: 'Adobe Commerce Support',
      details:
        'Patch type: Optional\nRequired patches:\n - ACSD-50002\n - MDVA-1\nAffected components:\n' +
        ' - magento/module-sales-rule\n - magento/module-gift-card-account',
      type: 'Optional',
      deprecated: false,
      require: ['ACSD-50002', 'MDVA-1'],
      components: ['magento/module-sales-rule', 'magento/module-gift-card-account'],
    });
    assert.equal(map.get('magento/magento2/34529')?.status, 'Not applied');
    const na = map.get('ACSD-50001');
    assert.equal(na?.status, 'N/A');
    assert.equal(na?.title, 'Grid [export] ignores the {store} filter');
    assert.equal(na?.deprecated, true);
    assert.equal(na?.type, undefined);
    assert.equal(na?.replacedWith, 'ACSD-50002');
    assert.deepEqual(na?.components, ['magento/module-catalog']);
  });

  it('skips PHP notices, log lines and colour codes around the JSON', () => {
    const noisy =
      'PHP Deprecated:  Return type of Foo::getIterator() should be compatible [ReturnTypeWillChange] in /app/x.php on line 9\n' +
      '[2025-01-02 03:04:05] main.WARNING: cache [unclosed\n' +
      '[1, 2]x\n' +
      '\u001b[33mDeprecated:\u001b[0m something\n' +
      OUTPUT.replace(/\n/g, '\r\n') +
      'Deprecated: trailing notice [after] the list\n';
    const map = parseQptStatus('\uFEFF' + noisy);
    assert.equal(map.size, 3);
    assert.equal(map.get('ACSD-50001')?.status, 'N/A');
  });

  it('reads an empty list and compact JSON', () => {
    assert.equal(parseQptStatus('[]\n').size, 0);
    const compact = parseQptStatus(
      '[{"Id":"ACSD-1","Title":"T","Category":"","Origin":"","Status":"Applied","Details":""}]',
    );
    assert.deepEqual(compact.get('ACSD-1')?.categories, []);
    assert.equal(compact.get('ACSD-1')?.title, 'T');
  });

  it('says what it expected and quotes what came, for garbage', () => {
    assert.throws(
      () => parseQptStatus('Command "status" is not defined.\n\nDid you mean one of these?'),
      (e: unknown) =>
        e instanceof QptOutputError &&
        e.message.includes('magento-patches status --format=json') &&
        e.message.includes('the output starts with "Command \\"status\\" is not defined.'),
    );
    assert.throws(() => parseQptStatus(''), /but the output was empty/);
    assert.throws(() => parseQptStatus('  \n'), /but the output was empty/);
    assert.throws(() => parseQptStatus('[{"Id": "ACSD-1", "Status": "Applied"'), /output starts with "\[\{\\"Id\\"/);
    assert.throws(
      () => parseQptStatus('x'.repeat(500)),
      (e: unknown) => e instanceof Error && e.message.length < 400 && e.message.includes('...'),
    );
  });

  it('names the bad entry when the list has the wrong shape', () => {
    assert.throws(
      () => parseQptStatus('[{"Id":"ACSD-1","Status":"Applied"},[]]'),
      /Entry \[1\] of the QPT status list is "\[\]", expected an object/,
    );
    assert.throws(() => parseQptStatus('[1, 2]'), /output starts with "\[1, 2\]"/);
    assert.throws(
      () => parseQptStatus('[{"Status":"Applied"}]'),
      /Entry \[0\] of the QPT status list has no "Id" \(got nothing\)/,
    );
    assert.throws(
      () => parseQptStatus('[{"Id":"ACSD-1","Status":"Applied"},{"Id":"ACSD-2","Status":"Done"}]'),
      /Entry \[1\] of the QPT status list \(ACSD-2\) has "Status" "Done"; expected one of "Applied", "Not applied", "N\/A"/,
    );
  });

  it('tolerates missing optional columns', () => {
    const s = parseQptStatus('[{"Id":"ACSD-1","Status":"Not applied","Category":["A","B"]}]').get('ACSD-1');
    assert.deepEqual(s, {
      id: 'ACSD-1',
      status: 'Not applied',
      title: '',
      categories: ['A', 'B'],
      origin: '',
      details: '',
      deprecated: false,
      require: [],
      components: [],
    });
  });
});

describe('qpt title wrapping', () => {
  it('joins lines cut at 60 bytes, words split in two included', () => {
    const title = 'Failed login counter of a customer account stays set after a successful sign-in';
    assert.equal(unwrapTitle(`${title.slice(0, 60)}\n${title.slice(60)}\n`), title);
  });
  it('counts bytes, as PHP does, for non-ASCII titles', () => {
    const title = 'Fehler im Warenkorb: Größe wird nicht übernommen, wenn der Kunde ändert';
    const bytes = Buffer.from(title, 'utf8');
    const wrapped = bytes.subarray(0, 60).toString('utf8') + '\n' + bytes.subarray(60).toString('utf8') + '\n';
    assert.equal(unwrapTitle(wrapped), title);
  });
  it('turns other line breaks into spaces', () => {
    assert.equal(unwrapTitle('First line\nsecond line\n'), 'First line second line');
    assert.equal(unwrapTitle('No break'), 'No break');
    assert.equal(unwrapTitle('Windows line\r\n'), 'Windows line');
  });
});

describe('qpt status details', () => {
  it('reads type, replacement, required patches and components, ignoring other sections', () => {
    assert.deepEqual(
      parseDetails(
        'Patch type: Required\nRecommended replacement: ACSD-2\nRequired patches:\n - A-1\nRequirements:\n - run - twice\nAffected components:\n - magento/module-a',
      ),
      {
        type: 'Required',
        deprecated: false,
        replacedWith: 'ACSD-2',
        require: ['A-1'],
        components: ['magento/module-a'],
      },
    );
    assert.deepEqual(parseDetails(''), { deprecated: false, require: [], components: [] });
  });
});
