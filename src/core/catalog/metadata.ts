import { t } from '../text/translate';
import type { Signature } from './signature';
import { type Issues, type PathSegment, withConsequence } from './issues';
import { isRecord } from './valueReaders';

/** Deeper trees are refused (the data is flat; a hand-written file nested this deep is a mistake). */
const MAX_DEPTH = 32;
const RULE_KEYS = new Set(['type', 'path', 'match']);
const CONFIG_PATH = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)+$/;

/**
 * Reads a `metadata` value at `path`; undefined after reporting when it is broken (the patch itself is kept: it
 * only has no evidence signature).
 */
export function metadataAt(value: unknown, path: PathSegment[], issues: Issues): Signature | undefined {
  return signatureAt(value, path, issues, 0);
}

const ignored = () => t('evidence signature ignored');

function signatureAt(value: unknown, path: PathSegment[], issues: Issues, depth: number): Signature | undefined {
  if (depth > MAX_DEPTH) {
    issues.error(path, withConsequence(t('nested more than {0} levels deep', MAX_DEPTH), ignored));
    return undefined;
  }
  if (!isRecord(value)) {
    issues.error(path, withConsequence(t('must be a mapping with "and", "or" or a rule (type, path, match)'), ignored));
    return undefined;
  }
  if ('and' in value || 'or' in value) {
    const type = 'and' in value ? 'and' : 'or';
    if (Object.keys(value).length !== 1) {
      issues.error(path, withConsequence(t('a group has exactly one key, "and" or "or"'), ignored));
      return undefined;
    }
    const list = value[type];
    if (!Array.isArray(list) || list.length === 0) {
      issues.error([...path, type], withConsequence(t('must be a non-empty list of rules'), ignored));
      return undefined;
    }
    const items: Signature[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = signatureAt(list[i], [...path, type, i], issues, depth + 1);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return { type, items };
  }
  return ruleAt(value, path, issues);
}

function ruleAt(value: Record<string, unknown>, path: PathSegment[], issues: Issues): Signature | undefined {
  const { type, path: rulePath, match } = value;
  if (type !== 'log' && type !== 'config') {
    issues.error([...path, 'type'], withConsequence(t('must be "log" or "config"'), ignored));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!RULE_KEYS.has(key)) issues.warn([...path, key], t('unknown key {0} ignored', JSON.stringify(key)), true);
  }
  if (type === 'log') {
    if (typeof rulePath !== 'string' || !isLogPath(rulePath)) {
      const what = t('must be a log file path inside the store, such as "var/log/exception.log"');
      issues.error([...path, 'path'], withConsequence(what, ignored));
      return undefined;
    }
    if (typeof match !== 'string' || match === '' || /[\r\n]/.test(match)) {
      issues.error([...path, 'match'], withConsequence(t('must be a one-line text (a glob)'), ignored));
      return undefined;
    }
    return { type, path: rulePath, match };
  }
  if (typeof rulePath !== 'string' || !CONFIG_PATH.test(rulePath)) {
    issues.error(
      [...path, 'path'],
      withConsequence(t('must be a configuration path such as "dev/js/minify_files"'), ignored),
    );
    return undefined;
  }
  const value2 = phpString(match);
  if (value2 === undefined) {
    issues.error([...path, 'match'], withConsequence(t('must be a text, a number or true/false'), ignored));
    return undefined;
  }
  return { type, path: rulePath, match: value2 };
}

/** A relative path with no `..` and no empty segment. */
function isLogPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** A scalar as PHP turns it into a string: `true` "1", `false` "", numbers their digits. */
function phpString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
