import { basename, extname, join, resolve } from 'node:path';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import type { Project } from '../lock/project';
import { parseJsonText } from '../lock/jsonText';
import { readFailure } from '../lock/read';
import { InputError, type Problem } from '../problem';
import { shortText } from '../text/quote';
import { t } from '../text/translate';
import { bundledCatalog } from './bundled';
import { bundledFacts } from './bundledFacts';
import { CatalogCache } from './catalogCache';
import type { LoadedFile } from './entry';
import { byFreshness, markNewPatches } from './layers';
import type { Catalog, CatalogKind, CatalogLayer } from './patch';
import { qptJsonShape, readQptInfo, readQptPatches } from './qptJson';
import { fetchedDir, readCacheInfo } from './update/cache';
import type * as YamlCatalog from './yamlCatalog';

export interface LoadCatalogOptions {
  /** Include the bundled catalog: patches.yaml and the facts of every QPT patch (default true). */
  bundled?: boolean;
  /** Include the bundled facts of every QPT patch (default: as `bundled`); false leaves only patches.yaml. */
  facts?: boolean;
  /** Adds the QPT metadata installed in the project's `<vendor-dir>/magento/quality-patches/`. */
  project?: Project;
  /** Adds the last good copy of fetched QPT metadata kept in this cache folder (see `update/cache.ts`), if any. */
  cacheDir?: string;
  /** More catalog files: `.yaml`/`.yml` in our schema, `.json` in a QPT format (known by QPT's file name, else by shape). */
  extraFiles?: string[];
  /** Files already read and catalogs already merged in this run, shared with other loads (default: none). */
  cache?: CatalogCache;
}

/** The QPT metadata files, in load order. */
const QPT_FILES: [string, CatalogKind][] = [
  ['support-patches.json', 'qpt-support'],
  ['community-patches.json', 'qpt-community'],
  ['patches-info.json', 'qpt-info'],
];

/**
 * Loads and merges, by patch ID: the bundled patches.yaml; then QPT's metadata, oldest first so that the freshest
 * wins: the bundled facts, the project's installed metadata and the fetched copy; then the extra files (see
 * `mergeCatalog` for who wins; hand-written titles always stay). A file given twice is read once; with a
 * `cache`, files and merged catalogs are shared with the other loads of the run. Broken entries and unreadable
 * files end up in `problems`; this never throws for bad input.
 */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  const cache = options.cache ?? new CatalogCache();
  return cache.loaded(
    () => loadContext(options),
    () => loadNow(options, cache),
  );
}

/**
 * What a load's result depends on besides the files it reads: its options, every one of them (a new option counts
 * without a change here), with paths made absolute; of the project, where its vendor folder is and which QPT
 * version its lock names.
 */
function loadContext(options: LoadCatalogOptions): string {
  const { cache: _cache, project, ...rest } = options;
  return JSON.stringify({
    ...rest,
    cacheDir: rest.cacheDir === undefined ? undefined : resolve(rest.cacheDir),
    extraFiles: rest.extraFiles?.map((f) => resolve(f)),
    project: project === undefined ? undefined : { vendorDir: resolve(project.vendorDir), qpt: project.qpt.installed },
  });
}

