import type { Patch } from '../catalog/patch';
import { type Locale, localized } from '../locale';

/**
 * The view's text filter: every whitespace-separated word must occur (case-insensitively) in the patch ID, its
 * title (display language or English) or one of its categories.
 */
export class PatchFilter {
  readonly text: string;
  private readonly words: string[];

  constructor(text: string) {
    this.text = text.trim();
    this.words = this.text
      .toLocaleLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
  }

  get active(): boolean {
    return this.words.length > 0;
  }

  matches(patch: Patch, locale: Locale): boolean {
    if (!this.active) return true;
    const haystack = [patch.id, localized(patch.title, locale), patch.title.en, ...patch.categories]
      .join('\n')
      .toLocaleLowerCase();
    return this.words.every((w) => haystack.includes(w));
  }
}
