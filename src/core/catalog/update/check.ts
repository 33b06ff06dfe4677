import { parseJsonText } from '../../lock/jsonText';
import { formatProblem, InputError } from '../../problem';
import { t } from '../../text/translate';
import type { LoadedFile } from '../entry';
import { readQptInfo, readQptPatches } from '../qptJson';
import { isRecord } from '../valueReaders';
import { FETCHED_FILES, type FetchedFile } from './cache';

/** Longer titles and descriptions are refused: QPT's longest is 354 characters. */
const MAX_TEXT = 1000;
const QPT_VERSION = /^\d+\.\d+\.\d+$/;

export type Checked = { ok: true; version: string } | { ok: false; reason: string };

/**
 * Checks the four downloaded files before anything uses them: each is JSON of its format, the catalog files read
 * without a single error by the same readers as installed metadata, `patches-info.json` gives the QPT version, and
 * no title or description is hostile (too long, control characters, Markdown links). JSON is only parsed.
 */
export function checkFetched(texts: Record<FetchedFile, string>): Checked {
  const data = {} as Record<FetchedFile, unknown>;
  for (const name of FETCHED_FILES) {
    try {
      data[name] = parseJsonText(texts[name], name);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { ok: false, reason: e.message };
    }
  }
  const read: LoadedFile[] = [
    readQptPatches(data['support-patches.json'], 'support-patches.json', 'qpt-support'),
    readQptPatches(data['community-patches.json'], 'community-patches.json', 'qpt-community'),
    readQptInfo(data['patches-info.json'], 'patches-info.json'),
  ];
  for (const file of read) {
    const error = file.problems.find((p) => p.severity === 'error');
    if (error !== undefined) return { ok: false, reason: formatProblem(error) };
  }
  if (read[0].entries.length === 0) return { ok: false, reason: t('{0}: no patches', 'support-patches.json') };
  const version = read[2].version;
  if (version === undefined || !QPT_VERSION.test(version)) {
    return { ok: false, reason: t('{0}: no QPT version such as "1.1.82"', 'patches-info.json') };
  }
  const hostile =
    hostileText('support-patches.json', patchTexts(data['support-patches.json'])) ??
    hostileText('community-patches.json', patchTexts(data['community-patches.json'])) ??
    hostileText('patches-info.json', infoTexts(data['patches-info.json'])) ??
    releasesProblem(data['magento_releases.json']);
  return hostile === undefined ? { ok: true, version } : { ok: false, reason: hostile };
}

function* patchTexts(data: unknown): Generator<[string, unknown]> {
  if (!isRecord(data)) return;
  for (const id in data) {
    const patch = data[id];
    if (isRecord(patch)) yield [id, patch.title];
  }
}

function* infoTexts(data: unknown): Generator<[string, unknown]> {
  if (!isRecord(data) || !Array.isArray(data.patches)) return;
  for (const patch of data.patches as unknown[]) {
    if (isRecord(patch)) yield [String(patch.id), patch.description];
  }
}

/** Control characters other than tab and line breaks, and the bidirectional overrides that reorder what is shown. */
function hasHostileCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    if (c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

function hostileText(file: string, texts: Iterable<[string, unknown]>): string | undefined {
  for (const [id, text] of texts) {
    if (typeof text !== 'string') continue;
    if (text.length > MAX_TEXT) return t('{0}: the text of {1} is longer than {2} characters', file, id, MAX_TEXT);
    if (hasHostileCharacter(text)) return t('{0}: the text of {1} has control characters', file, id);
    if (hasMarkdownLink(text)) return t('{0}: the text of {1} has a Markdown link', file, id);
  }
  return undefined;
}

/** `magento_releases.json`: `{release: {package: version}}`. */
function releasesProblem(data: unknown): string | undefined {
  const wrong = () => t('{0}: expected an object that maps releases to package versions', 'magento_releases.json');
  if (!isRecord(data)) return wrong();
  let count = 0;
  for (const release in data) {
    const packages = data[release];
    if (!isRecord(packages)) return wrong();
    for (const pkg in packages) if (typeof packages[pkg] !== 'string') return wrong();
    count++;
  }
  return count === 0 ? wrong() : undefined;
}

/**
 * A Markdown link or image, `[text](target)`: a `](` with a `[` before it (no `]` between) and a `)` after it. QPT's
 * texts have none; in a hover it would be live. One pass over the text, whatever it holds.
 */
function hasMarkdownLink(text: string): boolean {
  const lastClose = text.lastIndexOf(')');
  let open = -1;
  let close = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') open = i;
    else if (c === ']') {
      if (open > close && text[i + 1] === '(' && lastClose > i + 1) return true;
      close = i;
    }
  }
  return false;
}
