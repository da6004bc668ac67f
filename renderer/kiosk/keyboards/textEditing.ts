// Editing helpers shared by every on-screen keyboard. Keyboards keep what was typed as raw
// code points (so Backspace undoes exactly one key) and hand out NFC text, the form the
// server stores and compares.

/** Longest text any kiosk field takes, in code points; more is almost surely a stuck finger. */
export const DEFAULT_MAX_LENGTH = 200;

export function appendText(raw: string, text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  if ([...raw].length + [...text].length > maxLength) return raw;
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
