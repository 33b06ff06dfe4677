import { join } from 'node:path';
import type * as vscode from 'vscode';
import { readCacheInfo } from '../../core/catalog/update/cache';
import type { UpdateResult } from '../../core/catalog/update/update';
import { OWN } from '../ids';
import { formatTime, t } from '../l10n';
import type { ProjectStore } from '../projects/store';
import { catalogUpdates, catalogUrl, setCatalogUpdates } from '../settings';

declare const PACKAGE_VERSION: string;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The download and its checks live in `dist/catalogUpdate.js` beside the extension's bundle (see build/build.mjs),
 * loaded on the first update only: they stay out of the code every start-up loads.
 */
function updateModule(): typeof import('../../core/catalog/update/update') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need, on purpose
  const loaded = require(join(__dirname, 'catalogUpdate.js')) as typeof import('../../core/catalog/update/update');
  // Its texts (why a download failed) go through VS Code's lookup too.
  loaded.useTranslate(t);
  return loaded;
}

/** Asks the user; resolves with the button chosen, or undefined. The integration tests script the answers. */
export type Ask = (message: string, buttons: readonly string[]) => Promise<string | undefined>;

/**
 * Keeps the fetched copy of QPT's metadata in the extension's global storage: on the command, and once a day when
 * the `commercePatches.catalogUpdates` setting allows it (`ask` asks first, at most once a day). Every outcome goes
 * to the output channel; an update that brings a new copy makes the store read the catalogs again.
 */
export class CatalogUpdates {
  private running: Promise<UpdateResult> | undefined;

  constructor(
    private readonly store: ProjectStore,
    private readonly cacheDir: string,
    private readonly output: vscode.OutputChannel,
    private readonly state: vscode.Memento,
    private readonly ask: () => Ask,
  ) {}

  /** Fetches now (the Update Patch Catalog command); one update at a time. */
  update(): Promise<UpdateResult> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** After start-up: fetches when a day has passed since the last check, as the setting says (asking first for `ask`). */
  async whenDue(now = Date.now()): Promise<UpdateResult | undefined> {
    const policy = catalogUpdates();
    if (policy === 'off' || this.store.commerce().length === 0) return undefined;
    const info = readCacheInfo(this.cacheDir);
    if (info !== undefined && now - Date.parse(info.checkedAt) < DAY_MS) return undefined;
    if (policy === 'ask') {
      const asked = this.state.get<number>(OWN.catalogAskedMemento);
      if (asked !== undefined && now - asked < DAY_MS) return undefined;
      await this.state.update(OWN.catalogAskedMemento, now);
      const update = t('Update Now');
      const daily = t('Update Daily');
      const never = t('Never');
      const choice = await this.ask()(
        t(
          'The bundled patch catalog is QPT {0}. Fetch the current one from {1}?',
          this.store.bundledVersion() ?? '?',
          hostOf(catalogUrl()),
        ),
        [update, daily, never],
      );
      if (choice === never) {
        await setCatalogUpdates('off');
        return undefined;
      }
      if (choice === daily) await setCatalogUpdates('daily');
      else if (choice !== update) return undefined;
    }
    return this.update();
  }

  private async run(): Promise<UpdateResult> {
    const url = catalogUrl();
    this.output.appendLine(t('Updating the patch catalog from {0}…', url));
    const result = await updateModule().updateCatalog({
      cacheDir: this.cacheDir,
      baseUrl: url,
      userAgent: `commerce-patch-triage/${PACKAGE_VERSION}`,
    });
    this.output.appendLine(result.message);
    if (result.info !== undefined) {
      this.output.appendLine(
        t(
          'Fetched catalog: QPT {0}, downloaded {1}, kept in {2}',
          result.info.qpt,
          formatTime(Date.parse(result.info.fetchedAt)),
          this.cacheDir,
        ),
      );
    }
    if (result.outcome === 'updated') this.store.refresh();
    return result;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
