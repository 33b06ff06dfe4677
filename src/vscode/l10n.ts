import * as vscode from 'vscode';
import { type Locale, toLocale } from '../core/locale';
import { formatWhen } from '../core/text/dates';
import { formatNumber } from '../core/text/numbers';
import type { Translate } from '../core/text/translate';

/**
 * VS Code's runtime translation (English text is the key; `l10n/bundle.l10n.*.json` hold the translations).
 * `activate` gives it to core (`useTranslate`), so core's texts go through the same lookup.
 */
export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** The catalog language matching VS Code's display language (English when the catalog has no such language). */
export function displayLocale(): Locale {
  return toLocale(vscode.env.language);
}

/** A count or duration in the display language's number format (Intl), ready for a `{0}` or a row description. */
export function formatCount(value: number): string {
  return formatNumber(value, displayLocale());
}

/** A moment (milliseconds since the epoch) in the display language: the time for today, else date and time (Intl). */
export function formatTime(time: number): string {
  return formatWhen(time, displayLocale());
}
