import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, parseDocument } from '../yaml';
import { stripBom } from '../lock/jsonText';
import type { Problem } from '../problem';
import { t } from '../text/translate';
import { readCuratedCatalog } from './curated';
import type { LoadedFile } from './entry';
import type { Issue, PathSegment } from './validate';

/**
 * Reads a catalog written in our YAML schema (see patches.yaml). Problems carry the line and column of the bad
 * key or value; a file that is not valid YAML is one problem at the first syntax error.
 */
export function readYamlCatalog(text: string, file: string): LoadedFile {
  const lineCounter = newLineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const pos = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0];
    return {
      file,
      kind: 'yaml',
      entries: [],
      problems: [{ severity: 'error', file, line: pos.line, column: pos.col, message: t('invalid YAML: {0}', message) }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { file, kind: 'yaml', entries: [], problems: [{ severity: 'error', file, message: t('invalid YAML: {0}', (e as Error).message) }] };
  }
  const { entries, issues } = readCuratedCatalog(data);
  return { file, kind: 'yaml', entries, problems: issues.map((i) => locate(doc, lineCounter, file, i)) };
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
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
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
