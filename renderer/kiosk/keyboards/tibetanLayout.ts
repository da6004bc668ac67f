// GB/T 22034 Tibetan keyboard, transcribed from Debian xkb-data 2.35.1 symbols/cn, variant
// "tib" (see /work/shared/reference/xkb-cn-tib-ug.txt). Each key has four levels: base,
// Shift, AltGr (level 3) and Shift+AltGr (level 4). The 'm' key latches the third level on
// its first two levels, as xkb cn(tib) does: the next key types its level-3 sign, which for
// a consonant is its subjoined (stacked) form and for u is subjoined wa ྭ.
// Two level-4 signs differ from xkb: U+0F77 and U+0F79 are deprecated by Unicode (no
// canonical decomposition, so NFC keeps them and search cannot match them); the keys type
// their recommended spellings ྲཱྀ (U+0FB2 U+0F71 U+0F80) and ླཱྀ (U+0FB3 U+0F71 U+0F80).
// Rows follow the physical keyboard so a resident who types Tibetan finds every letter
// where GB/T 22034 puts it.

/** Marks the subjoin latch in a level slot. */
export const LATCH = 'LATCH' as const;
export type TibetanKeyOutput = string | typeof LATCH;

export interface TibetanKey {
  /** The physical key (US engraving), used as a stable id. */
  id: string;
  levels: readonly [TibetanKeyOutput, TibetanKeyOutput, TibetanKeyOutput, TibetanKeyOutput];
}

const k = (id: string, a: TibetanKeyOutput, b: TibetanKeyOutput, c: TibetanKeyOutput, d: TibetanKeyOutput): TibetanKey => ({
  id,
  levels: [a, b, c, d],
});

export const TIBETAN_ROWS: readonly (readonly TibetanKey[])[] = [
  [
    k('`', '\u0F68', '\u0F01', '\u0FB8', '\u0F00'),
    k('1', '\u0F21', '\u0F2A', '\u0F04', '\u0F76'),
    k('2', '\u0F22', '\u0F2B', '\u0F05', '\u0FB2\u0F71\u0F80'),
    k('3', '\u0F23', '\u0F2C', '\u0F7E', '\u0F78'),
    k('4', '\u0F24', '\u0F2D', '\u0F83', '\u0FB3\u0F71\u0F80'),
    k('5', '\u0F25', '\u0F2E', '\u0F37', '\u0F81'),
    k('6', '\u0F26', '\u0F2F', '\u0F35', '\u0F09'),
    k('7', '\u0F27', '\u0F30', '\u0F7F', '\u0F0A'),
    k('8', '\u0F28', '\u0F31', '\u0F14', '\u0F0F'),
    k('9', '\u0F29', '\u0F32', '\u0F11', '\u0F10'),
    k('0', '\u0F20', '\u0F33', '\u0F08', '\u0F12'),
    k('-', '\u0F67', '\u0F3C', '\u0FB7', '\u0F0C'),
    k('=', '\u0F5D', '\u0F3D', '\u0FBA', '\u0F13'),
  ],
  [
    k('q', '\u0F45', '\u0F15', '\u0F95', '\u0F89'),
    k('w', '\u0F46', '\u0F16', '\u0F96', '\u0F88'),
    k('e', '\u0F7A', '\u0F17', '\u0F7B', '\u0FBE'),
    k('r', '\u0F62', '\u0FBC', '\u0FB2', '\u0F6A'),
    k('t', '\u0F4F', '\u0F4A', '\u0F9F', '\u0F9A'),
    k('y', '\u0F61', '\u0FBB', '\u0FB1', '\u0FBF'),
    k('u', '\u0F74', '\u0F18', '\u0FAD', '\u0F75'),
    k('i', '\u0F72', '\u0F19', '\u0F80', '\u0F73'),
    k('o', '\u0F7C', '\u0F1A', '\u0F7D', '\u0FC0'),
    k('p', '\u0F55', '\u0F1B', '\u0FA5', '\u0FC1'),
    k('[', '\u0F59', '\u0F1C', '\u0FA9', '\u0FC2'),
    k(']', '\u0F5A', '\u0F1D', '\u0FAA', '\u0FC3'),
    k('\\', '\u0F5B', '\u0F1E', '\u0FAB', '\u0F5C'),
  ],
  [
    k('a', '\u0F60', '\u0F71', '\u0FB0', '\u0FC4'),
    k('s', '\u0F66', '\u0F1F', '\u0FB6', '\u0FC5'),
    k('d', '\u0F51', '\u0F4C', '\u0FA1', '\u0F9C'),
    k('f', '\u0F56', '\u0F3E', '\u0FA6', '\u0F57'),
    k('g', '\u0F44', '\u0F3F', '\u0F94', '\u0FC6'),
    k('h', '\u0F58', '\u0FCF', '\u0FA8', '\u0FC7'),
    k('j', '\u0F0B', '\u0F02', '\u0F84', '\u0FC8'),
    k('k', '\u0F42', '\u0F03', '\u0F92', '\u0F43'),
    k('l', '\u0F63', '\u0F06', '\u0FB3', '\u0FC9'),
    k(';', '\u0F5E', '\u0F07', '\u0FAE', '\u0FCA'),
    k("'", '\u0F0D', '\u0F38', '\u0F0E', '\u0FCB'),
  ],
  [
    k('z', '\u0F5F', '\u0F34', '\u0FAF', '\u0FCC'),
    k('x', '\u0F64', '\u0F65', '\u0FB4', '\u0FB5'),
    k('c', '\u0F40', '\u0F69', '\u0F90', '\u0FB9'),
    k('v', '\u0F41', '\u0F87', '\u0F91', '\u0F36'),
    k('b', '\u0F54', '\u0F86', '\u0FA4', '\u0F82'),
    k('n', '\u0F53', '\u0F4E', '\u0FA3', '\u0F9E'),
    k('m', LATCH, LATCH, '\u0F85', '\u0F52'),
    k(',', '\u0F50', '\u0F4B', '\u0FA0', '\u0F9B'),
    k('.', '\u0F47', '\u0F3A', '\u0F97', '\u0F8B'),
    k('/', '\u0F49', '\u0F3B', '\u0F99', '\u0F8A'),
  ],
];
