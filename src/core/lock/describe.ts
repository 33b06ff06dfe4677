import { DEFAULT_SEARCH_DEPTH, scanComposerFiles } from './find';

/** What a folder holds, Composer-wise. */
export type FolderStatus =
  /** Neither composer.lock nor composer.json anywhere below the folder. */
  | { kind: 'no-composer'; folder: string; message: string }
  /** composer.json files but no composer.lock: dependencies were never installed. */
  | { kind: 'composer-json-only'; folder: string; composerJsonFiles: string[]; message: string }
  /** One or more composer.lock files (sorted). */
  | { kind: 'locks'; folder: string; lockFiles: string[]; message: string };

/**
 * Tells apart a folder with no Composer project, one with only composer.json (run `composer install`) and one
 * with lock files. `message` is an English sentence for the command line; front ends may word `kind` themselves.
 */
export function describeFolder(folder: string, maxDepth = DEFAULT_SEARCH_DEPTH): FolderStatus {
  const { lockFiles, unlockedComposerJsons } = scanComposerFiles(folder, maxDepth);
  if (lockFiles.length > 0) {
    const n = lockFiles.length;
    return { kind: 'locks', folder, lockFiles, message: `${n} composer.lock file${n === 1 ? '' : 's'} found.` };
  }
  if (unlockedComposerJsons.length > 0) {
    return {
      kind: 'composer-json-only',
      folder,
      composerJsonFiles: unlockedComposerJsons,
      message: 'composer.json found but no composer.lock: run `composer install` to install the dependencies first.',
    };
  }
  return {
    kind: 'no-composer',
    folder,
    message: `No composer.lock or composer.json found in this folder or down to ${maxDepth} levels below it.`,
  };
}
