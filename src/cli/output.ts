import { oneLineForTerminal } from '../core/text/terminal';

/**
 * A reader that goes away (`commerce-patches triage … | head -1`) closes the pipe: the next write fails with EPIPE.
 * The program then ends quietly, as other command-line tools do, with the exit code it had so far and no stack
 * trace. Warnings Node or a library emits (`process.emitWarning`) are printed as one prefixed line.
 */
export function endQuietlyOnClosedOutput(): void {
  const closed = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit();
    throw e;
  };
  process.stdout.on('error', closed);
  process.stderr.on('error', closed);
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    process.stderr.write(`commerce-patches: ${oneLineForTerminal(`${w.name}: ${w.message}`)}\n`);
  });
}
