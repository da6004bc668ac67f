// Typing Tibetan on the GB/T 22034 layout: four key levels (Shift and AltGr are one-shot
// toggles, as a finger on a touchscreen cannot hold a modifier), the subjoin latch that
// stacks the next consonant under the previous one, and the syllable being built (the
// text after the last tsheg, shad or space), which the kiosk shows large.
import { LATCH, type TibetanKey } from './tibetanLayout.js';
import { appendText, deleteLast, nfc } from './textEditing.js';

export interface TibetanState {
  raw: string;
  shift: boolean;
  alt: boolean;
  /** The latch key (m) was pressed: the next key types its third level (a subjoined letter for a consonant). */
  subjoin: boolean;
  /** The last key was refused (a subjoined letter after a vowel sign); the keyboard says so. */
  refused?: boolean;
  /** The field's longest answer in code points (DEFAULT_MAX_LENGTH when not given). */
  maxLength?: number;
}

export const EMPTY_TIBETAN: TibetanState = { raw: '', shift: false, alt: false, subjoin: false };

export function tibetanLevel(s: TibetanState): 0 | 1 | 2 | 3 {
  // The latch works like a held AltGr for one key (xkb ISO_Level3_Latch).
  return ((s.shift ? 1 : 0) + (s.alt || s.subjoin ? 2 : 0)) as 0 | 1 | 2 | 3;
}

/** Deprecated signs (no canonical decomposition) and the spellings Unicode recommends. */
const DEPRECATED: Record<string, string> = { '\u0F77': '\u0FB2\u0F71\u0F80', '\u0F79': '\u0FB3\u0F71\u0F80' };

const VOWEL_SIGN = /[\u0F71-\u0F7D\u0F80\u0F81]$/u;
const SUBJOINED = /^[\u0F90-\u0FBC]/u;

/**
 * A subjoined letter belongs under the consonant, before any vowel sign: after a vowel
 * sign it would stack under the vowel, which no Tibetan word does.
 */
export function refusesAfter(text: string, next: string): boolean {
  return VOWEL_SIGN.test(text) && SUBJOINED.test(next);
}

/**
 * The subjoined form of a base consonant, or null when it has none. Unicode places the
 * subjoined letters 0x50 above the base letters (ཀ U+0F40 → ྐ U+0F90), except fixed-form
 * ར U+0F6A whose subjoined form is U+0FBC; U+0F48 and U+0F98 are unassigned.
 */
export function subjoinedForm(ch: string): string | null {
  const cp = ch.codePointAt(0);
  if (cp === undefined || [...ch].length !== 1) return null;
  if (cp === 0x0f6a) return '\u0FBC';
  if (cp >= 0x0f40 && cp <= 0x0f69 && cp !== 0x0f48) return String.fromCodePoint(cp + 0x50);
  return null;
}

/** The level of the toggles alone, without the latch: where the latch key itself is found. */
export function toggleLevel(s: TibetanState): 0 | 1 | 2 | 3 {
  return ((s.shift ? 1 : 0) + (s.alt ? 2 : 0)) as 0 | 1 | 2 | 3;
}

export function pressTibetanKey(s: TibetanState, key: TibetanKey): TibetanState {
  // The latch key itself (m at the base and Shift levels) arms or cancels the latch.
  const own = key.levels[toggleLevel(s)];
  if (own === LATCH) return { ...s, shift: false, alt: false, subjoin: !s.subjoin, refused: false };
  const out = key.levels[tibetanLevel(s)];
  // The latch applies to the next key only, as its third level.
  const text = out === LATCH ? '' : [...out].map((c) => DEPRECATED[c] ?? c).join('');
  if (text === '' || refusesAfter(s.raw, text)) return { ...s, shift: false, alt: false, subjoin: false, refused: text !== '' };
  return { ...s, raw: appendText(s.raw, text, s.maxLength), shift: false, alt: false, subjoin: false, refused: false };
}

export const toggleTibetanShift = (s: TibetanState): TibetanState => ({ ...s, shift: !s.shift });
export const toggleTibetanAlt = (s: TibetanState): TibetanState => ({ ...s, alt: !s.alt });
export const tibetanSpace = (s: TibetanState): TibetanState => ({ ...s, raw: appendText(s.raw, ' ', s.maxLength), subjoin: false, refused: false });
export const tibetanBackspace = (s: TibetanState): TibetanState =>
  s.subjoin ? { ...s, subjoin: false, refused: false } : { ...s, raw: deleteLast(s.raw), refused: false };

export function tibetanText(s: TibetanState): string {
  return nfc(s.raw);
}

/** Tsheg, non-breaking tsheg, shad variants and space end a syllable. */
const SYLLABLE_END = /[\u0F0B\u0F0C\u0F0D-\u0F12\u0F14\s]/u;

/** The syllable being built: everything after the last syllable delimiter. */
export function currentSyllable(text: string): string {
  const cps = [...text];
  let i = cps.length;
  while (i > 0 && !SYLLABLE_END.test(cps[i - 1]!)) i--;
  return cps.slice(i).join('');
}
