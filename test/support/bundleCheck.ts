// Compares a translated message bundle with the English one: same keys, and every translation keeps what the
// code and VS Code rely on (placeholders, command links and their line of their own, code spans).

export type Bundle = Record<string, unknown>;

/** `{0}`, `{1}`, ... in order of appearance, sorted (a translation may reorder them). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[0]).sort();
}

/** The targets of Markdown links, e.g. `command:commercePatches.refresh` of `[Refresh](command:commercePatches.refresh)`. */
export function linkTargets(text: string): string[] {
  return [...text.matchAll(/\[[^\]\n]+\]\(([^)\s]+)\)/g)].map((m) => m[1]).sort();
}

/** Links that stand alone on a line: VS Code renders those as buttons in welcome content. */
export function buttonTargets(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\[[^\]]+\]\(([^)\s]+)\)$/.exec(line.trim())?.[1])
    .filter((t): t is string => t !== undefined)
    .sort();
}

/** Inline code spans (`composer install`, `${workspaceFolder}`): names that must not be translated. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]).sort();
}

/** Something that looks like a Markdown link but is not one (`[label] (target)`, unclosed brackets). */
function brokenLinks(text: string): string[] {
  const bad = [...text.matchAll(/\[[^\]\n]*\]\s+\((?:command:|https?:)/g)].map((m) => m[0]);
  const opened = [...text.matchAll(/\]\(command:/g)].length;
  const closed = linkTargets(text).filter((t) => t.startsWith('command:')).length;
  if (opened !== closed) bad.push(`${opened - closed} unterminated command link(s)`);
  return bad;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every way `translated` falls short of `english`, one readable line each (empty when it is complete).
 * `untranslated` lists keys whose translation may equal the English text (brand names, pure placeholders).
 */
export function compareBundle(
  english: Bundle,
  translated: Bundle,
  untranslated: ReadonlySet<string> = new Set(),
): string[] {
  const issues: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in translated)) issues.push(`missing "${key}"`);
  }
  for (const key of Object.keys(translated)) {
    if (!(key in english)) issues.push(`"${key}" is not in the English bundle`);
  }
  for (const [key, source] of Object.entries(english)) {
    const text = translated[key];
    if (!(key in translated) || typeof source !== 'string') continue;
    if (typeof text !== 'string') {
      issues.push(`"${key}": not a string`);
      continue;
    }
    if (text.trim() === '') issues.push(`"${key}": empty`);
    else if (text === source && !untranslated.has(key)) issues.push(`"${key}": not translated`);
    if (!same(placeholders(text), placeholders(source))) {
      issues.push(
        `"${key}": placeholders ${placeholders(text).join(' ') || 'none'}, English has ${placeholders(source).join(' ') || 'none'}`,
      );
    }
    if (!same(linkTargets(text), linkTargets(source))) {
      issues.push(
        `"${key}": links to ${linkTargets(text).join(', ') || 'nothing'}, English to ${linkTargets(source).join(', ') || 'nothing'}`,
      );
    }
    if (!same(buttonTargets(text), buttonTargets(source))) {
      issues.push(`"${key}": links on a line of their own (buttons) differ from English`);
    }
    for (const bad of brokenLinks(text)) issues.push(`"${key}": broken link ${bad}`);
    if (!same(codeSpans(text), codeSpans(source))) {
      issues.push(
        `"${key}": code spans ${codeSpans(text).join(', ') || 'none'}, English has ${codeSpans(source).join(', ') || 'none'}`,
      );
    }
  }
  return issues;
}
