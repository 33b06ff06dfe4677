/**
 * The files a unified diff applies to, rebuilt from the diff alone: for each file it changes or deletes, the "old"
 * side of its hunks (context and `-` lines) in order. `git apply --check` accepts hunks at other lines than their
 * headers say, so this text is enough for a patch to apply. Files the diff creates are left out (they must not
 * exist). Used to give a test store the vendor files of chosen QPT patches.
 */
export function preImages(diff: string): Map<string, string> {
  const files = new Map<string, string>();
  const lines = diff.split('\n');
  let oldPath: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('--- ')) {
      oldPath = pathOf(line.slice(4));
      continue;
    }
    if (line.startsWith('+++ ')) {
      // A created file (old side /dev/null) must not exist: its hunks are read and dropped.
      target = oldPath;
      if (target !== undefined && !files.has(target)) files.set(target, '');
      continue;
    }
    const m = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    if (m === null) continue;
    let oldLeft = m[1] === undefined ? 1 : Number(m[1]);
    let newLeft = m[2] === undefined ? 1 : Number(m[2]);
    let text = target === undefined ? '' : (files.get(target) ?? '');
    while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
      const body = lines[++i];
      const kind = body[0] ?? ' ';
      if (kind === '\\') continue;
      const noNewline = lines[i + 1]?.startsWith('\\') === true;
      if (kind === ' ' || kind === '-') {
        text += body.slice(1) + (noNewline ? '' : '\n');
        oldLeft--;
      }
      if (kind === ' ' || kind === '+') newLeft--;
    }
    if (target !== undefined) files.set(target, text);
  }
  return files;
}

/** `a/vendor/x.php` → `vendor/x.php`; `/dev/null` → undefined. A tab starts the timestamp some diffs carry. */
function pathOf(field: string): string | undefined {
  const path = field.split('\t')[0].trim();
  if (path === '/dev/null') return undefined;
  return /^[ab]\//.test(path) ? path.slice(2) : path;
}
