import type { Translate } from './describe';

/** English with its `{0}`-style placeholders filled: the text of core messages when no front end set a lookup. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));

let lookup: Translate = english;

/**
 * Translation for the messages core code writes itself (why a composer.lock or composer.json cannot be used).
 * The key is the English text, as everywhere; the extension and the command line route it to their bundle lookup
 * with {@link useTranslate}, so these messages reach the Problems panel and the terminal in the display language.
 */
export const t: Translate = (message, ...args) => lookup(message, ...args);

/** Sets the lookup behind {@link t} (VS Code's `l10n.t` in the extension, the CLI's bundle lookup on the command line). */
export function useTranslate(translate: Translate): void {
  lookup = translate;
}
