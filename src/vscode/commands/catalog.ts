import type { UpdateResult } from '../../core/catalog/update/update';
import type { CatalogUpdates } from '../catalog/updates';
import type { ActionContext } from './context';

/** "Update Patch Catalog": fetches now and tells the user how it went; returns the result (for the tests). */
export async function updateCatalogCommand(updates: CatalogUpdates, ctx: ActionContext): Promise<UpdateResult> {
  const result = await updates.update();
  void ctx.prompts().message(result.outcome === 'failed' ? 'warning' : 'info', result.message, []);
  return result;
}
