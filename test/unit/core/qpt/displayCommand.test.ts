import * as assert from 'node:assert/strict';
import { displayCommand } from '../../../../src/core/qpt/displayCommand';

describe('QPT command line as shown in the confirmation', () => {
  it('shows plain arguments as they are', () => {
    assert.equal(
      displayCommand({
        command: 'php',
        args: ['vendor/bin/magento-patches', 'apply', '-n', 'ACSD-61103', 'magento/magento2/34529'],
      }),
      'php vendor/bin/magento-patches apply -n ACSD-61103 magento/magento2/34529',
    );
  });

  it('quotes arguments with spaces, shell characters or quotes, so the text reads as the argument list it is', () => {
    assert.equal(
      displayCommand({ command: '/opt/my tools/qpt', args: ['status', '--format=json', '$(id)', "it's", 'a;b'] }),
      `'/opt/my tools/qpt' status --format=json '$(id)' 'it'\\''s' 'a;b'`,
    );
    assert.equal(displayCommand({ command: 'qpt', args: [''] }), "qpt ''");
  });
});
