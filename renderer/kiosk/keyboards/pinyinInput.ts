// Chinese input: letters collect in a pinyin composition; choosing a candidate word commits
// it and keeps the letters it did not use, so a long spelling can be chosen piece by piece.
import { appendText, deleteLast, nfc } from './textEditing.js';
import type { Candidate } from './pinyinIndex.js';

export interface PinyinState {
  /** Chinese text already chosen. */
  committed: string;
  /** Latin letters typed and not yet turned into Chinese. */
  composing: string;
  /** The field's longest answer in code points (DEFAULT_MAX_LENGTH when not given). */
  maxLength?: number;
}

export const EMPTY_PINYIN: PinyinState = { committed: '', composing: '' };

/** A pinyin spelling longer than this is not one a resident means to type. */
const MAX_COMPOSING = 30;

export function pinyinLetter(s: PinyinState, letter: string): PinyinState {
  if (!/^[a-z]$/.test(letter) || s.composing.length >= MAX_COMPOSING) return s;
  return { ...s, composing: s.composing + letter };
}

/**
 * A digit (the digits row, for addresses: 3号楼): typed straight into the text. Refused while
 * letters are being composed, so a digit never lands before the word still being spelled.
 */
export function pinyinDigit(s: PinyinState, digit: string): PinyinState {
  if (!/^[0-9]$/.test(digit) || s.composing) return s;
  const committed = appendText(s.committed, digit, s.maxLength);
  return committed === s.committed ? s : { ...s, committed };
}

export function chooseCandidate(s: PinyinState, c: Candidate): PinyinState {
  const committed = appendText(s.committed, c.word, s.maxLength);
  if (committed === s.committed) return s;
  return { ...s, committed, composing: s.composing.slice(c.consumed) };
}

/** Backspace takes back a letter while composing, otherwise the last Chinese character. */
export function pinyinBackspace(s: PinyinState): PinyinState {
  if (s.composing) return { ...s, composing: s.composing.slice(0, -1) };
  return { ...s, committed: deleteLast(s.committed) };
}

export function pinyinText(s: PinyinState): string {
  return nfc(s.committed);
}
