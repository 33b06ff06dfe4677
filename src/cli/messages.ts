import type * as L10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale, toLocale } from '../core/locale';
import { english, t as coreT, type Translate, useTranslate } from '../core/text/translate';

/** The folder with the message bundles the extension uses too (`l10n/bundle.l10n.<locale>.json`). */
const BUNDLES = join(__dirname, '..', 'l10n');

/**
 * The language the POSIX locale variables ask for, as gettext reads them: LC_ALL, else LC_MESSAGES, else LANG
 * (`sv_SE.UTF-8`, `sv_SE@euro` → sv); then, unless that is the C/POSIX locale, the first supported entry of the LANGUAGE
 * priority list (`ja:en`) wins. Unset or unsupported → English.
 */
export function localeFromEnvironment(env: NodeJS.ProcessEnv): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const posix = tag === '' || /^(C|POSIX)([._@]|$)/.test(tag);
  if (!posix && env.LANGUAGE) {
    for (const entry of env.LANGUAGE.split(':')) {
      const primary = entry.toLowerCase().split(/[-_.@]/)[0];
      if ((LOCALES as readonly string[]).includes(primary ?? '')) return toLocale(primary);
    }
  }
  return toLocale(tag.split('@')[0]);
}

let library: typeof L10n | undefined;
let messages: string | undefined;

/** The message bundle in use, undefined for English (its texts are the keys). */
export function messagesFile(): string | undefined {
  return messages;
}

/** The bundle lookup library, loaded only for a language other than English. */
function l10n(): typeof L10n {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not with the program
  return (library ??= require('@vscode/l10n') as typeof L10n);
}

/**
 * Sets the display language: `--locale` when given, else the environment. Loads the matching bundle (English
 * needs none: its texts are the keys, and the bundle library is not even loaded). Returns the locale in use; a
 * bundle that cannot be read leaves English.
 */
export function setUpMessages(
  requested: string | undefined,
  warn: (message: string) => void,
  env = process.env,
): Locale {
  let locale = requested === undefined ? localeFromEnvironment(env) : toLocale(requested);
  if (requested !== undefined && locale === 'en' && !/^en\b/i.test(requested)) {
    warn(`--locale ${requested} is not available (${LOCALES.join(', ')}); using English`);
  }
  useTranslate(english);
  messages = undefined;
  if (locale !== 'en') {
    const bundle = join(BUNDLES, `bundle.l10n.${locale}.json`);
    try {
      if (!existsSync(bundle)) throw new Error('file not found');
      const lib = l10n();
      lib.config({ fsPath: bundle });
      useTranslate((message, ...args) => lib.t(message, ...args));
      messages = bundle;
    } catch (e) {
      warn(`${bundle}: ${(e as Error).message}; using English`);
      locale = 'en';
    }
  }
  return locale;
}

/** The command line's texts, in the language {@link setUpMessages} set (the same lookup as core's texts). */
export const t: Translate = coreT;
