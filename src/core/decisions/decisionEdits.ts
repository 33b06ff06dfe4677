import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar, parseDocument } from '../yaml';
import { colonAfter } from '../cloud/envYamlEdits';
import { normalizeEdits, type TextEdit } from '../cloud/textEdit';
import {
  column,
  detectLayout,
  lineAfter,
  lineEnd,
  lineStart,
  linesText,
  yamlScalar,
  type YamlLayout,
} from '../cloud/yamlLayout';
import { InputError } from '../problem';
import { checkPatchIds } from '../qpt/patchId';
import { t } from '../text/translate';
import { type Decision, DECISION_FIELDS, DECISIONS_FILE } from './decision';

// Minimal text edits to the decisions file: only the lines or values that change, so comments, order and the rest
// of the file stay byte for byte. What cannot be edited that way (flow style, invalid YAML) is refused.

function parse(text: string, file: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0];
    throw new InputError({
      severity: 'error',
      file,
      ...(pos !== undefined ? { line: pos.line, column: pos.col } : {}),
      message: t('Invalid YAML: {0}', error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')),
    });
  }
  return doc;
}

function refuse(file: string, text: string, node: Node | null | undefined, message: string): InputError {
  const at = node?.range?.[0] ?? 0;
  const line = text.slice(0, at).split('\n').length;
  return new InputError({ severity: 'error', file, line, column: column(text, at) + 1, message });
}

function fieldLines(d: Decision): string[] {
  return DECISION_FIELDS.filter((f) => d[f] !== undefined).map((f) => `${f}: ${yamlScalar(String(d[f]))}`);
}

function entryLines(d: Decision, col: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(col);
  return [`${pad}${yamlScalar(d.id)}:`, ...fieldLines(d).map((l) => pad + ' '.repeat(layout.step) + l)];
}

function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** The whole lines of a pair: from its key's line start to the line after its value. */
function pairLines(text: string, pair: Pair<Node, Node | null>): { offset: number; length: number } {
  const start = lineStart(text, pair.key.range?.[0] ?? 0);
  const end = lineAfter(text, pair.value ?? pair.key);
  return { offset: start, length: end - start };
}

/**
 * Edits that record a decision: a new entry at the end of `decisions:` (created when missing), or the changed
 * fields of an existing entry. Throws {@link InputError} for invalid YAML or a layout it will not rewrite.
 */
export function setDecision(text: string, decision: Decision, file: string = DECISIONS_FILE): TextEdit[] {
  checkPatchIds([decision.id]);
  const doc = parse(text, file);
  const layout = detectLayout(text, doc);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && (root.source ?? '') === '')) {
    const lines = ['decisions:', ...entryLines(decision, layout.step, layout)];
    return [{ offset: text.length, length: 0, newText: linesText(text, text.length, lines, layout.eol) }];
  }
  if (!isMap(root) || root.flow)
    throw refuse(file, text, root, t('The top level must be a block mapping with "decisions:"; not changed.'));
  const pair = findPair(root, 'decisions');
  if (pair === undefined) {
    const col = column(text, (root.items[0].key as Node).range?.[0] ?? 0);
    const lines = [`${' '.repeat(col)}decisions:`, ...entryLines(decision, col + layout.step, layout)];
    const at = lineAfter(text, root);
    return [{ offset: at, length: 0, newText: linesText(text, at, lines, layout.eol) }];
  }
  const list = pair.value;
  const keyCol = column(text, pair.key.range?.[0] ?? 0);
  if (
    list === null ||
    (isScalar(list) && list.value === null) ||
    (isMap(list) && list.flow && list.items.length === 0)
  ) {
    // `decisions:`, `decisions: ~` or `decisions: {}`: the value gives way to the entry's lines.
    const colon = colonAfter(text, pair.key);
    const valueEnd = list?.range && list.range[1] > list.range[0] ? list.range[1] : colon + 1;
    const lines = entryLines(decision, keyCol + layout.step, layout);
    return normalizeEdits([
      { offset: colon + 1, length: valueEnd - colon - 1, newText: '' },
      { offset: lineEnd(text, valueEnd), length: 0, newText: layout.eol + lines.join(layout.eol) },
    ]);
  }
  if (!isMap(list) || list.flow)
    throw refuse(file, text, list, t('"decisions:" must be a block mapping of patch IDs; not changed.'));
  const entry = findPair(list, decision.id);
  const entryCol = column(text, list.items[0].key ? ((list.items[0].key as Node).range?.[0] ?? 0) : 0);
  if (entry === undefined) {
    const at = lineAfter(text, list);
    return [
      { offset: at, length: 0, newText: linesText(text, at, entryLines(decision, entryCol, layout), layout.eol) },
    ];
  }
  const fields = entry.value;
  if (!isMap(fields) || fields.flow || fields.items.length === 0) {
    const lines = pairLines(text, entry);
    const col = column(text, entry.key.range?.[0] ?? 0);
    return [
      {
        ...lines,
        newText: entryLines(decision, col, layout)
          .map((l) => l + layout.eol)
          .join(''),
      },
    ];
  }
  return normalizeEdits(fieldEdits(text, fields, decision, layout));
}

/** Changes, adds or removes the fields of an existing block entry; values written the same stay untouched. */
function fieldEdits(text: string, fields: YAMLMap, decision: Decision, layout: YamlLayout): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const name of DECISION_FIELDS) {
    const wanted = decision[name];
    const pair = findPair(fields, name);
    if (pair === undefined) {
      if (wanted !== undefined) missing.push(`${name}: ${yamlScalar(String(wanted))}`);
      continue;
    }
    const value = pair.value;
    if (wanted === undefined) {
      edits.push({ ...pairLines(text, pair), newText: '' });
      continue;
    }
    if (isScalar(value) && String(value.value) === String(wanted)) continue;
    const inline = isScalar(value) && value.range && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED';
    if (inline && value.range) {
      edits.push({
        offset: value.range[0],
        length: value.range[1] - value.range[0],
        newText: yamlScalar(String(wanted)),
      });
    } else {
      const col = column(text, pair.key.range?.[0] ?? 0);
      edits.push({
        ...pairLines(text, pair),
        newText: `${' '.repeat(col)}${name}: ${yamlScalar(String(wanted))}${layout.eol}`,
      });
    }
  }
  if (missing.length > 0) {
    const col = column(text, (fields.items[0].key as Node).range?.[0] ?? 0);
    const at = lineAfter(text, fields);
    edits.push({
      offset: at,
      length: 0,
      newText: linesText(
        text,
        at,
        missing.map((l) => ' '.repeat(col) + l),
        layout.eol,
      ),
    });
  }
  return edits;
}

/** Edits that remove a patch's entry (its lines); the last one leaves `decisions: {}`. Nothing to remove: no edits. */
export function clearDecision(text: string, id: string, file: string = DECISIONS_FILE): TextEdit[] {
  const doc = parse(text, file);
  const root = doc.contents;
  if (!isMap(root)) return [];
  const pair = findPair(root, 'decisions');
  const list = pair?.value;
  if (pair === undefined || !isMap(list)) return [];
  if (list.flow) throw refuse(file, text, list, t('"decisions:" must be a block mapping of patch IDs; not changed.'));
  const entry = findPair(list, id);
  if (entry === undefined) return [];
  const edits: TextEdit[] = [{ ...pairLines(text, entry), newText: '' }];
  if (list.items.length === 1) edits.push({ offset: colonAfter(text, pair.key) + 1, length: 0, newText: ' {}' });
  return normalizeEdits(edits);
}
