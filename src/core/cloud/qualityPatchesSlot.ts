/** The partial ID before the cursor on a QUALITY_PATCHES line, and where it starts; undefined elsewhere. */
export function qualityPatchesSlot(
  lines: readonly string[],
  line: number,
  character: number,
): { start: number; prefix: string } | undefined {
  const before = lines[line].slice(0, character);
  // A block list item: `  - ACSD-6`, maybe quoted.
  const item = /^(\s*)-\s+["']?([A-Za-z0-9_/-]*)$/.exec(before);
  if (item !== null) {
    const indent = item[1].length;
    for (let l = line - 1; l >= 0; l--) {
      const text = lines[l];
      if (/^\s*(#.*)?$/.test(text) || /^\s*-(\s|$)/.test(text)) continue; // blank, comment, another item
      const key = /^(\s*)(["']?)QUALITY_PATCHES\2\s*:\s*(#.*)?$/.exec(text);
      return key !== null && key[1].length <= indent
        ? { start: character - item[2].length, prefix: item[2] }
        : undefined;
    }
    return undefined;
  }
  // A flow list on the key's line: `QUALITY_PATCHES: [ACSD-1, MDVA-`.
  const flow = /^\s*(["']?)QUALITY_PATCHES\1\s*:\s*\[(?:[^\]#,]*,)*\s*["']?([A-Za-z0-9_/-]*)$/.exec(before);
  if (flow !== null) return { start: character - flow[2].length, prefix: flow[2] };
  return undefined;
}
