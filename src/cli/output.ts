import { writeSync } from 'node:fs';
import { oneLineForTerminal } from '../core/text/terminal';

/** One millisecond's sleep between tries on an output that is full (a pipe opened non-blocking by the reader's side). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes `text` to a file descriptor (1: standard output, 2: standard error) at once, the whole of it, with the
 * system's own write: no stream is made, so a run does not load Node's stream machinery for a few lines of text, and
 * nothing is left buffered when the program ends. A reader that goes away (`commerce-patches triage … | head -1`)
 * closes the pipe: the write fails with EPIPE, and the program then ends quietly, as other command-line tools do,
 * with the exit code it had so far and no stack trace.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
      else if (code === 'EPIPE') process.exit();
      else throw e;
    }
  }
}

/** Prints to standard output. */
export function writeOut(text: string): void {
  writeAll(1, text);
}

/** Prints to standard error. */
export function writeErr(text: string): void {
  writeAll(2, text);
}

/** Warnings Node or a library emits (`process.emitWarning`) are printed as one prefixed line. */
export function printWarningsOnOneLine(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    writeErr(`commerce-patches: ${oneLineForTerminal(`${w.name}: ${w.message}`)}\n`);
  });
}
