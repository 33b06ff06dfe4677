import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, parseDocument, visit } from '../yaml';
import { lineColumnAt, stripBom } from '../lock/jsonText';
import type { Problem } from '../problem';
import { deepFlowNesting, MAX_FLOW_NESTING } from '../text/flowNesting';
import { quote } from '../text/quote';
import { t } from '../text/translate';
import { readCuratedCatalog } from './curated';
import type { LoadedFile } from './entry';
import { type Issue, type PathSegment } from './issues';

/**
 * Reads a catalog written in our YAML schema (see patches.yaml). Problems carry the line and column of the bad
 * key or value; a file that is not valid YAML is one problem at the first syntax error. Time grows linearly with
 * the file: the parser's own duplicate-key check (quadratic in the number of keys of a mapping) is replaced by one
 * pass with a set per mapping, and the parser's warnings become problems instead of lines on the console.
 */
export function readYamlCatalog(text: string, file: string): LoadedFile {
  const lineCounter = newLineCounter();
  const deep = deepFlowNesting(text);
  if (deep !== undefined) {
    const message = t('invalid YAML: {0}', t('brackets nested more than {0} deep', MAX_FLOW_NESTING));
    return {
      file,
      kind: 'yaml',
      entries: [],
      problems: [{ severity: 'error', file, ...lineColumnAt(text, deep), message }],
    };
  }
  const doc = parseDocument(stripBom(text), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    logLevel: 'silent',
  });
  const fail = (offset: number, message: string): LoadedFile => {
    const pos = lineCounter.linePos(offset);
    return {
      file,
      kind: 'yaml',
      entries: [],
      problems: [
        { severity: 'error', file, line: pos.line, column: pos.col, message: t('invalid YAML: {0}', message) },
      ],
    };
  };
  if (doc.errors.length > 0) return fail(doc.errors[0].pos[0], doc.errors[0].message.split('\n')[0]);
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined)
    return fail(duplicate.offset, t('the key {0} appears twice in one mapping', quote(duplicate.key)));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return {
      file,
      kind: 'yaml',
      entries: [],
      problems: [{ severity: 'error', file, message: t('invalid YAML: {0}', (e as Error).message) }],
    };
  }
  const { entries, issues } = readCuratedCatalog(data);
  const problems = issues.map((i) => locate(doc, lineCounter, file, i));
  for (const w of doc.warnings) {
    const pos = lineCounter.linePos(w.pos[0]);
    problems.push({
      severity: 'warning',
      file,
      line: pos.line,
      column: pos.col,
      message: t('YAML warning: {0}', w.message.split('\n')[0]),
    });
  }
  return { file, kind: 'yaml', entries, problems };
}

/** The first key that a mapping holds twice (scalar keys, compared as text), with where it is. */
function firstDuplicateKey(doc: Document): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          found = { key, offset: pair.key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** The pairs of a mapping by key text, built once per mapping: locating thousands of problems stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items) {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!index.has(k)) index.set(k, p);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** Turns an issue at a data path into a problem at the line and column of that node in the document. */
function locate(doc: Document, lines: LineCounter, file: string, issue: Issue): Problem {
  const node = nodeAt(doc.contents, issue.path, issue.atKey === true);
  const problem: Problem = { severity: issue.severity, file, message: issue.message };
  if (node?.range) {
    const { line, col } = lines.linePos(node.range[0]);
    problem.line = line;
    problem.column = col;
  }
  return problem;
}

/** The node at `path` (its key when `atKey`), or the deepest node found on the way. */
function nodeAt(root: Node | null, path: PathSegment[], atKey: boolean): Node | null {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (pair === undefined) return node;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (last && atKey) return key ?? node;
      if (value === null || value === undefined) return key ?? node;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}