function loadNow(options: LoadCatalogOptions, cache: CatalogCache): Catalog {
  const files: LoadedFile[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const bundled = options.bundled ?? true;
  if (bundled) files.push(bundledCatalog());
  const layers: LoadedFile[] = [];
  const facts = (options.facts ?? bundled) ? bundledFacts() : undefined;
  if (facts !== undefined) layers.push(facts);
  if (options.project !== undefined) layers.push(...installedQpt(options.project, seen, problems, cache));
  if (options.cacheDir !== undefined) {
    const fetched = fetchedQpt(options.cacheDir, seen, problems, cache);
    if (facts !== undefined) markNewPatches(fetched, facts);
    layers.push(...fetched);
  }
  files.push(...byFreshness(layers));
  for (const extra of options.extraFiles ?? []) {
    const file = resolve(extra);
    if (seen.has(file)) continue;
    seen.add(file);
    files.push(cache.file(file, () => readCatalogFile(file)));
  }
  const merged = cache.merge(files);
  // The merged catalog may be shared: this load's own problems go to a catalog object of its own.
  return {
    patches: merged.patches,
    sources: merged.sources,
    problems: [...merged.problems, ...problems],
    inIdOrder: merged.inIdOrder,
  };
}

/** Loads only the given files (QPT JSON or our YAML), without the bundled catalog: for `--catalog` and benchmarks. */
export function loadCatalogFiles(files: string[]): Catalog {
  return loadCatalog({ bundled: false, extraFiles: files });
}

/** The folder that holds the installed QPT metadata. */
export function qptMetadataDir(project: Project): string {
  return join(project.vendorDir, 'magento', 'quality-patches');
}

/** The QPT metadata files in `dir` that exist (a missing file is normal), as one layer; each file is read once per run. */
function qptMetadata(
  dir: string,
  layer: CatalogLayer,
  seen: Set<string>,
  problems: Problem[],
  cache: CatalogCache,
): LoadedFile[] {
  const loaded: LoadedFile[] = [];
  for (const [name, kind] of QPT_FILES) {
    const file = join(dir, name);
    seen.add(file);
    const read = cache.file(file, () => {
      try {
        const read = readJsonCatalog(readTextFile(file, FILE_LIMITS.catalog), file, kind);
        read.layer = layer;
        return read;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const missing = code === 'ENOENT' || code === 'ENOTDIR';
        return {
          file,
          kind,
          entries: [],
          problems: missing ? [] : [{ severity: 'error', file, message: readFailure(code, e) }],
          missing,
        };
      }
    });
    if ('missing' in read) {
      problems.push(...read.problems);
      continue;
    }
    loaded.push(read);
  }
  return loaded;
}

/** The last good copy of fetched metadata, when there is one; its version is the one it was fetched as. */
function fetchedQpt(cacheDir: string, seen: Set<string>, problems: Problem[], cache: CatalogCache): LoadedFile[] {
  const info = readCacheInfo(cacheDir);
  if (info === undefined) return [];
  const version = info.qpt;
  return qptMetadata(fetchedDir(cacheDir), 'fetched', seen, problems, cache).map((f) =>
    f.version === version ? f : cache.file(`${f.file}\u0000${version}`, () => ({ ...f, version })),
  );
}

/** The installed QPT metadata files that exist (a missing file is normal); the QPT version is their version. */
function installedQpt(project: Project, seen: Set<string>, problems: Problem[], cache: CatalogCache): LoadedFile[] {
  const dir = qptMetadataDir(project);
  let loaded = qptMetadata(dir, 'installed', seen, problems, cache);
  const version = project.qpt.installed ?? loaded.find((f) => f.version !== undefined)?.version;
  // Files read once are shared: the version goes to a copy, kept per file and version.
  if (version !== undefined) {
    loaded = loaded.map((f) =>
      f.version === version ? f : cache.file(`${f.file}\u0000${version}`, () => ({ ...f, version })),
    );
  }
  if (loaded.length === 0 && project.qpt.installed !== null && problems.length === 0) {
    problems.push({
      severity: 'warning',
      file: dir,
      message: t(
        'magento/quality-patches {0} is in composer.lock but its metadata is not installed here (run composer install); the other catalogs are used without it',
        shortText(project.qpt.installed),
      ),
    });
  }
  return loaded;
}

/** Reads one catalog file of any supported format; problems (including an unreadable file) are in the result. */
export function readCatalogFile(file: string): LoadedFile {
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.catalog);
  } catch (e) {
    return failed(file, 'yaml', readFailure((e as NodeJS.ErrnoException).code, e));
  }
  const ext = extname(file).toLowerCase();
  const looksJson = ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\uFEFF?\s*[{[]/.test(text));
  return looksJson ? readJsonCatalog(text, file, qptKindByName(file)) : readYamlCatalog(text, file);
}

/**
 * The YAML reader, with the YAML library behind it, is loaded on the first YAML catalog: a command-line run with
 * JSON catalogs only (the bundled catalog is data built in) never loads it.
 */
function readYamlCatalog(text: string, file: string): LoadedFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./yamlCatalog') as typeof YamlCatalog).readYamlCatalog(text, file);
}

/** The kind of a file named like one of QPT's metadata files (it is read as that file), else undefined. */
function qptKindByName(file: string): CatalogKind | undefined {
  const name = basename(file).toLowerCase();
  for (const [qptName, kind] of QPT_FILES) if (name === qptName) return kind;
  return undefined;
}

/** A QPT JSON file; `kind` when known from its name (as QPT names it), else told from its shape. */
function readJsonCatalog(text: string, file: string, kind?: CatalogKind): LoadedFile {
  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { file, kind: kind ?? 'qpt-support', entries: [], problems: [e.problem] };
  }
  const shape = kind === undefined ? qptJsonShape(data) : kind === 'qpt-info' ? 'qpt-info' : 'qpt-patches';
  if (shape === 'qpt-info') return readQptInfo(data, file);
  if (shape === 'qpt-patches') {
    return readQptPatches(data, file, kind ?? (/community/i.test(basename(file)) ? 'qpt-community' : 'qpt-support'));
  }
  return failed(
    file,
    'qpt-support',
    t(
      'not a patch catalog: expected QPT metadata (support-patches.json, community-patches.json or patches-info.json format)',
    ),
  );
}

function failed(file: string, kind: CatalogKind, message: string): LoadedFile {
  return { file, kind, entries: [], problems: [{ severity: 'error', file, message }] };
}
