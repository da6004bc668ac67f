// A long name (a service, a form) is set a step smaller so it wraps to two lines inside its
// tile instead of being cut with "…". Counted in what a reader sees: Chinese characters are
// wide, Tibetan syllables and Uyghur letters narrow, so each script has its own threshold.
import type { PageLanguage } from '../../shared/i18n.js';

const LONG_AFTER: Record<PageLanguage, number> = { zh: 8, bo: 22, ug: 22 };

/** Graphemes: a Tibetan stack or an Uyghur letter with its marks counts once. */
function visibleLength(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

export function nameLength(name: string | undefined, lang: PageLanguage): 'name-long' | 'name-short' {
  return visibleLength(name ?? '') > LONG_AFTER[lang] ? 'name-long' : 'name-short';
}
