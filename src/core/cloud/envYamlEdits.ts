import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { QUALITY_PATCHES_PATH } from './envYamlDocument';
import type { TextEdit } from './textEdit';
import { column, lineAfter, lineEnd, lineStart, linesText, type YamlLayout } from './yamlLayout';

// The edits behind addQualityPatches / removeQualityPatches. Each touches only the lines or characters it must;
// IDs arrive already checked and formatted as YAML scalars.

/** Block lines `key:` / nested keys / `- ID` starting at column `col`. */
function blockLines(keys: readonly string[], ids: readonly string[], col: number, layout: YamlLayout): string[] {
  const lines: string[] = [];
  let c = col;
  keys.forEach((k, i) => {
    lines.push(' '.repeat(c) + k + ':');
    c += i === keys.length - 1 ? layout.seqIndent : layout.step;
  });
  return [...lines, ...ids.map((id) => ' '.repeat(c) + '- ' + id)];
}

/** `{build: {QUALITY_PATCHES: [A, B]}}` for inside flow collections. */
function flowValue(keys: readonly string[], ids: readonly string[]): string {
  return keys.length === 0 ? `[${ids.join(', ')}]` : `{${keys[0]}: ${flowValue(keys.slice(1), ids)}}`;
}

export function newContent(text: string, ids: readonly string[], layout: YamlLayout): string {
  return linesText(text, text.length, blockLines(QUALITY_PATCHES_PATH, ids, 0, layout), layout.eol);
}

export function appendToSeq(text: string, seq: YAMLSeq, ids: readonly string[], layout: YamlLayout): TextEdit[] {
  const items = seq.items as Node[];
  if (seq.flow) {
    if (items.length === 0) return [{ offset: flowEnd(seq), length: 0, newText: ids.join(', ') }];
    return [{ offset: items[items.length - 1].range?.[1] ?? flowEnd(seq), length: 0, newText: ', ' + ids.join(', ') }];
  }
  const last = items[items.length - 1];
  const dash = dashOffset(seq, last);
  const before = text.slice(lineStart(text, dash), dash);
  const indent = /^ *$/.test(before) ? before : ' '.repeat(column(text, dash));
  const at = lineAfter(text, last);
  return [
    {
      offset: at,
      length: 0,
      newText: linesText(
        text,
        at,
        ids.map((id) => `${indent}- ${id}`),
        layout.eol,
      ),
    },
  ];
}

export function addKey(
  text: string,
  map: YAMLMap,
  keys: readonly string[],
  ids: readonly string[],
  layout: YamlLayout,
): TextEdit[] {
  const pairs = map.items;
  if (map.flow) {
    const pair = `${keys[0]}: ${flowValue(keys.slice(1), ids)}`;
    if (pairs.length === 0) return [{ offset: flowEnd(map), length: 0, newText: pair }];
    const last = pairs[pairs.length - 1];
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range ?? [0, 0])[1];
    return [{ offset: end, length: 0, newText: ', ' + pair }];
  }
  const col = column(text, (pairs[0].key as Node).range?.[0] ?? 0);
  const at = lineAfter(text, map);
  return [{ offset: at, length: 0, newText: linesText(text, at, blockLines(keys, ids, col, layout), layout.eol) }];
}

/** `key:` / `key: ~` becomes `key:` followed by the nested lines (or `key: {...}` inside a flow mapping). */
export function fillNullValue(
  text: string,
  map: YAMLMap,
  pair: Pair,
  keys: readonly string[],
  ids: readonly string[],
  layout: YamlLayout,
): TextEdit[] {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const colon = colonAfter(text, key);
  const explicitEnd = value?.range && value.range[1] > value.range[0] ? value.range[1] : undefined;
  if (map.flow) {
    const newText = ' ' + flowValue(keys, ids);
    return [{ offset: colon + 1, length: explicitEnd === undefined ? 0 : explicitEnd - colon - 1, newText }];
  }
  const edits: TextEdit[] = [];
  if (explicitEnd !== undefined) edits.push({ offset: colon + 1, length: explicitEnd - colon - 1, newText: '' });
  const col = column(text, key.range?.[0] ?? 0) + (keys.length === 0 ? layout.seqIndent : layout.step);
  const lines = blockLines(keys, ids, col, layout);
  edits.push({ offset: lineEnd(text, explicitEnd ?? colon), length: 0, newText: layout.eol + lines.join(layout.eol) });
  return edits;
}

export function removeFromBlockSeq(text: string, seq: YAMLSeq, removed: readonly boolean[]): TextEdit[] {
  const edits: TextEdit[] = [];
  (seq.items as Node[]).forEach((item, i) => {
    if (!removed[i]) return;
    const dash = dashOffset(seq, item);
    const start = /^[ \t]*$/.test(text.slice(lineStart(text, dash), dash)) ? lineStart(text, dash) : dash;
    edits.push({ offset: start, length: lineAfter(text, item) - start, newText: '' });
  });
  return edits;
}

/** Deletes each run of removed entries with the commas around it: `[A, B, C]` minus B is `[A, C]`. */
export function removeFromFlowSeq(text: string, seq: YAMLSeq, removed: readonly boolean[]): TextEdit[] {
  const items = seq.items as Node[];
  if (removed.every(Boolean)) {
    // Everything goes, trailing comma included: `[ACSD-1, ]` becomes `[]`.
    const close = flowEnd(seq);
    const open = text.lastIndexOf('[', items[0]?.range?.[0] ?? close);
    return [{ offset: open + 1, length: close - open - 1, newText: '' }];
  }
  const start = (i: number): number => items[i].range?.[0] ?? 0;
  const end = (i: number): number => items[i].range?.[1] ?? 0;
  const edits: TextEdit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!removed[i]) continue;
    let j = i;
    while (j + 1 < items.length && removed[j + 1]) j++;
    let from: number, to: number;
    if (j + 1 < items.length) [from, to] = [start(i), start(j + 1)];
    else if (i > 0) [from, to] = [end(i - 1), end(j)];
    else [from, to] = [start(i), end(j)];
    edits.push({ offset: from, length: to - from, newText: '' });
    i = j;
  }
  return edits;
}

/** Offset of the `-` that introduces a block sequence item. */
function dashOffset(seq: YAMLSeq, item: Node): number {
  const at = item.range?.[0] ?? 0;
  const token = seq.srcToken;
  if (token?.type !== 'block-seq') return at;
  const dashes = token.items.flatMap((it) =>
    it.start.filter((t) => t.type === 'seq-item-ind' && t.offset <= at).map((t) => t.offset),
  );
  return dashes.length === 0 ? at : Math.max(...dashes);
}

/** Offset of the closing `]` or `}` of a flow collection. */
function flowEnd(node: YAMLSeq | YAMLMap): number {
  const token = node.srcToken;
  if (token?.type === 'flow-collection') {
    const close = token.end.find((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end');
    if (close !== undefined) return close.offset;
  }
  return (node.range?.[1] ?? 1) - 1;
}

/** Offset of the `:` after a mapping key (skipping spaces, line breaks and comments). */
export function colonAfter(text: string, key: Node): number {
  let i = key.range?.[1] ?? 0;
  while (i < text.length && text[i] !== ':') {
    if (text[i] === '#') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else i++;
  }
  return i;
}
