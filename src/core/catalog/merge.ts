import { LOCALES, type LocalizedText } from '../locale';
import type { CatalogEntry, LoadedFile, Texts } from './entry';
import type { Catalog, CatalogSource, Patch, PatchTarget } from './patch';

/** A patch while files are merged: the merged entry, and which texts came from a curated file. */
class Accumulated {
  readonly entry: CatalogEntry;
  /** Bit i set: the title (description) in LOCALES[i] came from a curated file (bundled or user YAML). */
  curatedTitle = 0;
  curatedDescription = 0;
  readonly sources: string[] = [];
  constructor(first: CatalogEntry) {
    // A shallow copy: merging later files assigns fields on it, never on the file's own entry.
    this.entry = { ...first };
  }
}

/**
 * Merges catalog files by patch ID, in the order given. A later file's targets replace earlier targets as a whole
 * (installed QPT metadata, loaded after the bundled catalog, is what the installed tool can apply); categories,
 * components, origin, QPT version, fixed-in, docs path and patch-level require/replaced-with/deprecated: the last
 * file that gives them wins. Titles and descriptions merge per language, and a text from a curated file (the
 * bundled catalog or a user's YAML) is never replaced by QPT's English one.
 * The files are not modified, and the patches share no mutable objects with them.
 */
export function mergeCatalog(files: LoadedFile[]): Catalog {
  const byId = new Map<string, Accumulated>();
  const sources: CatalogSource[] = [];
  const problems = files.flatMap((f) => f.problems);
  for (const file of files) {
    sources.push({ file: file.file, kind: file.kind, ...(file.version !== undefined ? { version: file.version } : {}) });
    const curated = file.kind === 'bundled' || file.kind === 'yaml';
    for (const incoming of file.entries) {
      let acc = byId.get(incoming.id);
      if (acc === undefined) {
        acc = new Accumulated(incoming);
        byId.set(incoming.id, acc);
        if (curated) {
          if (incoming.title !== undefined) acc.curatedTitle = languageBits(incoming.title);
          if (incoming.description !== undefined) acc.curatedDescription = languageBits(incoming.description);
        }
      } else {
        mergeEntry(acc, incoming, curated);
      }
      if (acc.sources[acc.sources.length - 1] !== file.file) acc.sources.push(file.file);
    }
  }
  const patches = new Map<string, Patch>();
  for (const [id, acc] of byId) patches.set(id, toPatch(acc));
  return { patches, sources, problems };
}

function mergeEntry(acc: Accumulated, e: CatalogEntry, curated: boolean): void {
  const a = acc.entry;
  if (e.title !== undefined) {
    a.title = mergeTexts(a.title, e.title, acc.curatedTitle, curated);
    if (curated) acc.curatedTitle |= languageBits(e.title);
  }
  if (e.description !== undefined) {
    a.description = mergeTexts(a.description, e.description, acc.curatedDescription, curated);
    if (curated) acc.curatedDescription |= languageBits(e.description);
  }
  if (e.categories !== undefined && e.categories.length > 0) a.categories = e.categories;
  if (e.components !== undefined && e.components.length > 0) a.components = e.components;
  if (e.targets !== undefined && e.targets.length > 0) a.targets = e.targets;
  if (e.origin !== undefined) a.origin = e.origin;
  if (e.require !== undefined) a.require = e.require;
  if (e.replacedWith !== undefined) a.replacedWith = e.replacedWith;
  if (e.deprecated !== undefined) a.deprecated = e.deprecated;
  if (e.qptVersion !== undefined) a.qptVersion = e.qptVersion;
  if (e.fixedIn !== undefined) a.fixedIn = e.fixedIn;
  if (e.docsPath !== undefined) a.docsPath = e.docsPath;
}

/** Per language: the incoming text wins unless the current one is curated and the incoming one is not. */
function mergeTexts(current: Texts | undefined, incoming: Texts, curatedBits: number, curated: boolean): Texts {
  if (current === undefined) return incoming; // shared, never modified: every merge builds a new object
  const out: Texts = { ...current };
  for (let i = 0; i < LOCALES.length; i++) {
    const text = incoming[LOCALES[i]];
    if (text !== undefined && (curated || (curatedBits & (1 << i)) === 0)) out[LOCALES[i]] = text;
  }
  return out;
}

function languageBits(texts: Texts): number {
  let bits = 0;
  for (let i = 0; i < LOCALES.length; i++) if (texts[LOCALES[i]] !== undefined) bits |= 1 << i;
  return bits;
}

function toPatch(acc: Accumulated): Patch {
  const e = acc.entry;
  const targets: PatchTarget[] = [];
  const require: string[] = [];
  let replacement: string | undefined | null; // null: the targets name different replacements
  let allDeprecated = e.targets !== undefined && e.targets.length > 0;
  for (const t of e.targets ?? []) {
    targets.push(copyTarget(t));
    for (const r of t.require) if (!require.includes(r)) require.push(r);
    if (t.replacedWith !== undefined) replacement = replacement === undefined || replacement === t.replacedWith ? t.replacedWith : null;
    if (!t.deprecated) allDeprecated = false;
  }
  if (e.require !== undefined) for (const r of e.require) if (!require.includes(r)) require.push(r);
  // Every field is always present (optional ones may be undefined), so all patches share one shape.
  return {
    id: e.id,
    title: withEnglish(e.title, e.description?.en ?? e.id),
    description: e.description?.en === undefined ? undefined : withEnglish(e.description, e.description.en),
    categories: e.categories === undefined ? [] : [...e.categories],
    components: e.components === undefined ? [] : [...e.components],
    origin: e.origin,
    targets,
    require,
    replacedWith: e.replacedWith ?? replacement ?? undefined,
    deprecated: e.deprecated === true || allDeprecated,
    qptVersion: e.qptVersion,
    fixedIn: e.fixedIn,
    docsPath: e.docsPath,
    sources: acc.sources,
  };
}

function copyTarget(t: PatchTarget): PatchTarget {
  return {
    package: t.package,
    constraint: t.constraint,
    file: t.file,
    require: [...t.require],
    replacedWith: t.replacedWith,
    deprecated: t.deprecated,
  };
}

/** A copy of `texts` with English guaranteed (`fallback` when missing); only languages that have a text. */
function withEnglish(texts: Texts | undefined, fallback: string): LocalizedText {
  const out: LocalizedText = { en: texts?.en ?? fallback };
  if (texts === undefined) return out;
  if (texts.sv !== undefined) out.sv = texts.sv;
  if (texts.fr !== undefined) out.fr = texts.fr;
  if (texts.ja !== undefined) out.ja = texts.ja;
  return out;
}
