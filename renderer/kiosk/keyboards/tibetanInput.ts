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
  /** The subjoin key was pressed: the next consonant is typed in its subjoined form. */
  subjoin: boolean;
}

export const EMPTY_TIBETAN: TibetanState = { raw: '', shift: false, alt: false, subjoin: false };

export function tibetanLevel(s: TibetanState): 0 | 1 | 2 | 3 {
  return ((s.shift ? 1 : 0) + (s.alt ? 2 : 0)) as 0 | 1 | 2 | 3;
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

export function pressTibetanKey(s: TibetanState, key: TibetanKey): TibetanState {
  const out = key.levels[tibetanLevel(s)];
  if (out === LATCH) return { ...s, shift: false, alt: false, subjoin: !s.subjoin };
  // The latch applies to the next key only: a consonant is stacked, anything else is typed as is.
  const text = s.subjoin ? (subjoinedForm(out) ?? out) : out;
  return { raw: appendText(s.raw, text), shift: false, alt: false, subjoin: false };
}

export const toggleTibetanShift = (s: TibetanState): TibetanState => ({ ...s, shift: !s.shift });
export const toggleTibetanAlt = (s: TibetanState): TibetanState => ({ ...s, alt: !s.alt });
export const tibetanSpace = (s: TibetanState): TibetanState => ({ ...s, raw: appendText(s.raw, ' '), subjoin: false });
export const tibetanBackspace = (s: TibetanState): TibetanState =>
  s.subjoin ? { ...s, subjoin: false } : { ...s, raw: deleteLast(s.raw) };

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
