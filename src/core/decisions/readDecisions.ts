import type { Node, Pair } from 'yaml';
import { isMap, isScalar, newLineCounter, parseDocument } from '../yaml';
import type { Problem } from '../problem';
import { isSafePatchId } from '../qpt/patchId';
import { t } from '../text/translate';
import { DECISION_FIELDS, DECISION_KINDS, DECISIONS_FILE, type DecisionKind, type RecordedDecision } from './decision';

export interface DecisionsRead {
  /** By patch ID, in file order. */
  decisions: Map<string, RecordedDecision>;
  /** Broken entries (skipped) and unknown fields (ignored), each with its line. */
  problems: Problem[];
}

/**
 * Reads the decisions file: `decisions: {ID: {decision, note?, by?, date?}}`. A broken entry is reported with its
 * line and left out; the rest is kept. Invalid YAML gives one problem and no decisions.
 */
export function readDecisions(text: string, file: string = DECISIONS_FILE): DecisionsRead {
  const lines = newLineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, message: string, severity: Problem['severity'] = 'error'): Problem => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { severity, file, line: pos.line, column: pos.col, message };
  };
  const decisions = new Map<string, RecordedDecision>();
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return {
      decisions,
      problems: [
        { severity: 'error', file, line: pos.line, column: pos.col, message: t('Invalid YAML: {0}', message) },
      ],
    };
  }
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { decisions, problems };
  const list = isMap(root) ? (root.get('decisions', true) as Node | null | undefined) : undefined;
  if (
    !isMap(root) ||
    (list !== undefined && list !== null && !isMap(list) && !(isScalar(list) && list.value === null))
  ) {
    problems.push(at(isMap(root) ? list : root, t('expected "decisions:" with one entry per patch ID')));
    return { decisions, problems };
  }
  if (!isMap(list)) return { decisions, problems };
  for (const pair of list.items as Pair<Node, Node | null>[]) {
    const entry = readEntry(pair, at);
    if ('message' in entry) problems.push(entry);
    else if (decisions.has(entry.id))
      problems.push(at(pair.key, t('{0} is listed twice; the first entry counts', entry.id)));
    else {
      decisions.set(entry.id, entry.decision);
      problems.push(...entry.warnings);
    }
  }
  return { decisions, problems };
}

type At = (node: Node | null | undefined, message: string, severity?: Problem['severity']) => Problem;

function readEntry(
  pair: Pair<Node, Node | null>,
  at: At,
): Problem | { id: string; decision: RecordedDecision; warnings: Problem[] } {
  const key = pair.key;
  const id = isScalar(key) ? String(key.value) : undefined;
  if (id === undefined || !isSafePatchId(id))
    return at(key, t('{0} is not a patch ID; entry skipped', JSON.stringify(id ?? '')));
  const value = pair.value;
  if (!isMap(value)) return at(value ?? key, t('{0}: expected decision, note, by and date; entry skipped', id));
  const fields: Record<string, string> = {};
  const warnings: Problem[] = [];
  for (const field of value.items as Pair<Node, Node | null>[]) {
    const name = isScalar(field.key) ? String(field.key.value) : '';
    const v = field.value;
    if (!(DECISION_FIELDS as readonly string[]).includes(name)) {
      warnings.push(at(field.key, t('{0}: unknown field {1} ignored', id, JSON.stringify(name)), 'warning'));
      continue;
    }
    const scalar: unknown = isScalar(v) ? v.value : null;
    if (
      typeof scalar !== 'string' &&
      typeof scalar !== 'number' &&
      typeof scalar !== 'boolean' &&
      typeof scalar !== 'bigint'
    ) {
      return at(v ?? field.key, t('{0}: {1} must be a text; entry skipped', id, name));
    }
    fields[name] = String(scalar);
  }
  const kind = fields.decision;
  if (kind === undefined || !(DECISION_KINDS as readonly string[]).includes(kind)) {
    return at(value, t('{0}: decision must be apply, skip or investigate; entry skipped', id));
  }
  const line = at(key, '').line ?? 1;
  const decision: RecordedDecision = { id, decision: kind as DecisionKind, line };
  if (fields.note !== undefined) decision.note = fields.note;
  if (fields.by !== undefined) decision.by = fields.by;
  if (fields.date !== undefined) decision.date = fields.date;
  return { id, decision, warnings };
}
