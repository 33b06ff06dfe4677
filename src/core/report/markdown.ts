/** Text made safe for one Markdown table cell or line: pipes and markup characters escaped, line breaks folded. */
export function markdownCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

/** A GitHub-flavoured Markdown table; cells are used as given (escape text with {@link markdownCell}). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}

/** An inline code span (backticks inside become quotes: a code span has no escapes). */
export function codeSpan(text: string): string {
  return '`' + text.replace(/`/g, "'").replace(/\s+/g, ' ') + '`';
}
