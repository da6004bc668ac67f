import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOverrides, checkTranslation, flattenTexts, MAX_TRANSLATION_LENGTH, placeholders } from '../../electron/core/translationRules.js';

describe('translation rules', () => {
  it('finds the {{slots}} of a text, with or without spaces and formats', () => {
    assert.deepEqual(placeholders('暂停取号（办理时间 {{from}}–{{to}}）'), ['from', 'to']);
    assert.deepEqual(placeholders('{{ n }} 人, {{n}}, {{time, datetime}}'), ['n', 'time']);
    assert.deepEqual(placeholders('没有占位符'), []);
  });

  it('accepts a text that keeps every slot (in any order, inside isolates)', () => {
    assert.equal(checkTranslation('暂停取号（办理时间 {{from}}–{{to}}）', 'ئىش ۋاقتى \u2068{{to}}–{{from}}\u2069'), null);
  });

  it('refuses an empty text, a too long one, and lost or invented slots', () => {
    assert.deepEqual(checkTranslation('等候 {{n}} 人', ' \n '), { code: 'TRANSLATION_EMPTY' });
    assert.deepEqual(checkTranslation('x', 'ཀ'.repeat(MAX_TRANSLATION_LENGTH + 1)), { code: 'TRANSLATION_TOO_LONG', max: MAX_TRANSLATION_LENGTH });
    assert.equal(checkTranslation('x', 'ཀ'.repeat(MAX_TRANSLATION_LENGTH)), null);
    assert.deepEqual(checkTranslation('{{from}}–{{to}}', '{{from}}–{{till}}'), { code: 'TRANSLATION_PLACEHOLDERS', missing: ['to'], unknown: ['till'] });
  });

  it('applies overrides of existing keys only, leaving the shipped object untouched', () => {
    const shipped = { A: { b: 'one', c: 'two' }, D: 'three' };
    const merged = applyOverrides(shipped, new Map([['A.c', 'TWO'], ['D', 'THREE'], ['Gone.key', 'x']]));
    assert.deepEqual(merged, { A: { b: 'one', c: 'TWO' }, D: 'THREE' });
    assert.equal(shipped.A.c, 'two');
    assert.deepEqual([...flattenTexts(merged).keys()], ['A.b', 'A.c', 'D']);
  });
});
