import { type FileRead, recordReads, replayReads } from '../files/readRecord';
import type { LoadedFile } from './entry';
import { mergeCatalog } from './merge';
import type { Catalog } from './patch';

/**
 * Keeps loaded catalogs beyond one run (the command line keeps them in its cache folder). A kept catalog belongs
 * to the `context` of its load (the load's options) and to the files the load read, as they were.
 */
export interface CatalogStore {
  /** The catalog `load` makes in this context: one kept earlier, when the files it was made from have not changed. */
  catalog(context: string, load: () => Catalog): Catalog;
}

/**
 * Catalog files read once per run, and merged catalogs shared by every lock that uses the same files: a monorepo
 * of 2,000 locks with one `--catalog` reads and merges it once, not 2,000 times. The shared catalogs are read-only.
 * With a {@link CatalogStore}, whole loads are kept beyond the run too.
 */
export class CatalogCache {
  private readonly files = new Map<string, { value: LoadedFile; reads: FileRead[] }>();
  private readonly merged = new Map<string, Catalog>();
  private readonly ids = new WeakMap<LoadedFile, number>();
  private nextId = 0;

  constructor(private readonly store?: CatalogStore) {}

  /** The catalog that `load` makes in `context`: from the store when there is one and it has it. */
  loaded(context: () => string, load: () => Catalog): Catalog {
    return this.store === undefined ? load() : this.store.catalog(context(), load);
  }

  /** The file read under `key` (a path, or a path and a version), reading it with `read` the first time. */
  file(key: string, read: () => LoadedFile): LoadedFile {
    let file = this.files.get(key);
    if (file === undefined) {
      file = recordReads(read);
      this.files.set(key, file);
    } else {
      // Read once, used by every load of the run: each of them depends on what was read.
      replayReads(file.reads);
    }
    return file.value;
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
