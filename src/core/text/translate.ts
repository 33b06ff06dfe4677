/**
 * Translates an English message with `{0}`-style placeholders. The English text is the key; VS Code looks it up with
 * `vscode.l10n.t`, the command-line tool in its own bundles.
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** English with its `{0}`-style placeholders filled: the text of core messages when no front end set a lookup. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) =>
    Number(index) < args.length ? String(args[Number(index)]) : match,
  );

let lookup: Translate = english;

/**
 * The one translation of core: every text core writes (why a composer.lock cannot be used, status and product
 * labels, reasons). The extension's `activate` and the command line's start route it to their bundle lookup with
 * {@link useTranslate}, so these texts reach the views and the terminal in the display language.
 */
export const t: Translate = (message, ...args) => lookup(message, ...args);

/** Sets the lookup behind {@link t} (VS Code's `l10n.t` in the extension, the CLI's bundle lookup on the command line). */
export function useTranslate(translate: Translate): void {
  lookup = translate;
}
