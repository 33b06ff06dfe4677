/**
 * A replacement of `length` characters at `offset` (UTF-16 units, as JavaScript strings and VS Code documents count)
 * by `newText`. `length` 0 inserts, empty `newText` deletes. VS Code applies a list of them as one WorkspaceEdit.
 */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** Sorts edits by position and joins those that touch, so none overlaps or shares a boundary with another. */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && e.offset < prev.offset + prev.length) {
      throw new Error(`Overlapping text edits at offsets ${prev.offset} and ${e.offset}`);
    }
    if (prev !== undefined && e.offset === prev.offset + prev.length) {
      out[out.length - 1] = { offset: prev.offset, length: prev.length + e.length, newText: prev.newText + e.newText };
    } else {
      out.push({ ...e });
    }
  }
  return out;
}

/** The text with the edits applied (edits are positions in the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of normalizeEdits(edits)) {
    if (e.offset < 0 || e.offset + e.length > text.length) {
      throw new Error(`Text edit at ${e.offset} is outside the text`);
    }
    out += text.slice(at, e.offset) + e.newText;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}
