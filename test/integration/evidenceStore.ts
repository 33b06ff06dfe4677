// The evidence-store fixture as the evidence integration tests use it: its folder, its exception.log, the lines the
// fixture's signatures match, and the extension with the store's one project.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ExtensionApi } from '../../src/extension';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import { extensionApi, setUserSetting } from './extensionApi';

export const ROOT = process.env.INTEGRATION_WORKSPACE ?? '';
export const LOG = join(ROOT, 'var', 'log', 'exception.log');
/** A line the signature of ACSD-90101 matches. */
export const TAX = 'report.CRITICAL: DivisionByZeroError: Division by zero in /app/Model/Order/Tax.php\n';
/** A line the signature of ACSD-90102 matches. */
export const GRAPHQL = 'report.ERROR: Cannot return null for non-nullable field "CartItem.uid" {"exception":"..."}\n';

/** The extension and the store's project, with new-evidence notifications set as asked (user setting). */
export async function evidenceStore(notify: boolean): Promise<{ api: ExtensionApi; entry: CommerceEntry }> {
  assert.ok(ROOT !== '', 'INTEGRATION_WORKSPACE is not set');
  const api = await extensionApi();
  await setUserSetting('notifyNewEvidence', notify);
  const [entry] = api.store.commerce();
  assert.ok(entry, 'the store is analysed');
  return { api, entry };
}
