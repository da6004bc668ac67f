// How a key shows what it types. A lone combining mark (a Tibetan vowel sign or subjoined
// letter) would be drawn on a dotted circle; set on a no-break space, which shaping engines
// accept as a base, it shows as the bare mark.
export function keyLabel(text: string): string {
  return /^\p{M}/u.test(text) ? `\u00A0${text}` : text;
}
