import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { notRegular } from './logFile';
import { createGunzip } from 'node:zlib';

export interface Excerpt {
  /** The lines around the one asked for, joined with `\n` (a `\r` before a line end dropped). */
  text: string;
  /** The file's line number of the excerpt's first line. */
  firstLine: number;
  /** The asked line's place in the excerpt (0-based); -1 when the file is shorter. */
  at: number;
}

/** Longest line kept in an excerpt; longer ones are cut (with an ellipsis). */
const LINE_CHARS = 2000;

/**
 * Lines `line - context` to `line + context` of a log file (`.gz` read as a stream), for showing a line of a file
 * too big to open: the file is streamed and only those lines are kept, each cut to a readable length.
 */
export async function readExcerpt(file: string, line: number, context = 50): Promise<Excerpt> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`${file} ${notRegular(info)}`);
  const first = Math.max(1, line - context);
  const last = line + context;
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream = file.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (e) => stream.destroy(e));
  const decoder = new TextDecoder('utf-8');
  const kept: string[] = [];
  let current = 1;
  let partial = '';
  const keep = (text: string) => {
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    kept.push(t.length > LINE_CHARS ? t.slice(0, LINE_CHARS) + '…' : t);
  };
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      let start = 0;
      for (let nl = buf.indexOf(10); nl >= 0 && current <= last; nl = buf.indexOf(10, start)) {
        if (current >= first) keep(partial + decoder.decode(buf.subarray(start, nl)));
        partial = '';
        current++;
        start = nl + 1;
      }
      if (current > last) break;
      if (current >= first && partial.length <= LINE_CHARS)
        partial += decoder.decode(buf.subarray(start), { stream: true });
    }
  } catch {
    // A truncated gzip: what was read is shown.
  } finally {
    input.destroy();
  }
  if (partial !== '' && current >= first && current <= last) keep(partial);
  return { text: kept.join('\n'), firstLine: first, at: line - first < kept.length ? line - first : -1 };
}
