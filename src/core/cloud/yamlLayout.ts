import type { Document, Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq, parse, visit } from '../yaml';

/** Where new lines go and how they are indented, read from the file itself so additions look like the rest. */
export interface YamlLayout {
  /** Line break used by the file (`\r\n` when it has any). */
  eol: string;
  /** Indentation of a nested mapping below its key. */
  step: number;
  /** Indentation of a block sequence's `-` below its key (0 for `key:\n- a`). */
  seqIndent: number;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** End of the line holding `offset` (before its line break; the line's comment included). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Where the content of a node really ends: collections' own ranges run on over trailing comments and blank lines. */
function contentEnd(node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) {
      const v = last.value as Node | null;
      if (v !== null && v.range) return contentEnd(v);
      return contentEnd(last.key as Node);
    }
    return contentEnd(last as Node);
  }
  return node.range ? node.range[1] : 0;
}

/** Start of the line after the one where `node`'s content ends: where sibling lines can be inserted. */
export function lineAfter(text: string, node: Node): number {
  const end = contentEnd(node);
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl === -1 ? text.length : nl + 1;
}

/** Text that inserts whole lines at a line start `at` (or at the end of a file lacking a final line break). */
export function linesText(text: string, at: number, lines: readonly string[], eol: string): string {
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) return eol + lines.join(eol);
  return lines.map((l) => l + eol).join('');
}

/** A patch ID as a YAML scalar: plain where YAML reads it back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  let plain: boolean;
  try {
    plain = parse(value) === value;
  } catch {
    plain = false;
  }
  return plain ? value : JSON.stringify(value);
}

/** Reads the file's line breaks and the indentation it uses for nested mappings and block sequences. */
export function detectLayout(text: string, doc: Document): YamlLayout {
  let step: number | undefined;
  let seqIndent: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isScalar(key) || !key.range || value === null || !value.range) return;
      if (!isMap(value) && !isSeq(value)) return;
      if (value.flow || text.slice(key.range[1], value.range[0]).indexOf('\n') === -1) return;
      const delta = column(text, value.range[0]) - column(text, key.range[0]);
      if (isMap(value) && step === undefined && delta > 0) step = delta;
      if (isSeq(value) && seqIndent === undefined && delta >= 0) seqIndent = delta;
      if (step !== undefined && seqIndent !== undefined) return visit.BREAK;
    },
  });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { eol, step: step ?? 2, seqIndent: seqIndent ?? step ?? 2 };
}
