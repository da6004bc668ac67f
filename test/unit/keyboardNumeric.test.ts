import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canPress, numericBackspace, pressNumeric, type NumericKey } from '../../renderer/kiosk/keyboards/numericInput.js';

const type = (mode: 'id' | 'phone', keys: string) => [...keys].reduce((v, k) => pressNumeric(mode, v, k as NumericKey), '');

describe('numeric pad', () => {
  it('takes an 18-character resident ID ending in X', () => {
    assert.equal(type('id', '11010519491231002X'), '11010519491231002X');
  });

  it('allows X only as the 18th character of an ID, never in a phone number', () => {
    assert.equal(type('id', 'X1'), '1');
    assert.equal(canPress('id', '1101051949123100', 'X'), false);
    assert.equal(canPress('id', '11010519491231002', 'X'), true);
    assert.equal(type('phone', '1380X0138000'), '13800138000');
  });

  it('stops at the field length', () => {
    assert.equal(type('id', '1234567890123456789999'), '123456789012345678');
    assert.equal(type('phone', '08916123456789'), '089161234567');
  });

  it('backspace removes one character', () => {
    assert.equal(numericBackspace('12X'), '12');
    assert.equal(numericBackspace(''), '');
  });
});
