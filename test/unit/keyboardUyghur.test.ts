import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_UYGHUR,
  pressUyghurKey,
  toggleUyghurShift,
  uyghurBackspace,
  uyghurSpace,
  uyghurText,
  type UyghurState,
} from '../../renderer/kiosk/keyboards/uyghurInput.js';
import { UYGHUR_ROWS, type UyghurKey } from '../../renderer/kiosk/keyboards/uyghurLayout.js';

const keys = new Map<string, UyghurKey>(UYGHUR_ROWS.flat().map((k) => [k.id, k]));
const press = (s: UyghurState, ids: string) =>
  [...ids].reduce((acc, id) => {
    const key = keys.get(id);
    assert.ok(key, `no key ${id}`);
    return pressUyghurKey(acc, key);
  }, s);

describe('Uyghur keyboard (xkb cn(ug))', () => {
  it('types ئۇيغۇر in logical order', () => {
    const s = press(EMPTY_UYGHUR, '/uycur');
    assert.equal(uyghurText(s), '\u0626\u06C7\u064A\u063A\u06C7\u0631');
    assert.equal(uyghurText(s), 'ئۇيغۇر');
  });

  it('has every letter of the Uyghur alphabet on some level', () => {
    const typable = new Set(UYGHUR_ROWS.flat().flatMap((k) => k.levels.filter((l): l is string => l !== null)));
    for (const letter of 'ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە') assert.ok(typable.has(letter), `missing ${letter}`);
  });

  it('reaches the Shift letters once (ف on Shift+f), and ignores keys with nothing on Shift', () => {
    const s = press(toggleUyghurShift(EMPTY_UYGHUR), 'ff');
    assert.equal(uyghurText(s), '\u0641\u0627');
    const void_ = press(toggleUyghurShift(EMPTY_UYGHUR), 'q');
    assert.equal(uyghurText(void_), '');
    assert.equal(void_.shift, true);
  });

  it('adds spaces and takes back one letter', () => {
    let s = press(EMPTY_UYGHUR, 'fl');
    s = uyghurSpace(s);
    assert.equal(uyghurText(s), 'ال ');
    assert.equal(uyghurText(uyghurBackspace(uyghurBackspace(s))), 'ا');
  });

  it('has the keys cn(ug) takes from the US layout: apostrophe, straight double quote, ` ~ = + \\ |', () => {
    assert.deepEqual(keys.get("'")?.levels, ["'", '"']);
    assert.deepEqual(keys.get('`')?.levels, ['`', '~']);
    assert.deepEqual(keys.get('=')?.levels, ['=', '+']);
    assert.deepEqual(keys.get('\\')?.levels, ['\\', '|']);
    // Typed in a Uyghur word: the apostrophe keeps its code point (no Arabic substitute).
    assert.equal(uyghurText(press(EMPTY_UYGHUR, "m'")), '\u0645\u0027');
    assert.equal(uyghurText(press(toggleUyghurShift(EMPTY_UYGHUR), "'")), '"');
    // Every printable key of the US layout is present: 47 keys, as on the physical keyboard.
    assert.equal(keys.size, 47);
  });

  it('hands out NFC text even when ئ arrives decomposed', () => {
    assert.equal(uyghurText({ raw: '\u064A\u0654', shift: false }), '\u0626');
  });
});
