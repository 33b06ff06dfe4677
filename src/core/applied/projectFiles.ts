import { FILE_LIMITS, readFileText } from '../files/readTextFile';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childPath } from '../files/childPath';
import type { FileSource } from '../diff/apply';
import { FileText } from '../diff/lines';

/**
 * The project's files as the checks see them: patch paths (`vendor/…` mapped onto the project's vendor folder,
 * anything else under the project root) read once each, as bytes, and kept for the whole analysis. Read only.
 */
export class ProjectFiles implements FileSource {
  private readonly cache = new Map<string, FileText | null>();
  /** Bytes of every file read so far. */
  bytesRead = 0;

  constructor(
    private readonly root: string,
    private readonly vendorDir: string,
  ) {}

  /** The absolute file of a patch path (a byte string, UTF-8 on disk). */
  fileFor(path: string): string {
    const name = isAscii(path) ? path : Buffer.from(path, 'latin1').toString('utf8');
    const [base, rest] = name.startsWith('vendor/')
      ? [this.vendorDir, name.slice('vendor/'.length)]
      : [this.root, name];
    return childPath(base, rest) ?? join(base, rest);
  }

  /** The patch paths read so far. */
  paths(): string[] {
    return [...this.cache.keys()];
  }

  lines(path: string, absent = false): FileText | null {
    let lines = this.cache.get(path);
    if (lines === undefined) {
      const file = this.fileFor(path);
      // A file expected not to be there is looked for first: a failed read costs an exception.
      lines = absent && !existsSync(file) ? null : readLines(file);
      if (lines !== null) this.bytesRead += lines.text.length;
      this.cache.set(path, lines);
    }
    return lines;
  }
}

/** A file's bytes and lines; null when there is no readable regular file (a FIFO or a device is never read). */
function readLines(file: string): FileText | null {
  let text: string;
  try {
    text = readFileText(file, FILE_LIMITS.vendorFile, 'latin1');
  } catch {
    return null;
  }
  return new FileText(text);
}

/** True when every byte is ASCII: the bytes then read the same as UTF-8 (nearly every path). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
