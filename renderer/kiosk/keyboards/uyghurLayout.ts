// Uyghur keyboard (Arabic script), transcribed from Debian xkb-data 2.35.1 symbols/cn,
// variant "ug" (see /work/shared/reference/xkb-cn-tib-ug.txt). The variant includes
// us(basic), so every key it does not override keeps its US symbols: the digits 1–8 with
// their Shift signs, ` ~, = +, \ |, and the apostrophe and straight double quote ' " (the
// apostrophe is also the Latin-script Uyghur syllable separator). Two levels: base
// and Shift (null where xkb has VoidSymbol). Rows keep the physical positions Uyghur
// typists know; the text they type runs right to left.

export interface UyghurKey {
  id: string;
  levels: readonly [string, string | null];
}

const k = (id: string, base: string, shift: string | null): UyghurKey => ({ id, levels: [base, shift] });

export const UYGHUR_ROWS: readonly (readonly UyghurKey[])[] = [
  [
    k('`', '`', '~'),
    k('1', '1', '!'),
    k('2', '2', '@'),
    k('3', '3', '#'),
    k('4', '4', '$'),
    k('5', '5', '%'),
    k('6', '6', '^'),
    k('7', '7', '&'),
    k('8', '8', '*'),
    k('9', '9', ')'),
    k('0', '0', '('),
    k('-', '-', '\u2014'),
    k('=', '=', '+'),
  ],
  [
    k('q', '\u0686', null),
    k('w', '\u06CB', null),
    k('e', '\u06D0', null),
    k('r', '\u0631', null),
    k('t', '\u062A', null),
    k('y', '\u064A', null),
    k('u', '\u06C7', null),
    k('i', '\u06AD', null),
    k('o', '\u0648', null),
    k('p', '\u067E', null),
    k('[', ']', '\u00BB'),
    k(']', '[', '\u00AB'),
    k('\\', '\\', '|'),
  ],
  [
    k('a', '\u06BE', null),
    k('s', '\u0633', null),
    k('d', '\u062F', '\u0698'),
    k('f', '\u0627', '\u0641'),
    k('g', '\u06D5', '\u06AF'),
    k('h', '\u0649', '\u062E'),
    k('j', '\u0642', '\u062C'),
    k('k', '\u0643', '\u06C6'),
    k('l', '\u0644', null),
    k(';', '\u061B', ':'),
    k("'", "'", '"'),
  ],
  [
    k('z', '\u0632', null),
    k('x', '\u0634', null),
    k('c', '\u063A', null),
    k('v', '\u06C8', null),
    k('b', '\u0628', null),
    k('n', '\u0646', null),
    k('m', '\u0645', null),
    k(',', '\u060C', '\u203A'),
    k('.', '.', '\u2039'),
    k('/', '\u0626', '\u061F'),
  ],
];
