import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { digitsOnlyPattern, entryFor } from '../../renderer/kiosk/forms/keyboardFor.js';
import { canPress, pressNumeric } from '../../renderer/kiosk/keyboards/numericInput.js';

describe('kiosk keyboard choice: a digits-only question gets the numeric pad', () => {
  it('reads digits-only patterns, with their longest length', () => {
    assert.deepEqual(digitsOnlyPattern('[0-9]{8,20}'), { max: 20 });
    assert.deepEqual(digitsOnlyPattern('^[0-9]{6}$'), { max: 6 });
    assert.deepEqual(digitsOnlyPattern('\\d{4}[0-9]{2}'), { max: 6 });
    assert.deepEqual(digitsOnlyPattern('\\d+'), { max: Infinity });
    assert.deepEqual(digitsOnlyPattern('[0-9]{3,}'), { max: Infinity });
    assert.deepEqual(digitsOnlyPattern('[0-9]?[0-9]'), { max: 2 });
  });

  it('keeps the letter keyboard for anything else (conservative)', () => {
    for (const p of [undefined, '', '[0-9A-Za-z]{6,30}', '[0-9]{3}-[0-9]{4}', '[0-9]|x', '(\\d{2})', '\\d{2}\\.\\d', '[0-9]{2}.', '^$', '[1-9][0-9]*', '\\D+', '[0-9]{2}\\$'])
      assert.equal(digitsOnlyPattern(p), null, String(p));
  });

  it('chooses the pad by type, and by pattern for text', () => {
    assert.deepEqual(entryFor({ type: 'resident_id' }), { pad: 'numeric', mode: 'id' });
    assert.deepEqual(entryFor({ type: 'phone' }), { pad: 'numeric', mode: 'phone' });
    assert.deepEqual(entryFor({ type: 'integer' }), { pad: 'numeric', mode: 'integer' });
    assert.deepEqual(entryFor({ type: 'decimal' }), { pad: 'numeric', mode: 'decimal' });
    assert.deepEqual(entryFor({ type: 'text', pattern: '[0-9]{8,20}' }), { pad: 'numeric', mode: 'digits', maxLength: 20 });
    assert.deepEqual(entryFor({ type: 'text', pattern: '[0-9]{8,20}', maxLength: 12 }), { pad: 'numeric', mode: 'digits', maxLength: 12 });
    assert.deepEqual(entryFor({ type: 'text', pattern: '\\d+' }), { pad: 'numeric', mode: 'digits' });
    assert.deepEqual(entryFor({ type: 'text', pattern: '[0-9A-Za-z]{6,30}' }), { pad: 'text' });
    assert.deepEqual(entryFor({ type: 'text' }), { pad: 'text' });
    assert.deepEqual(entryFor({ type: 'longtext' }), { pad: 'text' });
    for (const type of ['choice', 'multichoice', 'yesno', 'consent', 'date'] as const) assert.deepEqual(entryFor({ type }), { pad: 'none' });
  });

  it('the default forms: the bus card number gets the pad, the previous permit number keeps letters', () => {
    const dir = join(process.cwd(), 'resources', 'forms');
    const defs = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'index.json' && !f.includes('schema'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormDefinition);
    const bus = defs.find((d) => d.id === 'senior_bus_card')!;
    assert.equal(entryFor(bus.fields.find((f) => f.code === 'card_number')!).pad, 'numeric');
    const permit = defs.find((d) => d.id === 'residence_permit')!;
    assert.equal(entryFor(permit.fields.find((f) => f.code === 'previous_permit')!).pad, 'text');
  });

  it('the digits mode stops at the field cap and types no X or point', () => {
    let v = '';
    for (const k of '1234567890123456789012') v = pressNumeric('digits', v, k as '1', 20);
    assert.equal(v, '12345678901234567890');
    assert.equal(canPress('digits', '1', 'X', 20), false);
    assert.equal(canPress('digits', '1', '.', 20), false);
    assert.equal(pressNumeric('digits', '0', '7'), '07', 'a card number keeps its leading zero');
  });
});

describe('pinyin keyboard: a digits row for mixed answers (addresses)', () => {
  it('types digits into the text, never while a word is being spelled, up to the field cap', async () => {
    const { pinyinDigit, pinyinLetter } = await import('../../renderer/kiosk/keyboards/pinyinInput.js');
    const s = pinyinDigit(pinyinDigit({ committed: '幸福路', composing: '' }, '1'), '2');
    assert.equal(s.committed, '幸福路12');
    const spelling = pinyinLetter(s, 'h');
    assert.equal(pinyinDigit(spelling, '3'), spelling);
    assert.equal(pinyinDigit({ committed: '12', composing: '', maxLength: 2 }, '3').committed, '12');
    assert.equal(pinyinDigit(s, 'x'), s);
  });
});
