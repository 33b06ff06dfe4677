import type { LoadedFile } from './entry';
import { mergeCatalog } from './merge';
import type { Catalog } from './patch';

/**
 * Catalog files read once per run, and merged catalogs shared by every lock that uses the same files: a monorepo
 * of 2,000 locks with one `--catalog` reads and merges it once, not 2,000 times. The shared catalogs are read-only.
 */
export class CatalogCache {
  private readonly files = new Map<string, LoadedFile>();
  private readonly merged = new Map<string, Catalog>();
  private readonly ids = new WeakMap<LoadedFile, number>();
  private nextId = 0;

  /** The file read under `key` (a path, or a path and a version), reading it with `read` the first time. */
  file(key: string, read: () => LoadedFile): LoadedFile {
    let file = this.files.get(key);
    if (file === undefined) {
      file = read();
      this.files.set(key, file);
    }
    return file;
  }

  /** The merge of exactly these files, in this order (see {@link mergeCatalog}), computed once. */
  merge(files: LoadedFile[]): Catalog {
    const key = files.map((f) => this.idOf(f)).join(',');
    let catalog = this.merged.get(key);
    if (catalog === undefined) {
      catalog = mergeCatalog(files);
      this.merged.set(key, catalog);
    }
    return catalog;
  }

  private idOf(file: LoadedFile): number {
    let id = this.ids.get(file);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(file, id);
    }
    return id;
  }
}
