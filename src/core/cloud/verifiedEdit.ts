import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from '../yaml';
import { InputError } from '../problem';
import { t } from '../text/translate';
import { QUALITY_PATCHES_PATH } from './envYamlDocument';
import { applyTextEdits, type TextEdit } from './textEdit';

/** The data of every document of a YAML text, or undefined when it does not parse cleanly. */
function documentsOf(text: string): unknown[] | undefined {
  const docs = parseAllDocuments(text, { logLevel: 'silent', merge: true });
  if (!Array.isArray(docs)) return [];
  const values: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) return undefined;
    try {
      values.push(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      return undefined;
    }
  }
  return values;
}

/** `data` (the first document) with `stage.build.QUALITY_PATCHES` set to `list`, creating the mappings it lacks. */
function withList(data: unknown, list: readonly unknown[]): unknown {
  const root: Record<string, unknown> = isRecord(data) ? { ...data } : {};
  let map = root;
  for (const key of QUALITY_PATCHES_PATH.slice(0, -1)) {
    // Only the mappings on the path are copied; the rest is shared with `data`, which is not changed.
    map[key] = isRecord(map[key]) ? { ...map[key] } : {};
    map = map[key] as Record<string, unknown>;
  }
  map[QUALITY_PATCHES_PATH[QUALITY_PATCHES_PATH.length - 1]] = [...list];
  return root;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The list `stage.build.QUALITY_PATCHES` holds in the data (merge keys resolved), or an empty list. */
export function listIn(data: unknown): unknown[] {
  let node: unknown = data;
  for (const key of QUALITY_PATCHES_PATH) node = isRecord(node) ? node[key] : undefined;
  return Array.isArray(node) ? node : [];
}

/**
 * Checks edits of `.magento.env.yaml` before anything is written: the text they give must parse, hold as many
 * documents, leave every other document and every other value as it was, and hold in `stage.build.QUALITY_PATCHES`
 * exactly the list `intended(current list)` asks for. Otherwise the edit is refused with an {@link InputError} and
 * nothing changes. `build` computes the edits; an error it throws for a layout it cannot handle is a refusal too.
 */
export function verifiedEdits(
  text: string,
  file: string,
  build: () => TextEdit[],
  intended: (current: readonly unknown[]) => unknown[],
): TextEdit[] {
  const before = documentsOf(text);
  let edits: TextEdit[];
  let after: unknown[] | undefined;
  try {
    edits = build();
    if (edits.length === 0) return edits;
    after = documentsOf(applyTextEdits(text, edits));
  } catch (e) {
    if (e instanceof InputError) throw e;
    after = undefined;
    edits = [];
  }
  if (before !== undefined && after !== undefined && Math.max(before.length, 1) === after.length) {
    const expected = withList(before[0], intended(listIn(before[0])));
    if (isDeepStrictEqual(after[0], expected) && isDeepStrictEqual(after.slice(1), before.slice(1))) return edits;
  }
  throw new InputError({
    severity: 'error',
    file,
    message: t(
      'This file is written in a way the edit cannot change safely (anchors, tags, merge keys, explicit keys or several documents around QUALITY_PATCHES); nothing was changed. Edit stage.build.QUALITY_PATCHES by hand.',
    ),
  });
}
