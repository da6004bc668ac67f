// Residents type digits in their own script: Tibetan ༠–༩ on the Tibetan keyboard, Arabic-Indic
// ٠–٩ or Extended Arabic-Indic ۰–۹ on an Uyghur phone or keyboard, full-width ０–９ from a
// Chinese IME. A card number or an ID is the same number whatever script typed it, so the one
// validator maps them all to ASCII 0–9 before any check, and the normalised value is what is
// stored. Only decimal digits are mapped; everything else is left exactly as typed.

/** The first code point of each run of ten decimal digits that counts as 0–9. */
const DIGIT_ZEROS: readonly number[] = [
  0x0f20, // Tibetan ༠
  0x0660, // Arabic-Indic ٠
  0x06f0, // Extended Arabic-Indic ۰ (Persian/Urdu forms, also on Uyghur layouts)
  0xff10, // full-width ０
];

function asciiDigit(code: number): number | null {
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return 0x30 + (code - zero);
  }
  return null;
}

/** `s` with every Tibetan, Arabic-Indic and full-width decimal digit replaced by its ASCII digit. */
export function normalizeDigits(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ascii = asciiDigit(code);
    if (ascii === null) {
      out += s[i];
    } else {
      out += String.fromCharCode(ascii);
      changed = true;
    }
  }
  return changed ? out : s;
}

/** True when `s` holds a digit of any script that normalizeDigits would change. */
export function hasNonAsciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (asciiDigit(s.charCodeAt(i)) !== null) return true;
  return false;
}
