// Typing Uyghur on the xkb cn(ug) layout: base and Shift levels (Shift is a one-shot toggle
// on a touchscreen). Letters are stored in logical order; the field shows them right to left.
import type { UyghurKey } from './uyghurLayout.js';
import { appendText, deleteLast, nfc } from './textEditing.js';

export interface UyghurState {
  raw: string;
  shift: boolean;
  /** The field's longest answer in code points (DEFAULT_MAX_LENGTH when not given). */
  maxLength?: number;
}

export const EMPTY_UYGHUR: UyghurState = { raw: '', shift: false };

/** What the key types at the current level; null where the layout has nothing (xkb VoidSymbol). */
export function uyghurKeyOutput(s: UyghurState, key: UyghurKey): string | null {
  return key.levels[s.shift ? 1 : 0];
}

export function pressUyghurKey(s: UyghurState, key: UyghurKey): UyghurState {
  const out = uyghurKeyOutput(s, key);
  if (out === null) return s;
  return { ...s, raw: appendText(s.raw, out, s.maxLength), shift: false };
}

export const toggleUyghurShift = (s: UyghurState): UyghurState => ({ ...s, shift: !s.shift });
export const uyghurSpace = (s: UyghurState): UyghurState => ({ ...s, raw: appendText(s.raw, ' ', s.maxLength) });
export const uyghurBackspace = (s: UyghurState): UyghurState => ({ ...s, raw: deleteLast(s.raw) });

export function uyghurText(s: UyghurState): string {
  return nfc(s.raw);
}
