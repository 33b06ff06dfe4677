import * as buffer from 'node:buffer';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { currentIdentity } from '../core/files/readRecord';
import { cacheDirFor } from './cacheDir';
import { readCacheFile, shortKey, writeCacheFile } from './cacheFile';

/**
 * The `commerce-patches` executable: runs the command line (`cliMain.js` beside this file) from V8's compiled code
 * kept in the cache folder (`$XDG_CACHE_HOME/commerce-patches/code/`), so that a run does not compile the bundle
 * again. Each subcommand has its own cache, and it belongs to one bundle file as it is: its first line holds the
 * file's device, inode, size, modification and change times (any rewrite of the file changes them; hashing its
 * content would cost a fifth of what the cache saves), and its name Node's version and the processor architecture; V8 checks its own version, flags and the
 * source's length too and rejects what does not fit. A cache that does not match, is not a regular file or is
 * larger than any real one is ignored and written anew at exit (to a new name, then renamed, so a concurrent run
 * never reads half a file). On any failure of this path the bundle is required as usual.
 */

const MAIN = join(__dirname, 'cliMain.js');
const PREFIX = 'cli-';

/** The bundle compiled with the cached code when there is one; undefined when this path cannot be taken. */
function compiled(): (() => void) | undefined {
  try {
    const header = `commerce-patches code cache 2 ${currentIdentity(MAIN)}\n`;
    const bytes = readFileSync(MAIN);
    // The bundle is ASCII (esbuild escapes the rest): read as such, it needs no UTF-8 decoding.
    const source = (buffer as { isAscii?: (b: Buffer) => boolean }).isAscii?.(bytes)
      ? bytes.toString('latin1')
      : bytes.toString('utf8');
    const dir = join(cacheDirFor(undefined), 'code');
    const place = shortKey(MAIN);
    // A cache per subcommand: it holds the functions that subcommand compiled.
    const word = process.argv[2] ?? '';
    const group = `${PREFIX}${place}-${/^[a-z]{1,16}$/.test(word) ? word : '_'}-`;
    const name = `${group}${process.version}-${process.arch}.bin`;
    const cachedData = readCacheFile(join(dir, name), header);
    // The CommonJS wrapper on the bundle's first line, so that lines in stack traces stay those of the file.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapped, { filename: MAIN, cachedData });
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    if (cachedData === undefined || script.cachedDataRejected === true) {
      // Not after a usage error or unusable input (exit 2): a mistyped command keeps no cache.
      process.once('exit', (code) => {
        if (code !== 2) writeCacheFile(dir, name, group, header, () => script.createCachedData());
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

// A run of the command line lasts a fraction of a second, and V8's optimizing compiler, started as soon as a function
// is warm, costs such a run more than it saves (about a seventh of a triage run's processor time, a fifth of a
// status run's). Four times V8's default budget lets code that stays hot for longer be optimized, only later.
setFlagsFromString('--interrupt-budget=270336');

const run = compiled();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fallback: the bundle loaded as usual
if (run === undefined) require(MAIN);
else run();
