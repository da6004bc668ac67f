// Where a line may break, per script. Tibetan writes no spaces between words: lines break
// after the tsheg (་) or shad (།). Uyghur breaks at spaces. Chinese may break between any two
// characters, but closing punctuation stays with the character before it.
import type { Language } from '../core/model.js';

const TIBETAN_BREAK = /[^\u0F0B\u0F0D\u0F0E\s]+[\u0F0B\u0F0D\u0F0E]*\s*|[\u0F0B\u0F0D\u0F0E]+\s*|\s+/gu;
const SPACE_BREAK = /\S+\s*|\s+/gu;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;
const CLOSING = /^[，。、：；！？）」』》〉”’%\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\uFF09]/u;

/** The text cut into pieces that may start a new line; joined back they give the text. */
export function breakOpportunities(text: string, lang: Language): string[] {
  if (lang === 'bo') return text.match(TIBETAN_BREAK) ?? [];
  if (lang === 'ug') return text.match(SPACE_BREAK) ?? [];
  const out: string[] = [];
  for (const word of text.match(SPACE_BREAK) ?? []) {
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    for (const ch of word) {
      const last = out.length - 1;
      if (last >= 0 && (CLOSING.test(ch) || /\s/u.test(ch))) out[last] += ch;
      else out.push(ch);
    }
  }
  return out;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Greedy wrap: as many pieces per line as fit in maxWidth. A piece wider than a line is cut
 * between grapheme clusters, never inside one (that would split a Tibetan stack).
 */
export function wrapText(text: string, lang: Language, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  const push = (): void => {
    if (cur.trim()) lines.push(cur.trimEnd());
    cur = '';
  };
  for (const piece of breakOpportunities(text, lang)) {
    if (measure((cur + piece).trimEnd()) <= maxWidth) {
      cur += piece;
      continue;
    }
    push();
    if (measure(piece.trimEnd()) <= maxWidth) {
      cur = piece.trimStart();
      continue;
    }
    for (const { segment } of graphemes.segment(piece)) {
      if (cur && measure((cur + segment).trimEnd()) > maxWidth) push();
      cur += segment;
    }
  }
  push();
  return lines;
}
