import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_TIBETAN,
  currentSyllable,
  pressTibetanKey,
  refusesAfter,
  subjoinedForm,
  tibetanBackspace,
  tibetanText,
  toggleTibetanAlt,
  toggleTibetanShift,
  type TibetanState,
} from '../../renderer/kiosk/keyboards/tibetanInput.js';
import { LATCH, TIBETAN_ROWS, type TibetanKey } from '../../renderer/kiosk/keyboards/tibetanLayout.js';

const keys = new Map<string, TibetanKey>(TIBETAN_ROWS.flat().map((k) => [k.id, k]));
const press = (s: TibetanState, ids: string) =>
  [...ids].reduce((acc, id) => {
    const key = keys.get(id);
    assert.ok(key, `no key ${id}`);
    return pressTibetanKey(acc, key);
  }, s);

describe('Tibetan keyboard (GB/T 22034, xkb cn(tib))', () => {
  it('has the 47 keys of the layout, with the subjoin latch on m', () => {
    assert.equal(keys.size, 47);
    assert.deepEqual(keys.get('m')!.levels.slice(0, 2), [LATCH, LATCH]);
    assert.equal(keys.get('c')!.levels[0], '\u0F40'); // ཀ
    assert.equal(keys.get('j')!.levels[0], '\u0F0B'); // tsheg
    assert.equal(keys.get("'")!.levels[0], '\u0F0D'); // shad
    assert.equal(keys.get('1')!.levels[0], '\u0F21'); // Tibetan digit one
  });

  it('types བཀྲ་ཤིས with the subjoin key stacking ར under ཀ', () => {
    const s = press(EMPTY_TIBETAN, 'fcmrjxis');
    assert.equal(tibetanText(s), '\u0F56\u0F40\u0FB2\u0F0B\u0F64\u0F72\u0F66');
    assert.equal(tibetanText(s), 'བཀྲ་ཤིས');
  });

  it('latches for one key only, and a second press of the latch cancels it', () => {
    const once = press(EMPTY_TIBETAN, 'mrr');
    assert.equal(tibetanText(once), '\u0FB2\u0F62');
    const cancelled = press(EMPTY_TIBETAN, 'mmr');
    assert.equal(tibetanText(cancelled), '\u0F62');
    assert.equal(press(EMPTY_TIBETAN, 'm').subjoin, true);
  });

  it('latches the third level as xkb cn(tib) does: m then u types subjoined wa ྭ, not the vowel ུ', () => {
    const s = press(EMPTY_TIBETAN, 'cmu');
    assert.equal(tibetanText(s), '\u0F40\u0FAD'); // ཀྭ
    assert.equal(s.subjoin, false);
    assert.equal(tibetanText(press(EMPTY_TIBETAN, 'cu')), '\u0F40\u0F74'); // without the latch: ཀུ
    // Every key types its level-3 sign after the latch (i: the reversed vowel ྀ).
    assert.equal(tibetanText(press(EMPTY_TIBETAN, 'cmi')), '\u0F40\u0F80');
    assert.equal(tibetanText(press(EMPTY_TIBETAN, 'mk')), '\u0F92'); // ྒ
  });

  it('never types the deprecated U+0F77 and U+0F79, but their recommended spellings', () => {
    const all = TIBETAN_ROWS.flat().flatMap((k) => k.levels.filter((l) => l !== LATCH).join(''));
    assert.ok(!all.some((l) => l.includes('\u0F77') || l.includes('\u0F79')));
    const level4 = (id: string) => tibetanText(press(toggleTibetanAlt(toggleTibetanShift(EMPTY_TIBETAN)), id));
    assert.equal(level4('2'), '\u0FB2\u0F71\u0F80');
    assert.equal(level4('4'), '\u0FB3\u0F71\u0F80');
    // Even if a layout slot held one, the key would type the recommended spelling.
    const rogue: TibetanKey = { id: 'x', levels: ['\u0F77', '\u0F79', '\u0F77', '\u0F79'] };
    assert.equal(tibetanText(pressTibetanKey(EMPTY_TIBETAN, rogue)), '\u0FB2\u0F71\u0F80');
  });

  it('refuses a subjoined letter after a vowel sign, and says so until the next key', () => {
    const vowel = press(EMPTY_TIBETAN, 'ci'); // ཀི
    const latched = press(vowel, 'mr');
    assert.equal(tibetanText(latched), '\u0F40\u0F72');
    assert.equal(latched.refused, true);
    const direct = press(toggleTibetanAlt(vowel), 'r'); // AltGr+r: ྲ directly
    assert.equal(tibetanText(direct), '\u0F40\u0F72');
    assert.equal(direct.refused, true);
    const next = press(latched, 'j');
    assert.equal(tibetanText(next), '\u0F40\u0F72\u0F0B');
    assert.equal(next.refused, false);
    assert.equal(refusesAfter('\u0F40\u0FB2', '\u0FB1'), false); // stacking under a stack is fine (ཀྲྱ)
    assert.equal(refusesAfter('\u0F40\u0F7C', '\u0FAD'), true);
  });

  it('maps base consonants to their subjoined forms', () => {
    assert.equal(subjoinedForm('\u0F61'), '\u0FB1'); // ཡ → ྱ
    assert.equal(subjoinedForm('\u0F5D'), '\u0FAD'); // ཝ → ྭ
    assert.equal(subjoinedForm('\u0F6A'), '\u0FBC'); // fixed-form ར
    assert.equal(subjoinedForm('\u0F72'), null); // a vowel sign has none
    assert.equal(subjoinedForm('\u0F0B'), null);
  });

  it('uses Shift and AltGr once, then returns to the base level', () => {
    let s = toggleTibetanShift(EMPTY_TIBETAN);
    s = press(s, 't'); // Shift+t: retroflex ཊ
    s = press(s, 't');
    assert.equal(tibetanText(s), '\u0F4A\u0F4F');
    s = press(toggleTibetanAlt(EMPTY_TIBETAN), 'r'); // AltGr+r: subjoined ྲ directly
    assert.equal(tibetanText(s), '\u0FB2');
    s = press(toggleTibetanAlt(toggleTibetanShift(EMPTY_TIBETAN)), 'm'); // level 4 of m: དྷ U+0F52
    assert.equal(tibetanText(s), '\u0F51\u0FB7'); // which NFC writes as ད + ྷ
  });

  it('backspace undoes one key: the subjoined letter before its stack, and an armed latch first', () => {
    const s = press(EMPTY_TIBETAN, 'cmr');
    assert.equal(tibetanText(tibetanBackspace(s)), '\u0F40');
    const armed = press(EMPTY_TIBETAN, 'cm');
    const b = tibetanBackspace(armed);
    assert.equal(b.subjoin, false);
    assert.equal(tibetanText(b), '\u0F40');
  });

  it('normalises to NFC (ཱི typed as one key decomposes)', () => {
    const s = press(toggleTibetanAlt(toggleTibetanShift(EMPTY_TIBETAN)), 'i'); // U+0F73
    assert.equal(tibetanText(s), '\u0F71\u0F72');
  });

  it('finds the syllable being built after the last tsheg or shad', () => {
    assert.equal(currentSyllable('བཀྲ་ཤིས'), 'ཤིས');
    assert.equal(currentSyllable('བཀྲ་'), '');
    assert.equal(currentSyllable('བཀྲ'), 'བཀྲ');
    assert.equal(currentSyllable('བཀྲ་ཤིས།'), '');
  });
});
