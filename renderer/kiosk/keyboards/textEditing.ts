// Editing helpers shared by every on-screen keyboard. Keyboards keep what was typed as raw
// code points (so Backspace undoes exactly one key) and hand out NFC text, the form the
// server stores and compares.

/** The cap where no field gives one (the try-out page): the validator's default for a short text. */
export const DEFAULT_MAX_LENGTH = 200;

/**
 * Appends unless the result would be longer than the field allows. Counted as the validator
 * counts (code points of the NFC text the keyboard hands out), so a keyboard never refuses
 * what the form accepts nor lets through what it refuses.
 */
export function appendText(raw: string, text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  if ([...nfc(raw + text)].length > maxLength) return raw;
  return raw + text;
}

/** Removes the last code point: in Tibetan that undoes the last vowel or subjoined letter, not the whole stack. */
export function deleteLast(raw: string): string {
  const cps = [...raw];
  cps.pop();
  return cps.join('');
}

export function nfc(raw: string): string {
  return raw.normalize('NFC');
}
