// The on-screen keyboards stop at the field's own maxLength (renderer/kiosk/forms/textPad.ts
// and the keyboards' input modules), not at a fixed 200: the suggestion box's content field
// takes 1000 characters, and the validator accepts exactly what the keyboard let through.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FormDefinition, FormField } from '../../electron/core/forms/definition.js';
import { formMessagesFrom, validateField } from '../../electron/core/forms/validate.js';
import { padText, padWith, textMaxLength, type Pad } from '../../renderer/kiosk/forms/textPad.js';
import { chooseCandidate } from '../../renderer/kiosk/keyboards/pinyinInput.js';
import { pressTibetanKey, tibetanSpace } from '../../renderer/kiosk/keyboards/tibetanInput.js';
import { TIBETAN_ROWS } from '../../renderer/kiosk/keyboards/tibetanLayout.js';
import { pressUyghurKey, uyghurSpace } from '../../renderer/kiosk/keyboards/uyghurInput.js';
import { UYGHUR_ROWS } from '../../renderer/kiosk/keyboards/uyghurLayout.js';

const suggestion = JSON.parse(readFileSync(new URL('../../resources/forms/suggestion_box.json', import.meta.url), 'utf8')) as FormDefinition;
const content = suggestion.fields.find((f) => f.code === 'content')!;
const opts = { lang: 'zh' as const, today: '2026-01-01', messages: formMessagesFrom({ zh: undefined, bo: undefined, ug: undefined }) };

const ugKey = UYGHUR_ROWS.flat().find((k) => k.id === 'a')!;
const boKey = TIBETAN_ROWS.flat().find((k) => /^[\u0F40-\u0F6C]$/u.test(String(k.levels[0])))!;

/** One key press on the pad: a letter, or a space every seventh press so the text looks like words. */
function press(p: Pad, i: number): Pad {
  const space = i % 7 === 6;
  if (p.kind === 'ug') return { kind: 'ug', state: space ? uyghurSpace(p.state) : pressUyghurKey(p.state, ugKey) };
  if (p.kind === 'bo') return { kind: 'bo', state: space ? tibetanSpace(p.state) : pressTibetanKey(p.state, boKey) };
  return { kind: 'zh', state: chooseCandidate({ ...p.state, composing: 'ni' }, { word: '你', consumed: 2 }) };
}

function typeMany(p: Pad, presses: number): Pad {
  for (let i = 0; i < presses; i++) p = press(p, i);
  return p;
}

const length = (s: string) => [...s].length;

describe('kiosk text answers: the keyboards stop at the field maxLength', () => {
  it('takes the field maxLength, else the validator default for text and longtext', () => {
    assert.equal(content.maxLength, 1000, 'the suggestion box content field allows 1000 characters');
    assert.equal(textMaxLength(content), 1000);
    assert.equal(textMaxLength({ type: 'text' }), 200);
    assert.equal(textMaxLength({ type: 'longtext' }), 2000);
    assert.equal(textMaxLength({ type: 'text', maxLength: 50 }), 50);
  });

  for (const kind of ['zh', 'bo', 'ug'] as const) {
    it(`${kind}: types up to 1000 characters on the suggestion box and no further; the validator takes it`, () => {
      const max = textMaxLength(content);
      const full = typeMany(padWith(kind, '', max), 1100);
      const text = padText(full);
      assert.equal(length(text), 1000, 'past 200 and up to the field maxLength');
      const more = padText(press(full, 0));
      assert.equal(more, text, 'a key past the cap is refused');
      const checked = validateField(content as FormField, text, opts);
      assert.ok(checked.ok, 'the validator accepts what the keyboard let through');
    });

    it(`${kind}: a short field (maxLength 50) stops at 50, also after switching keyboards`, () => {
      const half = typeMany(padWith(kind, '', 50), 30);
      const other = kind === 'zh' ? 'ug' : 'zh';
      const switched = typeMany(padWith(other, padText(half), 50), 100);
      assert.equal(length(padText(switched)), 50);
    });
  }
});
