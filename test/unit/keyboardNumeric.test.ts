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

describe('numeric pad: whole numbers and decimals of forms', () => {
  const typeIn = (mode: 'integer' | 'decimal', keys: string) => [...keys].reduce((v, k) => pressNumeric(mode, v, k as NumericKey), '');
  it('replaces a leading zero and caps at 12 digits', () => {
    assert.equal(typeIn('integer', '007'), '7');
    assert.equal(typeIn('integer', '1234567890123'), '123456789012');
    assert.equal(canPress('integer', '123456789012', '1'), false);
  });
  it('takes one point, only in decimal mode, and a point alone reads 0.', () => {
    assert.equal(typeIn('decimal', '.5'), '0.5');
    assert.equal(typeIn('decimal', '12.3.4'), '12.34');
    assert.equal(typeIn('integer', '1.5'), '15');
    assert.equal(canPress('decimal', '12345678901.2', '3'), false);
    assert.equal(canPress('integer', '', 'X'), false);
  });
});
