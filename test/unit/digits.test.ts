import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDigits, hasNonAsciiDigits } from '../../electron/core/forms/digits.js';

test('digits of every script the kiosk types become ASCII 0-9', () => {
  assert.equal(normalizeDigits('༡༢༣༤༥༦༧༨༩༠'), '1234567890');
  assert.equal(normalizeDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
  assert.equal(normalizeDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
  assert.equal(normalizeDigits('０１２３４５６７８９'), '0123456789');
});

test('mixed text keeps everything but the digits as typed', () => {
  assert.equal(normalizeDigits('ལམ་༣ 号 ３栋 ئۆي ٤'), 'ལམ་3 号 3栋 ئۆي 4');
  assert.equal(normalizeDigits('abc'), 'abc');
  // Tibetan half-digits (U+0F2A…) and the ASCII neighbours of the ranges are not digits.
  assert.equal(normalizeDigits('༪/:'), '༪/:');
  assert.equal(hasNonAsciiDigits('123'), false);
  assert.equal(hasNonAsciiDigits('12༣'), true);
});
