import { t } from '../text/translate';
import { extractJsonArray } from './jsonInOutput';
import { catalogIdLookup } from './patchId';

/** The three states `magento-patches status` reports. */
const QPT_STATUSES = ['Applied', 'Not applied', 'N/A'] as const;
export type QptStatus = (typeof QPT_STATUSES)[number];

/** One row of `magento-patches status --format=json`, cleaned up. */
export interface QptPatchState {
  id: string;
  status: QptStatus;
  /** The title with QPT's 60-byte line wrapping undone. */
  title: string;
  categories: string[];
  /** e.g. `Adobe Commerce Support`, `Magento OpenSource Community`. */
  origin: string;
  /** The Details column as printed (several lines). */
  details: string;
  /** `Patch type:` from the details (`Optional`, `Required`, `Custom`...); absent when deprecated or not given. */
  type?: string;
  deprecated: boolean;
  replacedWith?: string;
  /** `Required patches:` from the details. */
  require: string[];
  /** `Affected components:` from the details. */
  components: string[];
}

/** Output that is not what `status --format=json` prints. The message says what was expected and quotes what came. */
export class QptOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QptOutputError';
  }
}

/** What `status --format=json` prints, for error messages. */
const expected = () =>
  t('the JSON list printed by `magento-patches status --format=json` (`[{"Id": ..., "Status": ...}, ...]`)');

/** Quotes the start of a text, control characters escaped, for an error message. */
function quoteStart(text: string, max = 120): string {
  const t = text.trim();
  return JSON.stringify(t.length > max ? t.slice(0, max) : t) + (t.length > max ? '...' : '');
}

/**
 * Parses the output of `magento-patches status --format=json` into ID → state. Lines around the JSON (PHP
 * deprecation notices, log lines, colour codes) are skipped. Throws {@link QptOutputError} for anything else.
 */
export function parseQptStatus(output: string): Map<string, QptPatchState> {
  const rows = extractJsonArray(output);
  if (rows === undefined) {
    throw new QptOutputError(
      output.trim() === ''
        ? t('Expected {0}, but the output was empty.', expected())
        : t('Expected {0}, but the output starts with {1}.', expected(), quoteStart(output)),
    );
  }
  const result = new Map<string, QptPatchState>();
  rows.forEach((row, i) => {
    const state = toState(row, i);
    if (!result.has(state.id)) result.set(state.id, state);
  });
  return result;
}

/**
 * The same states keyed by the catalog's spelling of each ID: QPT prints every ID upper-cased
 * (`MAGENTO/MAGENTO2/34528` for the catalog's `magento/magento2/34528`). The IDs in `require` and `replacedWith` too. IDs no catalog
 * knows (QPT's own Cloud patches, local patches) keep QPT's spelling.
 */
export function withCatalogIds(
  states: ReadonlyMap<string, QptPatchState>,
  catalogIds: Iterable<string>,
): Map<string, QptPatchState> {
  const lookup = catalogIdLookup(catalogIds);
  const result = new Map<string, QptPatchState>();
  const mapped = (id: string) => lookup(id) ?? id;
  for (const state of states.values()) {
    const id = mapped(state.id);
    if (result.has(id)) continue;
    const replacedWith = state.replacedWith === undefined ? {} : { replacedWith: mapped(state.replacedWith) };
    result.set(id, { ...state, id, require: state.require.map(mapped), ...replacedWith });
  }
  return result;
}

function toState(row: unknown, i: number): QptPatchState {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new QptOutputError(
      t(
        'Entry [{0}] of the QPT status list is {1}, expected an object.',
        i,
        quoteStart(JSON.stringify(row) ?? String(row), 60),
      ),
    );
  }
  const r = row as Record<string, unknown>;
  const id = typeof r.Id === 'string' ? r.Id.trim() : '';
  if (id === '')
    throw new QptOutputError(
      t('Entry [{0}] of the QPT status list has no "Id" (got {1}).', i, JSON.stringify(r.Id) ?? t('nothing')),
    );
  const status = typeof r.Status === 'string' ? r.Status.trim() : r.Status;
  if (!(QPT_STATUSES as readonly unknown[]).includes(status)) {
    throw new QptOutputError(
      t(
        'Entry [{0}] of the QPT status list ({1}) has "Status" {2}; expected one of {3}.',
        i,
        id,
        JSON.stringify(r.Status) ?? t('missing'),
        QPT_STATUSES.map((s) => JSON.stringify(s)).join(', '),
      ),
    );
  }
  const details = text(r.Details);
  return {
    id,
    status: status as QptStatus,
    title: unwrapTitle(text(r.Title)),
    categories: list(r.Category),
    origin: text(r.Origin).trim(),
    details,
    ...parseDetails(details),
  };
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function list(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : text(v).split(/\r?\n/);
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * QPT wraps titles with PHP's `chunk_split($title, 60)`: a line break after every 60 bytes, and one at the end.
 * When the breaks sit exactly there, joining restores the title (words cut in two included); otherwise line
 * breaks become spaces.
 */
export function unwrapTitle(title: string): string {
  const lines = title.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    const body = lines.slice(0, -1);
    if (body.slice(0, -1).every((l) => Buffer.byteLength(l, 'utf8') === 60)) return body.join('').trim();
  }
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

type DetailFields = Pick<QptPatchState, 'type' | 'deprecated' | 'replacedWith' | 'require' | 'components'>;

/**
 * Reads the Details column: `Patch type: X`, `Recommended replacement: Y`, and the `Required patches:` and
 * `Affected components:` lists.
 */
export function parseDetails(details: string): DetailFields {
  const out: DetailFields = { deprecated: false, require: [], components: [] };
  let list: string[] | undefined;
  for (const raw of details.split(/\r?\n/)) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = /^Patch type:\s*(.*)$/i.exec(line))) {
      list = undefined;
      if (/^deprecated$/i.test(m[1])) out.deprecated = true;
      else if (m[1] !== '') out.type = m[1];
    } else if ((m = /^Recommended replacement:\s*(.*)$/i.exec(line))) {
      list = undefined;
      if (m[1] !== '') out.replacedWith = m[1];
    } else if (/^Required patches:$/i.test(line)) {
      list = out.require;
    } else if (/^Affected components:$/i.test(line)) {
      list = out.components;
    } else if (/^[A-Za-z ]+:$/.test(line)) {
      list = undefined;
    } else if (list !== undefined && line.startsWith('- ')) {
      list.push(line.slice(2).trim());
    }
  }
  return out;
}
