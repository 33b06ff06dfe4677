import type { Node, YAMLSeq } from 'yaml';
import { isScalar } from '../yaml';
import { InputError, type Problem } from '../problem';
import { checkPatchIds, qptCommandLineId } from '../qpt/patchId';
import {
  ENV_YAML_FILE,
  problemAt,
  locateQualityPatches,
  parseEnvYaml,
  QUALITY_PATCHES_PATH,
  type EnvYamlDocument,
  type PathLocation,
} from './envYamlDocument';
import { t } from '../text/translate';
import { normalizeEdits, type TextEdit } from './textEdit';
import {
  addKey,
  appendToSeq,
  colonAfter,
  fillNullValue,
  newContent,
  removeFromBlockSeq,
  removeFromFlowSeq,
} from './envYamlEdits';
import { verifiedEdits } from './verifiedEdit';
import { detectLayout, yamlScalar, type YamlLayout } from './yamlLayout';

export { ENV_YAML_FILE };

/** Where a piece of the file is: offsets for edits, 1-based line and column for diagnostics. */
interface EnvYamlSpan {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** One entry of `stage.build.QUALITY_PATCHES`; the span covers the scalar as written (quotes included). */
export interface QualityPatchEntry extends EnvYamlSpan {
  id: string;
}

export interface QualityPatchesList {
  /** Entries in file order; duplicates are kept (each has its own place). */
  entries: QualityPatchEntry[];
  /** The `QUALITY_PATCHES` key, when present. */
  key?: EnvYamlSpan;
  /** Entries that are not patch IDs, or a QUALITY_PATCHES (or stage/build) of the wrong kind. */
  problems: Problem[];
}

function span(env: EnvYamlDocument, start: number, end: number): EnvYamlSpan {
  const pos = env.lines.linePos(start);
  return { offset: start, length: end - start, line: pos.line, column: pos.col };
}

/**
 * Reads `stage.build.QUALITY_PATCHES` from `.magento.env.yaml` text. A missing path gives no entries; invalid YAML
 * throws `InputError` (with line and column); a wrong shape is reported in `problems`.
 */
export function readQualityPatches(text: string, file: string = ENV_YAML_FILE): QualityPatchesList {
  const env = parseEnvYaml(text, file);
  let found: PathLocation;
  try {
    found = locateQualityPatches(env);
  } catch (e) {
    if (e instanceof InputError) return { entries: [], problems: [e.problem] };
    throw e;
  }
  const result: QualityPatchesList = { entries: [], problems: [] };
  if (found.depth >= QUALITY_PATCHES_PATH.length - 1 && found.pair !== undefined) {
    const key = found.pair.key as Node;
    if (key.range) result.key = span(env, key.range[0], key.range[1]);
  }
  for (const item of found.seq?.items ?? []) {
    const node = item as Node;
    if (isScalar(node) && typeof node.value === 'string' && node.range) {
      result.entries.push({ id: node.value, ...span(env, node.range[0], node.range[1]) });
    } else {
      result.problems.push(problemAt(env, node, t('A QUALITY_PATCHES entry must be a patch ID such as ACSD-61103.')));
    }
  }
  return result;
}

/**
 * Edits that add patch IDs to `stage.build.QUALITY_PATCHES`, creating the keys (or the whole content, for an empty
 * text) when missing. IDs go in upper-cased: `ece-patches apply` passes the list on to QPT as its command line does,
 * and QPT finds no other form (`magento/magento2/34528` fails the build, `MAGENTO/MAGENTO2/34528` applies). IDs
 * already listed, in any case, are skipped; the rest of the file is kept byte for byte. IDs must be well formed
 * (`PatchIdError` otherwise); invalid YAML or a path of the wrong kind throws `InputError`.
 */
export function addQualityPatches(text: string, ids: readonly string[], file: string = ENV_YAML_FILE): TextEdit[] {
  const wanted = ids.length === 0 ? [] : [...new Set(checkPatchIds(ids).map(qptCommandLineId))];
  return withoutBom(text, (body) => {
    const env = parseEnvYaml(body, file);
    const found = locateQualityPatches(env, true);
    const present = new Set(entryValues(found.seq).map((v) => v?.toUpperCase()));
    const adding = wanted.filter((id) => !present.has(id));
    if (adding.length === 0) return [];
    return verifiedEdits(
      body,
      file,
      () => normalizeEdits(additions(body, found, adding.map(yamlScalar), detectLayout(body, env.doc))),
      (current) => [...current, ...adding],
    );
  });
}

/**
 * Runs an edit on the text after a byte order mark (which the YAML parser does not count as a character of the first
 * line) and moves the edits back to the full text's offsets.
 */
function withoutBom(text: string, edit: (body: string) => TextEdit[]): TextEdit[] {
  if (text.charCodeAt(0) !== 0xfeff) return edit(text);
  return edit(text.slice(1)).map((e) => ({ ...e, offset: e.offset + 1 }));
}

function additions(text: string, found: PathLocation, ids: readonly string[], layout: YamlLayout): TextEdit[] {
  if (found.seq !== undefined) return appendToSeq(text, found.seq, ids, layout);
  if (found.map === undefined) return [{ offset: text.length, length: 0, newText: newContent(text, ids, layout) }];
  const missingKeys = QUALITY_PATCHES_PATH.slice(found.depth + (found.pair !== undefined ? 1 : 0));
  if (found.pair !== undefined) return fillNullValue(text, found.map, found.pair, missingKeys, ids, layout);
  return addKey(text, found.map, missingKeys, ids, layout);
}

/** The string entries of the list, in order (one per item; other items give undefined). */
function entryValues(seq: YAMLSeq | undefined): Array<string | undefined> {
  return (seq?.items ?? []).map((i) => (isScalar(i) && typeof i.value === 'string' ? i.value : undefined));
}

/**
 * Edits that remove every occurrence of the IDs, in any case, from `stage.build.QUALITY_PATCHES` (whole lines for a
 * block list).
 * Removing the last entry leaves `QUALITY_PATCHES: []`. Nothing to remove gives no edits.
 */
export function removeQualityPatches(text: string, ids: readonly string[], file: string = ENV_YAML_FILE): TextEdit[] {
  return withoutBom(text, (body) => {
    const env = parseEnvYaml(body, file);
    const found = locateQualityPatches(env, true);
    const seq = found.seq;
    const pair = found.pair;
    if (seq === undefined || pair === undefined) return [];
    const drop = new Set(ids.map(qptCommandLineId));
    const removed = entryValues(seq).map((v) => v !== undefined && drop.has(qptCommandLineId(v)));
    if (!removed.includes(true)) return [];
    const build = () => {
      const edits = seq.flow ? removeFromFlowSeq(body, seq, removed) : removeFromBlockSeq(body, seq, removed);
      if (!seq.flow && removed.every(Boolean))
        edits.push({
          offset: afterProperties(body, colonAfter(body, pair.key as Node) + 1),
          length: 0,
          newText: ' []',
        });
      return normalizeEdits(edits);
    };
    return verifiedEdits(body, file, build, (current) =>
      current.filter((v) => typeof v !== 'string' || !drop.has(qptCommandLineId(v))),
    );
  });
}

/** The offset after the anchor (`&qp`) and tag (`!!seq`) that may follow a key's colon on its line. */
function afterProperties(text: string, from: number): number {
  let i = from;
  for (;;) {
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '&' && text[j] !== '!') return i;
    while (j < text.length && !/[ \t\r\n]/.test(text[j])) j++;
    i = j;
  }
}
