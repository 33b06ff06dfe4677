import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FileRead, recordReads, replayReads } from '../files/readRecord';
import { FILE_LIMITS, readTextFile } from '../files/readTextFile';
import { readFailure } from '../lock/read';
import { t } from '../text/translate';
import { deepFreeze } from './bundled';
import type { LoadedFile } from './entry';
import { readFactsText } from './facts';

/** Where the facts file sits below the extension's (or the repository's) root. */
export const FACTS_PATH = join('data', 'qpt-facts.json');

let factsFile: string | undefined;
let loaded: { value: LoadedFile; reads: FileRead[] } | undefined;

/** Uses `file` as the bundled facts (the extension passes the one in its install folder); forgets what was read. */
export function useBundledFactsFile(file: string): void {
  factsFile = file;
  loaded = undefined;
}

/** The bundled facts file: the one set, else `data/qpt-facts.json` in the nearest folder above this code that has it. */
export function bundledFactsFile(): string {
  if (factsFile !== undefined) return factsFile;
  let dir = __dirname;
  for (;;) {
    const file = join(dir, FACTS_PATH);
    if (existsSync(file)) return (factsFile = file);
    const up = dirname(dir);
    if (up === dir) return join(__dirname, FACTS_PATH);
    dir = up;
  }
}

/**
 * The facts of every patch of the QPT release the product was built with (no texts: those come from QPT's own
 * metadata, installed or fetched, and from patches.yaml). Read on first use, not when the code loads, and
 * shared (frozen) afterwards.
 */
export function bundledFacts(): LoadedFile {
  if (loaded !== undefined) {
    // Read once, used by every load of the run: each of them depends on the file.
    replayReads(loaded.reads);
    return loaded.value;
  }
  loaded = recordReads(readBundledFacts);
  return loaded.value;
}

function readBundledFacts(): LoadedFile {
  const file = bundledFactsFile();
  let text: string;
  try {
    text = readTextFile(file, FILE_LIMITS.catalog);
  } catch (e) {
    const message = t(
      'the bundled patch facts cannot be read ({0}); only patches.yaml is used',
      readFailure((e as NodeJS.ErrnoException).code, e),
    );
    return { file, kind: 'qpt-facts', entries: [], problems: [{ severity: 'error', file, message }] };
  }
  const read = readFactsText(text, file);
  return { ...read, entries: deepFreeze(read.entries) };
}
