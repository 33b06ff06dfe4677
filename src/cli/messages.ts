import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Locale, toLocale } from '../core/locale';
import type { Translate } from '../core/text/describe';

/**
 * The display language: `--locale`, else the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG).
 * Loads the same message bundles the extension uses (`l10n/bundle.l10n.<locale>.json`); English needs none.
 */
export function setUpMessages(requested: string | undefined, warn: (message: string) => void): Locale {
  const env = process.env;
  const tag = requested ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
  const locale = toLocale(tag);
  if (requested !== undefined && locale === 'en' && !/^en\b/i.test(requested)) {
    warn(`--locale ${requested} is not available (en, sv, fr, ja); using English`);
  }
  if (locale !== 'en') {
    const bundle = join(__dirname, '..', 'l10n', `bundle.l10n.${locale}.json`);
    if (existsSync(bundle)) l10n.config({ fsPath: bundle });
  }
  return locale;
}

export const t: Translate = (message, ...args) => l10n.t(message, ...args);
