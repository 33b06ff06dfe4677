import type { Document, LineCounter, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, newLineCounter, parseDocument } from '../yaml';
import { InputError, type Problem } from '../problem';
import { lineColumnAt } from '../lock/jsonText';
import { deepFlowNesting, MAX_FLOW_NESTING } from '../text/flowNesting';
import { quote } from '../text/quote';
import { t } from '../text/translate';

/** The setting's place in `.magento.env.yaml`: ece-tools applies these patches on every build. */
export const QUALITY_PATCHES_PATH = ['stage', 'build', 'QUALITY_PATCHES'] as const;

export const ENV_YAML_FILE = '.magento.env.yaml';

/** A parsed `.magento.env.yaml`, with what is needed to locate offsets. */
export interface EnvYamlDocument {
  text: string;
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** Parses the text; invalid YAML throws {@link InputError} with the first error's line and column. */
export function parseEnvYaml(text: string, file: string): EnvYamlDocument {
  const deep = deepFlowNesting(text);
  if (deep !== undefined) {
    const { line, column } = lineColumnAt(text, deep);
    throw new InputError({
      severity: 'error',
      file,
      line,
      column,
      message: t('Invalid YAML: {0}', t('brackets nested more than {0} deep', MAX_FLOW_NESTING)),
    });
  }
  const lines = newLineCounter();
  const doc = parseDocument(text, { keepSourceTokens: true, lineCounter: lines, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError({
      severity: 'error',
      file,
      line: pos.line,
      column: pos.col,
      message: t('Invalid YAML: {0}', message),
    });
  }
  return { text, file, doc, lines };
}

/** A problem located at the start of a node. */
export function problemAt(env: EnvYamlDocument, node: Node | null | undefined, message: string): Problem {
  const pos = env.lines.linePos(node?.range?.[0] ?? 0);
  return { severity: 'error', file: env.file, line: pos.line, column: pos.col, message };
}

/** An error at a node, as an {@link InputError}. */
function errorAt(env: EnvYamlDocument, node: Node | null | undefined, message: string): InputError {
  return new InputError(problemAt(env, node, message));
}

/** True for a value that holds nothing: `key:`, `key: ~`, `key: null`. */
function isNullValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/**
 * How far the QUALITY_PATCHES path exists. `map` is the deepest mapping on it; `depth` the number of keys found
 * (0: `map` is the top level, or absent for an empty file). When the key at `depth` is present with an empty
 * value, `pair` is that pair. When all three keys exist and hold a list, `seq` is set.
 */
export interface PathLocation {
  map?: YAMLMap;
  depth: number;
  pair?: Pair;
  pairIndex?: number;
  seq?: YAMLSeq;
}

/**
 * Follows `stage` → `build` → `QUALITY_PATCHES`; a mapping or list that is something else throws, naming it. A key
 * that a mapping takes from another through a merge key (`<<: *base`) is found there when reading; for an edit
 * (`forEdit`) such a mapping throws instead, since a key written beside `<<` would shadow the merged one.
 */
export function locateQualityPatches(env: EnvYamlDocument, forEdit = false): PathLocation {
  const root = env.doc.contents;
  if (root === null || (isScalar(root) && root.value === null && (root.source ?? '') === '')) return { depth: 0 };
  if (!isMap(root)) {
    throw errorAt(env, root, t('The top level must be a mapping of stages (stage:, ...), not {0}.', kindOf(root)));
  }
  let map: YAMLMap = root;
  for (let depth = 0; depth < QUALITY_PATCHES_PATH.length; depth++) {
    const key = QUALITY_PATCHES_PATH[depth];
    const pairIndex = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    if (pairIndex === -1) {
      const merge = map.items.find((p) => isScalar(p.key) && p.key.value === '<<');
      if (merge === undefined) return { map, depth };
      const name = QUALITY_PATCHES_PATH.slice(0, depth).join('.') || t('the top level');
      if (forEdit) {
        throw errorAt(
          env,
          merge.key as Node,
          t('{0} takes keys from another mapping with a merge key (<<); edit that mapping by hand.', name),
        );
      }
      const merged = mergedMapWith(env, merge.value as Node | null, key);
      if (merged === undefined) return { map, depth };
      map = merged;
      depth--;
      continue;
    }
    const pair = map.items[pairIndex];
    const value = pair.value as Node | null;
    const name = QUALITY_PATCHES_PATH.slice(0, depth + 1).join('.');
    if (isNullValue(value)) return { map, depth, pair, pairIndex };
    if (isAlias(value)) {
      throw errorAt(env, value, t('{0} is an alias (*{1}); edit the anchored value instead.', name, value.source));
    }
    if (depth === QUALITY_PATCHES_PATH.length - 1) {
      if (!isSeq(value)) throw errorAt(env, value, t('{0} must be a list of patch IDs, not {1}.', name, kindOf(value)));
      return { map, depth: depth + 1, pair, pairIndex, seq: value };
    }
    if (!isMap(value)) throw errorAt(env, value, t('{0} must be a mapping, not {1}.', name, kindOf(value)));
    map = value;
  }
  throw new Error('unreachable: the last key returns above');
}

/** The mapping a merge key's value (`*base` or `[*a, *b]`) brings in that holds `key`: the first one, as YAML merges. */
function mergedMapWith(env: EnvYamlDocument, value: Node | null, key: string): YAMLMap | undefined {
  const sources = isSeq(value) ? (value.items as Node[]) : [value];
  for (const source of sources) {
    const target = isAlias(source) ? source.resolve(env.doc) : source;
    if (isMap(target) && target.items.some((p) => isScalar(p.key) && p.key.value === key)) return target;
  }
  return undefined;
}

function kindOf(node: Node | null): string {
  if (isSeq(node)) return t('a list');
  if (isMap(node)) return t('a mapping');
  if (isScalar(node)) return t('the value {0}', quote(node.source ?? String(node.value)));
  return t('this value');
}
