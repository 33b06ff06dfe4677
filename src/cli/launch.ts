import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { cacheDirFor } from './cacheDir';

/**
 * The `commerce-patches` executable: runs the command line (`cliMain.js` beside this file) from V8's compiled code
 * kept in the cache folder (`$XDG_CACHE_HOME/commerce-patches/code/`), so that a run does not compile the bundle
 * again. Each subcommand has its own cache, and it belongs to one bundle file as it is: its first line holds the file's inode, size, modification and
 * change times (any rewrite of the file changes them; hashing its content would cost a fifth of what the cache
 * saves), and its name Node's version and the processor architecture; V8 checks its own version, flags and the
 * source's length too and rejects what does not fit. A cache that does not match, is not a regular file or is
 * larger than any real one is ignored and written anew at exit (to a new name, then renamed, so a concurrent run
 * never reads half a file). On any failure of this path the bundle is required as usual.
 */

const MAIN = join(__dirname, 'cliMain.js');
/** A real cache is a few hundred KB; anything far larger is not ours. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const PREFIX = 'cli-';

/** The bundle compiled with the cached code when there is one; undefined when this path cannot be taken. */
function compiled(): (() => void) | undefined {
  try {
    const st = statSync(MAIN, { bigint: true });
    const header = `commerce-patches code cache 1 ${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}\n`;
    const source = readFileSync(MAIN, 'utf8');
    const dir = join(cacheDirFor(undefined), 'code');
    const place = placeKey(MAIN);
    // A cache per subcommand: it holds the functions that subcommand compiled.
    const word = process.argv[2] ?? '';
    const group = `${PREFIX}${place}-${/^[a-z]{1,16}$/.test(word) ? word : '_'}-`;
    const name = `${group}${process.version}-${process.arch}.bin`;
    const cachedData = readCache(join(dir, name), header);
    // The CommonJS wrapper on the bundle's first line, so that lines in stack traces stay those of the file.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapped, { filename: MAIN, cachedData });
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    if (cachedData === undefined || script.cachedDataRejected === true) {
      // Not after a usage error or unusable input (exit 2): a mistyped command keeps no cache.
      process.once('exit', (code) => {
        if (code !== 2) writeCache(dir, name, group, header, () => script.createCachedData());
      });
    }
    const mod = { exports: {} };
    // The bundle lies beside this file: this file's own `require` resolves what it requires (Node's built-in
    // modules, and the bundles beside it) as the bundle's would.
    return () => fn.call(mod.exports, mod.exports, require, mod, MAIN, dirname(MAIN));
  } catch {
    return undefined;
  }
}

/** A short name for where the bundle lies (FNV-1a of its path), so that two installs keep a cache each. */
function placeKey(path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const O_NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/** The cached code in `file` when it is a regular file of a sensible size whose first line is `header`. */
function readCache(file: string, header: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= header.length || st.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(st.size);
    if (readSync(fd, bytes, 0, st.size, 0) !== st.size) return undefined;
    return bytes.toString('latin1', 0, header.length) === header ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache (and removes the subcommand's caches for other Node versions); a folder that cannot be written is left alone. */
function writeCache(dir: string, name: string, group: string, header: string, data: () => Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, Buffer.concat([Buffer.from(header, 'latin1'), data()]));
      renameSync(temp, join(dir, name));
    } finally {
      rmSync(temp, { force: true });
    }
    for (const other of readdirSync(dir)) {
      if (other.startsWith(group) && other.endsWith('.bin') && other !== name)
        rmSync(join(dir, other), { force: true });
    }
  } catch {
    // No cache this time: the next run compiles again.
  }
}

// A run of the command line lasts a fraction of a second, and V8's optimizing compiler, started as soon as a function
// is warm, costs such a run more than it saves (about a seventh of a triage run's processor time, a fifth of a
// status run's). Four times V8's default budget lets code that stays hot for longer be optimized, only later.
setFlagsFromString('--interrupt-budget=270336');

const run = compiled();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fallback: the bundle loaded as usual
if (run === undefined) require(MAIN);
else run();
