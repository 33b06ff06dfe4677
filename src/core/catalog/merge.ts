import { LOCALES, type LocalizedText } from '../locale';
import type { CatalogEntry, LoadedFile, Texts } from './entry';
import type { Catalog, CatalogSource, Patch, PatchTarget } from './patch';

/** Shared by every patch without such a list. */
const NONE: readonly string[] = Object.freeze([]);
const NO_TARGETS: readonly PatchTarget[] = Object.freeze([]);

/**
 * A patch while files are merged: the fields given so far (the last file that gives one wins), and which texts came
 * from a curated file. One fixed shape, filled by assignment: nothing of the files' entries is copied.
 */
class Accumulated {
  title: Texts | undefined = undefined;
  description: Texts | undefined = undefined;
  categories: readonly string[] | undefined = undefined;
  components: readonly string[] | undefined = undefined;
  origin: string | undefined = undefined;
  targets: readonly PatchTarget[] | undefined = undefined;
  require: readonly string[] | undefined = undefined;
  replacedWith: string | undefined = undefined;
  deprecated: boolean | undefined = undefined;
  qptVersion: string | undefined = undefined;
  fixedIn: string | undefined = undefined;
  docsPath: string | undefined = undefined;
  /** Bit i set: the title (description) in LOCALES[i] came from a curated file (bundled or user YAML). */
  curatedTitle = 0;
  curatedDescription = 0;
  sources: readonly string[] = NONE;
  constructor(readonly id: string) {}
}

/**
 * Merges catalog files by patch ID, in the order given. A later file's targets replace earlier targets as a whole
 * (installed QPT metadata, loaded after the bundled catalog, is what the installed tool can apply); categories,
 * components, origin, QPT version, fixed-in, docs path and patch-level require/replaced-with/deprecated: the last
 * file that gives them wins. Titles and descriptions merge per language, and a text from a curated file (the
 * bundled catalog or a user's YAML) is never replaced by QPT's English one.
 * The files are not modified; the patches share their read-only lists, targets and texts with them.
 */
export function mergeCatalog(files: LoadedFile[]): Catalog {
  const byId = new Map<string, Accumulated>();
  const sources: CatalogSource[] = [];
  const problems = files.flatMap((f) => f.problems);
  for (const file of files) {
    sources.push({ file: file.file, kind: file.kind, ...(file.version !== undefined ? { version: file.version } : {}) });
    const curated = file.kind === 'bundled' || file.kind === 'yaml';
    // Patches that came from the same files share one list of sources: one new list per list extended here.
    const extended = new Map<readonly string[], readonly string[]>();
    for (const incoming of file.entries) {
      let acc = byId.get(incoming.id);
      if (acc === undefined) {
        acc = new Accumulated(incoming.id);
        byId.set(incoming.id, acc);
      }
      mergeEntry(acc, incoming, curated);
      const before = acc.sources;
      if (before[before.length - 1] !== file.file) {
        let after = extended.get(before);
        if (after === undefined) {
          after = Object.freeze([...before, file.file]);
          extended.set(before, after);
        }
        acc.sources = after;
      }
    }
  }
  const patches = new Map<string, Patch>();
  for (const [id, acc] of byId) patches.set(id, toPatch(acc));
  return { patches, sources, problems };
}

function mergeEntry(a: Accumulated, e: CatalogEntry, curated: boolean): void {
  if (e.title !== undefined) {
    a.title = mergeTexts(a.title, e.title, a.curatedTitle, curated);
    if (curated) a.curatedTitle |= languageBits(e.title);
  }
  if (e.description !== undefined) {
    a.description = mergeTexts(a.description, e.description, a.curatedDescription, curated);
    if (curated) a.curatedDescription |= languageBits(e.description);
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

/** The merged patch. Lists and targets are the files' own (read-only, never copied); texts are copied only to add English. */
function toPatch(e: Accumulated): Patch {
  const targets = e.targets ?? NO_TARGETS;
  let require = NONE;
  let replacement: string | undefined | null; // null: the targets name different replacements
  let allDeprecated = targets.length > 0;
  for (const t of targets) {
    require = union(require, t.require);
    if (t.replacedWith !== undefined) replacement = replacement === undefined || replacement === t.replacedWith ? t.replacedWith : null;
    if (!t.deprecated) allDeprecated = false;
  }
  if (e.require !== undefined) require = union(require, e.require);
  // Every field is always present (optional ones may be undefined), so all patches share one shape.
  return {
    id: e.id,
    title: withEnglish(e.title, e.description?.en ?? e.id),
    description: e.description?.en === undefined ? undefined : withEnglish(e.description, e.description.en),
    categories: e.categories ?? NONE,
    components: e.components ?? NONE,
    origin: e.origin,
    targets,
    require,
    replacedWith: e.replacedWith ?? replacement ?? undefined,
    deprecated: e.deprecated === true || allDeprecated,
    qptVersion: e.qptVersion,
    fixedIn: e.fixedIn,
    docsPath: e.docsPath,
    sources: e.sources,
  };
}

/** `a` with the IDs of `b` it lacks; `a` or `b` itself when nothing needs adding (most patches require nothing). */
function union(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  let out: string[] | undefined;
  for (const id of b) if (!a.includes(id)) (out ??= [...a]).push(id);
  return out ?? a;
}

/** `texts` itself when it has English, else a copy with `fallback` as English; only languages that have a text. */
function withEnglish(texts: Texts | undefined, fallback: string): LocalizedText {
  if (texts?.en !== undefined) return texts as LocalizedText; // readers never set a language without its text
  const out: LocalizedText = { en: texts?.en ?? fallback };
  if (texts === undefined) return out;
  if (texts.sv !== undefined) out.sv = texts.sv;
  if (texts.fr !== undefined) out.fr = texts.fr;
  if (texts.ja !== undefined) out.ja = texts.ja;
  return out;
}

