import { LOCALES, type LocalizedText } from '../locale';
import type { CatalogEntry, LoadedFile, Texts } from './entry';
import { inIdOrder } from './idOrder';
import type { Signature } from './signature';
import type { Catalog, CatalogSource, Patch, PatchTarget, TitleSource } from './patch';

/** Shared by every patch without such a list. */
const NONE: readonly string[] = Object.freeze([]);
const NO_TARGETS: readonly PatchTarget[] = Object.freeze([]);

/**
 * A patch while files are merged: what the files gave so far (the last file that gives a field wins). It becomes the
 * catalog's patch in place ({@link finish}): it has exactly a patch's fields, in one fixed shape, filled by
 * assignment, so nothing of the files' entries is copied and no second object is built.
 */
class MergingPatch {
  title: Texts | undefined = undefined;
  titleSource: TitleSource | undefined = undefined;
  description: Texts | undefined = undefined;
  categories: readonly string[] = NONE;
  components: readonly string[] = NONE;
  origin: string | undefined = undefined;
  targets: readonly PatchTarget[] = NO_TARGETS;
  /** Patch-level requirements while merging; the union with the targets' once finished. */
  require: readonly string[] = NONE;
  replacedWith: string | undefined = undefined;
  /** Undefined while no file has said. */
  deprecated: boolean | undefined = undefined;
  qptVersion: string | undefined = undefined;
  fixedIn: string | undefined = undefined;
  docsPath: string | undefined = undefined;
  metadata: Signature | undefined = undefined;
  sources: readonly string[] = NONE;
  constructor(readonly id: string) {}
}

/** Which languages of a patch's title and description came from a curated file (bit i: LOCALES[i]). */
interface CuratedLanguages {
  title: number;
  description: number;
}

/**
 * Merges catalog files by patch ID, in the order given. A later file's targets replace earlier targets as a whole
 * (installed QPT metadata, loaded after the bundled catalog, is what the installed tool can apply); categories,
 * components, origin, QPT version, fixed-in, docs path, evidence signature and patch-level require/replaced-with/deprecated: the last
 * file that gives them wins. Titles and descriptions merge per language, and a text from a curated file (the
 * bundled catalog or a user's YAML) is never replaced by QPT's English one.
 * The files are not modified; the patches share their read-only lists, targets and texts with them.
 */
export function mergeCatalog(files: LoadedFile[]): Catalog {
  const byId = new Map<string, MergingPatch>();
  const curatedById = new Map<string, CuratedLanguages>();
  const sources: CatalogSource[] = [];
  const problems = files.flatMap((f) => f.problems);
  for (const file of files) {
    sources.push({
      file: file.file,
      kind: file.kind,
      ...(file.version !== undefined ? { version: file.version } : {}),
      ...(file.layer !== undefined ? { layer: file.layer } : {}),
    });
    const curated = file.kind === 'bundled' || file.kind === 'yaml';
    const titleSource: TitleSource = curated ? 'curated' : (file.layer ?? 'extra');
    // Patches that came from the same files in a row share one list of sources.
    let lastBefore: readonly string[] | undefined;
    let lastAfter: readonly string[] = NONE;
    for (const incoming of file.entries) {
      let patch = byId.get(incoming.id);
      if (patch === undefined) {
        patch = new MergingPatch(incoming.id);
        byId.set(incoming.id, patch);
      }
      if (incoming.title !== undefined || incoming.description !== undefined) {
        mergeTexts(patch, incoming, curated, curatedById);
        if (incoming.title !== undefined && patch.titleSource !== 'curated') patch.titleSource = titleSource;
      }
      mergeFacts(patch, incoming);
      const before = patch.sources;
      if (before.length === 0 || before[before.length - 1] !== file.file) {
        if (before !== lastBefore) {
          lastBefore = before;
          lastAfter = Object.freeze([...before, file.file]);
        }
        patch.sources = lastAfter;
      }
    }
  }
  for (const patch of byId.values()) finish(patch);
  // Finished, each one is a Patch; kept in ID order, which every triage of the catalog goes by.
  const patches = new Map<string, Patch>();
  for (const patch of inIdOrder(byId.values() as unknown as Iterable<Patch>)) patches.set(patch.id, patch);
  return { patches, sources, problems, inIdOrder: true };
}

function mergeTexts(
  patch: MergingPatch,
  e: CatalogEntry,
  curated: boolean,
  curatedById: Map<string, CuratedLanguages>,
): void {
  let bits = curatedById.size === 0 ? undefined : curatedById.get(patch.id);
  if (curated && bits === undefined) {
    bits = { title: 0, description: 0 };
    curatedById.set(patch.id, bits);
  }
  if (e.title !== undefined) {
    patch.title = mergeLanguages(patch.title, e.title, bits?.title ?? 0, curated);
    if (curated) bits!.title |= languageBits(e.title);
  }
  if (e.description !== undefined) {
    patch.description = mergeLanguages(patch.description, e.description, bits?.description ?? 0, curated);
    if (curated) bits!.description |= languageBits(e.description);
  }
}

function mergeFacts(a: MergingPatch, e: CatalogEntry): void {
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
  if (e.metadata !== undefined) a.metadata = e.metadata;
}

/** Per language: the incoming text wins unless the current one is curated and the incoming one is not. */
function mergeLanguages(current: Texts | undefined, incoming: Texts, curatedBits: number, curated: boolean): Texts {
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

/**
 * Turns a merged patch into the catalog's patch: English title and description guaranteed, requirements of every
 * target included, deprecated when every target is (or a file said so), the targets' common replacement.
 */
function finish(p: MergingPatch): void {
  let require = NONE;
  let replacement: string | undefined | null; // null: the targets name different replacements
  let allDeprecated = p.targets.length > 0;
  for (const t of p.targets) {
    require = union(require, t.require);
    if (t.replacedWith !== undefined)
      replacement = replacement === undefined || replacement === t.replacedWith ? t.replacedWith : null;
    if (!t.deprecated) allDeprecated = false;
  }
  p.require = union(require, p.require);
  p.title = p.title?.en !== undefined ? p.title : withEnglish(p.title, p.description?.en ?? factsLabel(p));
  if (p.description !== undefined)
    p.description = p.description.en === undefined ? undefined : withEnglish(p.description, p.description.en);
  p.replacedWith ??= replacement ?? undefined;
  p.deprecated = p.deprecated === true || allDeprecated;
}

/** How many components a label made of facts names before it says "…". */
const LABEL_COMPONENTS = 3;

/**
 * A patch known only by its facts (no title in any catalog): its categories and first components, e.g.
 * `Customer, Web API · magento/framework, magento/module-customer, …`; its ID when it has neither.
 */
function factsLabel(p: MergingPatch): string {
  // Plain loops: this runs for every untitled patch on every load (about 1,100 with the bundled facts alone).
  let categories = '';
  for (let i = 0; i < p.categories.length; i++) categories += (i > 0 ? ', ' : '') + p.categories[i];
  let components = '';
  const shown = Math.min(p.components.length, LABEL_COMPONENTS);
  for (let i = 0; i < shown; i++) components += (i > 0 ? ', ' : '') + p.components[i];
  if (p.components.length > shown) components += ', …';
  if (categories === '') return components === '' ? p.id : components;
  return components === '' ? categories : `${categories} · ${components}`;
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
  const out: LocalizedText = { en: fallback };
  if (texts === undefined) return out;
  if (texts.sv !== undefined) out.sv = texts.sv;
  if (texts.fr !== undefined) out.fr = texts.fr;
  if (texts.ja !== undefined) out.ja = texts.ja;
  return out;
}
