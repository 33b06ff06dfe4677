/**
 * Quality patch IDs: Adobe's `PREFIX-NUMBER` form with an optional `-V2`/`-V3` revision suffix (`ACSD-61103`,
 * `MDVA-39305-V3`), and the two community forms `magento2-33723` and `magento/magento2/34529`.
 */
const PREFIXES = [
  'ACSD',
  'MDVA',
  'ACP2E',
  'AC',
  'MC',
  'B2B',
  'BUNDLE',
  'LYNX',
  'MCP',
  'MAGECLOUD',
  'MCLOUD',
  'MAGETWO',
];
// Longer prefixes first so that the alternation never stops at `MC` in `MCLOUD-1`.
const PREFIX = [...PREFIXES].sort((a, b) => b.length - a.length).join('|');
const ADOBE = `(?:${PREFIX})-\\d+(?:-V\\d+)?`;
const COMMUNITY = 'magento2-\\d+|magento\\/magento2\\/\\d+';
/** An ID not glued to other letters or digits; `_`, `.`, `/` and spaces around it are fine (`os/ACSD-1_2.4.6.patch`). */
const IN_TEXT = `(?<![A-Za-z0-9])(?:${ADOBE}|${COMMUNITY})(?![A-Za-z0-9])`;

/** A new global, case-insensitive RegExp that finds patch IDs in arbitrary text. */
export function patchIdRegExp(): RegExp {
  return new RegExp(IN_TEXT, 'gi');
}

const WHOLE = new RegExp(`^(?:${ADOBE}|${COMMUNITY})$`, 'i');
const ADOBE_PARTS = new RegExp(`^(${PREFIX})-(\\d+)(?:-V(\\d+))?$`, 'i');

const CANONICAL = new RegExp(`^(?:${ADOBE}|${COMMUNITY})$`);

/** True when `s` is a patch ID spelled the way {@link normalizePatchId} spells it (the common case, checked fast). */
export function isCanonicalPatchId(s: string): boolean {
  return CANONICAL.test(s);
}

/** True when `s` is exactly one patch ID in a known form (the prefix in any case). */
export function isWellFormedPatchId(s: string): boolean {
  return WHOLE.test(s);
}

/**
 * The canonical spelling of an ID: trimmed, the Adobe prefix and revision suffix upper-case (`acsd-61103-v2` →
 * `ACSD-61103-V2`), community IDs lower-case. Text that is not a known ID is returned trimmed.
 */
export function normalizePatchId(s: string): string {
  const id = s.trim();
  const m = ADOBE_PARTS.exec(id);
  if (m) return `${m[1].toUpperCase()}-${m[2]}${m[3] === undefined ? '' : `-V${m[3]}`}`;
  return WHOLE.test(id) ? id.toLowerCase() : id;
}

/** A patch ID found in text: normalized `id`, and its 0-based `[start, end)` range in the text. */
export interface PatchIdHit {
  id: string;
  start: number;
  end: number;
}

/** Every patch ID in `text`, in order. */
export function findPatchIds(text: string): PatchIdHit[] {
  const hits: PatchIdHit[] = [];
  const re = patchIdRegExp();
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hits.push({ id: normalizePatchId(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** Longest ID the hover looks for; real IDs are under 30 characters. */
const REACH = 64;
const NEAR = new RegExp(IN_TEXT, 'gi');

/**
 * The patch ID under a 0-based `offset` in `line` (the cursor may sit right after its last character), for hovers.
 * Only looks at the characters near the offset, so it stays fast on very long lines.
 */
export function findPatchIdAt(line: string, offset: number): PatchIdHit | undefined {
  if (offset < 0 || offset > line.length) return undefined;
  // An ID that covers `offset` starts at most REACH characters before it and ends at most REACH after it.
  const text = line.length > offset + REACH + 1 ? line.slice(0, offset + REACH + 1) : line;
  NEAR.lastIndex = Math.max(0, offset - REACH);
  for (let m = NEAR.exec(text); m !== null && m.index <= offset; m = NEAR.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= offset) return { id: normalizePatchId(m[0]), start: m.index, end };
  }
  return undefined;
}
