// The form validator (electron/core/forms/validate.ts): every field type with valid and
// invalid values, resident ID and phone rules, relevant logic, dropped hidden answers and
// hostile input. Messages come from the real resources/locales/*/forms.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FormDefinition, FormField } from '../../electron/core/forms/definition.js';
import {
  ERROR_CODES,
  checkResidentId,
  formMessagesFrom,
  validateAnswers,
  validateField,
  visibleFields,
  type ValidateOptions,
} from '../../electron/core/forms/validate.js';
import type { Language } from '../../electron/core/model.js';

const localeDir = join(import.meta.dirname, '../../resources/locales');
const errorsOf = (lang: Language) => JSON.parse(readFileSync(join(localeDir, lang, 'forms.json'), 'utf8')).Errors as Record<string, string>;
const messages = formMessagesFrom({ zh: errorsOf('zh'), bo: errorsOf('bo'), ug: errorsOf('ug') });
const TODAY = '2026-12-01';
const opts = (lang: Language = 'zh'): ValidateOptions => ({ lang, today: TODAY, messages });

const t = (zh: string) => ({ zh, bo: `བོད་${zh}`, ug: `ئۇ${zh}` });
const field = (code: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  code,
  type,
  label: t(code),
  required: false,
  personal: false,
  ...extra,
});
const choices = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));

const check = (f: FormField, value: unknown, lang: Language = 'zh') => validateField(f, value, opts(lang));
const errorCode = (f: FormField, value: unknown) => {
  const r = check(f, value);
  return r.ok ? null : r.error.code;
};
const valueOf = (f: FormField, value: unknown) => {
  const r = check(f, value);
  assert.ok(r.ok, `expected ${JSON.stringify(value)} to pass, got ${r.ok ? '' : r.error.code}`);
  return r.value;
};

/** ISO 7064 MOD 11-2 written the recursive way (not the weight table the validator uses). */
function withCheckDigit(first17: string): string {
  let p = 0;
  for (const ch of first17) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
}

describe('messages', () => {
  it('every error code has a message in zh, bo and ug from forms.json', () => {
    for (const code of ERROR_CODES) {
      for (const lang of ['zh', 'bo', 'ug'] as const) {
        assert.ok(errorsOf(lang)[code], `${lang}/forms.json Errors.${code} missing`);
        assert.equal(messages[code][lang], errorsOf(lang)[code]);
      }
    }
  });
  it('fills {min}/{max} and answers in the chosen language', () => {
    const f = field('age', 'integer', { min: 60, max: 120 });
    const zh = check(f, 20, 'zh');
    const ug = check(f, 20, 'ug');
    assert.ok(!zh.ok && !ug.ok);
    assert.equal(zh.error.code, 'OUT_OF_RANGE');
    assert.match(zh.error.message, /60.*120/);
    assert.match(ug.error.message, /[\u0600-\u06FF]/);
    assert.match(ug.error.message, /\u206860\u2069/);
    assert.doesNotMatch(zh.error.message, /\{min\}|\{max\}/);
  });
  it("a field's constraintMessage overrides constraint failures only", () => {
    const f = field('plate', 'text', { pattern: '[A-Z]{2}', constraintMessage: t('两个大写字母'), required: true });
    const bad = check(f, 'abc', 'bo');
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'PATTERN');
    assert.equal(bad.error.message, 'བོད་两个大写字母');
    const empty = check(f, '', 'bo');
    assert.ok(!empty.ok);
    assert.equal(empty.error.code, 'REQUIRED');
    assert.equal(empty.error.message, errorsOf('bo').REQUIRED);
  });
});

describe('text and longtext', () => {
  const text = field('remark', 'text');
  const long = field('story', 'longtext');
  it('trims and NFC-normalizes', () => {
    assert.equal(valueOf(text, '  张三 '), '张三');
    assert.equal(valueOf(text, 'e\u0301'), '\u00e9');
    assert.equal(valueOf(text, 'བཀྲ་ཤིས་'), 'བཀྲ་ཤིས་');
  });
  it('counts code points, default max 200 / 2000', () => {
    assert.equal(valueOf(text, '𠀀'.repeat(200)), '𠀀'.repeat(200));
    assert.equal(errorCode(text, '𠀀'.repeat(201)), 'TOO_LONG');
    assert.equal(errorCode(long, 'a'.repeat(2001)), 'TOO_LONG');
    assert.equal(valueOf(long, 'a'.repeat(2000)), 'a'.repeat(2000));
  });
  it('applies minLength/maxLength', () => {
    const f = field('n', 'text', { minLength: 2, maxLength: 4 });
    assert.equal(errorCode(f, '张'), 'TOO_SHORT');
    assert.equal(errorCode(f, '张三李四王'), 'TOO_LONG');
    assert.equal(valueOf(f, '张三'), '张三');
  });
  it('applies the pattern to the whole answer with the unicode flag', () => {
    const f = field('n', 'text', { pattern: '\\p{Script=Han}+' });
    assert.equal(valueOf(f, '张三'), '张三');
    assert.equal(errorCode(f, '张三x'), 'PATTERN');
  });
  it('refuses control characters; newlines only in longtext', () => {
    assert.equal(errorCode(text, 'a\u0000b'), 'BAD_CHARACTERS');
    assert.equal(errorCode(text, 'a\nb'), 'BAD_CHARACTERS');
    assert.equal(errorCode(text, 'a\u009bb'), 'BAD_CHARACTERS');
    assert.equal(valueOf(long, 'line 1\r\nline 2'), 'line 1\nline 2');
    assert.equal(errorCode(long, 'a\u0007b'), 'BAD_CHARACTERS');
    assert.equal(errorCode(text, 'a\ud800b'), 'BAD_CHARACTERS');
    assert.equal(errorCode(text, 'abc\u202Egnp.exe'), 'BAD_CHARACTERS');
    assert.equal(errorCode(long, '\u2067abc\u2069'), 'BAD_CHARACTERS');
    assert.equal(valueOf(text, 'ئەخمەت\u200Cجان'), 'ئەخمەت\u200Cجان', 'joiners stay');
  });
  it('keeps script-looking text as text (escaping is the renderer’s job)', () => {
    assert.equal(valueOf(text, '<script>alert(1)</script>'), '<script>alert(1)</script>');
  });
  it('refuses arrays, objects and booleans where a string is expected', () => {
    assert.equal(errorCode(text, ['a']), 'WRONG_TYPE');
    assert.equal(errorCode(text, { toString: 'x' }), 'WRONG_TYPE');
    assert.equal(errorCode(text, true), 'WRONG_TYPE');
  });
  it('refuses a 10 000-character answer and a megabyte', () => {
    assert.equal(errorCode(text, 'x'.repeat(10_000)), 'TOO_LONG');
    assert.equal(errorCode(long, 'x'.repeat(10_000)), 'TOO_LONG');
    assert.equal(errorCode(long, 'x'.repeat(1_000_000)), 'TOO_LONG');
  });
});

describe('integer and decimal', () => {
  const int = field('people', 'integer', { min: 1, max: 20 });
  const dec = field('area', 'decimal', { min: 0 });
  it('accepts numbers and numeric strings (incl. full-width digits), returns numbers', () => {
    assert.equal(valueOf(int, 3), 3);
    assert.equal(valueOf(int, ' 12 '), 12);
    assert.equal(valueOf(int, '１２'), 12);
    assert.equal(valueOf(dec, '56.5'), 56.5);
    assert.equal(valueOf(dec, 0), 0);
  });
  it('refuses non-numbers, fractions in integers, NaN and Infinity', () => {
    assert.equal(errorCode(int, 'abc'), 'NOT_A_NUMBER');
    assert.equal(errorCode(int, '2.5'), 'NOT_AN_INTEGER');
    assert.equal(errorCode(int, 2.5), 'NOT_AN_INTEGER');
    assert.equal(errorCode(dec, Number.NaN), 'NOT_A_NUMBER');
    assert.equal(errorCode(dec, Number.POSITIVE_INFINITY), 'NOT_A_NUMBER');
    assert.equal(errorCode(dec, '1e5'), 'NOT_A_NUMBER');
    assert.equal(errorCode(int, '99999999999999999999'), 'NOT_A_NUMBER');
    assert.equal(errorCode(int, [3]), 'WRONG_TYPE');
  });
  it('checks inclusive bounds', () => {
    assert.equal(valueOf(int, 1), 1);
    assert.equal(valueOf(int, 20), 20);
    assert.equal(errorCode(int, 0), 'OUT_OF_RANGE');
    assert.equal(errorCode(int, 21), 'OUT_OF_RANGE');
    assert.equal(errorCode(dec, -0.5), 'TOO_SMALL');
    assert.equal(errorCode(field('x', 'integer', { max: 5 }), 6), 'TOO_LARGE');
  });
});

describe('date', () => {
  const any = field('d', 'date');
  const future = field('visit', 'date', { min: 'today', max: 'today+30' });
  it('accepts real calendar dates only', () => {
    assert.equal(valueOf(any, '2024-02-29'), '2024-02-29');
    assert.equal(errorCode(any, '2023-02-29'), 'BAD_DATE');
    assert.equal(errorCode(any, '1999-02-30'), 'BAD_DATE');
    assert.equal(errorCode(any, '2026-13-01'), 'BAD_DATE');
    assert.equal(errorCode(any, '2026-1-1'), 'BAD_DATE');
    assert.equal(errorCode(any, 20260101), 'WRONG_TYPE');
  });
  it('resolves "today" and "today+N" bounds against the given day', () => {
    assert.equal(valueOf(future, TODAY), TODAY);
    assert.equal(valueOf(future, '2026-12-31'), '2026-12-31');
    assert.equal(errorCode(future, '2026-11-30'), 'DATE_OUT_OF_RANGE');
    assert.equal(errorCode(future, '2027-01-01'), 'DATE_OUT_OF_RANGE');
    assert.equal(errorCode(field('b', 'date', { max: 'today' }), '2026-12-02'), 'DATE_TOO_LATE');
    assert.equal(errorCode(field('b', 'date', { min: '2000-01-01' }), '1999-12-31'), 'DATE_TOO_EARLY');
  });
});

describe('choice and multichoice', () => {
  const one = field('kind', 'choice', { choices: choices('a', 'b', 'c') });
  const many = field('needs', 'multichoice', { choices: choices('a', 'b', 'c') });
  it('accepts known codes', () => {
    assert.equal(valueOf(one, 'b'), 'b');
    assert.deepEqual(valueOf(many, ['c', 'a']), ['a', 'c']);
  });
  it('refuses unknown codes, duplicates and wrong shapes', () => {
    assert.equal(errorCode(one, 'd'), 'UNKNOWN_CHOICE');
    assert.equal(errorCode(one, ['a']), 'WRONG_TYPE');
    assert.equal(errorCode(many, ['a', 'x']), 'UNKNOWN_CHOICE');
    assert.equal(errorCode(many, ['a', 'a']), 'DUPLICATE_CHOICE');
    assert.equal(errorCode(many, 'a'), 'WRONG_TYPE');
    assert.equal(errorCode(many, ['a', 1]), 'WRONG_TYPE');
    assert.equal(errorCode(many, Array.from({ length: 10_000 }, () => 'a')), 'DUPLICATE_CHOICE');
    assert.equal(errorCode(one, 'toString'), 'UNKNOWN_CHOICE');
  });
  it('an empty list is no answer', () => {
    assert.equal(valueOf(many, []), undefined);
    assert.equal(errorCode({ ...many, required: true }, []), 'REQUIRED');
  });
});

describe('yesno and consent', () => {
  it('yesno takes booleans only; false is an answer', () => {
    const f = field('alone', 'yesno', { required: true });
    assert.equal(valueOf(f, true), true);
    assert.equal(valueOf(f, false), false);
    assert.equal(errorCode(f, 'yes'), 'NOT_YES_NO');
    assert.equal(errorCode(f, 1), 'NOT_YES_NO');
    assert.equal(errorCode(f, undefined), 'REQUIRED');
  });
  it('a required consent must be true', () => {
    const f = field('agree', 'consent', { required: true });
    assert.equal(valueOf(f, true), true);
    assert.equal(errorCode(f, false), 'CONSENT_REQUIRED');
    assert.equal(errorCode(f, undefined), 'CONSENT_REQUIRED');
    assert.equal(errorCode(f, 'true'), 'NOT_YES_NO');
    assert.equal(valueOf(field('agree', 'consent'), false), false);
  });
});

describe('phone', () => {
  const f = field('phone', 'phone', { required: true });
  it('accepts mainland mobile numbers, normalized to 11 digits', () => {
    for (const n of ['13800138000', '14712345678', '15012345678', '16612345678', '17712345678', '18912345678', '19912345678']) {
      assert.equal(valueOf(f, n), n);
    }
    assert.equal(valueOf(f, '138 0013 8000'), '13800138000');
    assert.equal(valueOf(f, '138-0013-8000'), '13800138000');
    assert.equal(valueOf(f, '+86 138 0013 8000'), '13800138000');
  });
  it('refuses wrong prefixes and lengths', () => {
    for (const n of ['12345678901', '10012345678', '11012345678', '14012345678', '15412345678', '19412345678', '1380013800', '138001380001', '23800138000', '1380013800a', '010-12345678']) {
      assert.equal(errorCode(f, n), 'BAD_PHONE', n);
    }
    assert.equal(errorCode(f, 13800138000), 'WRONG_TYPE');
  });
});

describe('resident ID', () => {
  const f = field('id_number', 'resident_id', { required: true, personal: true });
  const valid = withCheckDigit('54010219850615123');
  it('accepts valid numbers incl. the X check character, upper-cased', () => {
    assert.equal(valueOf(f, '11010519491231002X'), '11010519491231002X');
    assert.equal(valueOf(f, '11010519491231002x'), '11010519491231002X');
    assert.equal(valueOf(f, valid), valid);
    assert.equal(valueOf(f, ` ${valid.slice(0, 6)} ${valid.slice(6)} `), valid);
    assert.equal(checkResidentId(withCheckDigit('65010220261201001'), TODAY), null, 'born today is fine');
  });
  it('refuses a wrong check digit', () => {
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    assert.equal(errorCode(f, wrong), 'BAD_ID_CHECKSUM');
    assert.equal(errorCode(f, '110105194912310021'), 'BAD_ID_CHECKSUM');
  });
  it('refuses impossible, future and pre-1900 birth dates even with a correct check digit', () => {
    assert.equal(errorCode(f, withCheckDigit('11010519990230123')), 'BAD_ID_BIRTHDATE');
    assert.equal(errorCode(f, withCheckDigit('11010520230229123')), 'BAD_ID_BIRTHDATE');
    assert.equal(errorCode(f, withCheckDigit('11010520261202123')), 'BAD_ID_BIRTHDATE');
    assert.equal(errorCode(f, withCheckDigit('11010518991231123')), 'BAD_ID_BIRTHDATE');
  });
  it('refuses region 00 / unknown provinces and wrong formats', () => {
    assert.equal(errorCode(f, withCheckDigit('00010519491231002')), 'BAD_ID_REGION');
    assert.equal(errorCode(f, withCheckDigit('99010519491231002')), 'BAD_ID_REGION');
    assert.equal(errorCode(f, '110105491231002'), 'BAD_ID_FORMAT');
    assert.equal(errorCode(f, '1101051949123100X2'), 'BAD_ID_FORMAT');
    assert.equal(errorCode(f, 110105194912310020), 'WRONG_TYPE');
  });
});

describe('relevant logic and whole submissions', () => {
  const def: FormDefinition = {
    id: 'test_form',
    version: 1,
    serviceId: null,
    title: t('测试'),
    allowWithoutTicket: true,
    fields: [
      field('name', 'text', { required: true, personal: true }),
      field('lives_alone', 'yesno', { required: true }),
      field('contact_name', 'text', { required: true, relevant: { field: 'lives_alone', equals: false }, personal: true }),
      field('needs', 'multichoice', { choices: choices('bath', 'kitchen', 'light') }),
      field('bath_detail', 'longtext', { required: true, relevant: { field: 'needs', includes: 'bath' } }),
      field('rooms', 'integer', { min: 1, max: 9 }),
      field('rooms_note', 'text', { relevant: { field: 'rooms', oneOf: [3, 4] } }),
      // Depends on a field that is itself hidden unless lives_alone is false.
      field('contact_phone', 'phone', { relevant: { field: 'contact_name', answered: true }, personal: true }),
    ],
  };
  const codes = (answers: Record<string, unknown>) => visibleFields(def, answers).map((f) => f.code);

  it('shows a field only when its rule holds against an earlier shown answer', () => {
    assert.deepEqual(codes({}), ['name', 'lives_alone', 'needs', 'rooms']);
    assert.deepEqual(codes({ lives_alone: false }), ['name', 'lives_alone', 'contact_name', 'needs', 'rooms']);
    assert.deepEqual(codes({ lives_alone: false, contact_name: '李四' }), ['name', 'lives_alone', 'contact_name', 'needs', 'rooms', 'contact_phone']);
    assert.deepEqual(codes({ lives_alone: true, contact_name: '李四' }), ['name', 'lives_alone', 'needs', 'rooms']);
    assert.deepEqual(codes({ needs: ['light', 'bath'], rooms: '3' }), ['name', 'lives_alone', 'needs', 'bath_detail', 'rooms', 'rooms_note']);
    assert.deepEqual(codes({ rooms: 5 }), ['name', 'lives_alone', 'needs', 'rooms']);
    assert.deepEqual(codes({ needs: ['bogus'] }), ['name', 'lives_alone', 'needs', 'rooms'], 'an invalid answer counts as unanswered');
  });

  it('returns normalized answers of shown fields', () => {
    const r = validateAnswers(def, { name: ' 王芳 ', lives_alone: false, contact_name: '王强', contact_phone: '139 1234 5678', rooms: '3', rooms_note: '朝南' }, opts());
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.answers, { name: '王芳', lives_alone: false, contact_name: '王强', contact_phone: '13912345678', rooms: 3, rooms_note: '朝南' });
  });

  it('drops answers to fields that are not shown, even invalid ones', () => {
    const r = validateAnswers(def, { name: '王芳', lives_alone: true, contact_name: { evil: 1 }, contact_phone: '12', rooms: 2, rooms_note: 'x'.repeat(10_000), bath_detail: '漏水' }, opts());
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.answers, { name: '王芳', lives_alone: true, rooms: 2 });
  });

  it('requires a shown required field and reports every failing field', () => {
    const r = validateAnswers(def, { lives_alone: false, needs: ['bath'], rooms: 0 }, opts('ug'));
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.fields).sort(), ['bath_detail', 'contact_name', 'name', 'rooms']);
    assert.equal(r.fields.name!.code, 'REQUIRED');
    assert.equal(r.fields.rooms!.code, 'OUT_OF_RANGE');
    assert.equal(r.fields.name!.message, errorsOf('ug').REQUIRED);
  });

  it('refuses unknown field codes, incl. prototype keys, with UNKNOWN_FIELD', () => {
    const hostile = JSON.parse('{"name":"王芳","lives_alone":true,"__proto__":{"admin":true},"constructor":"x","extra":1}');
    const r = validateAnswers(def, hostile, opts());
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.fields).sort(), ['__proto__', 'constructor', 'extra']);
    assert.equal(r.fields.extra!.code, 'UNKNOWN_FIELD');
    assert.equal(Object.getOwnPropertyDescriptor(r.fields, '__proto__')?.value.code, 'UNKNOWN_FIELD');
    assert.equal(Object.getPrototypeOf(r.fields), Object.prototype);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  it('reports at most ten unknown codes, each cut short', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}${'y'.repeat(200)}`, 1]));
    const r = validateAnswers(def, { ...many, name: 'a', lives_alone: true }, opts());
    assert.ok(!r.ok);
    assert.equal(Object.keys(r.fields).length, 10);
    assert.ok(Object.keys(r.fields).every((k) => k.length <= 64));
  });

  it('refuses answers that are not an object', () => {
    for (const bad of [null, undefined, 'x', 42, ['name'], true]) {
      const r = validateAnswers(def, bad, opts());
      assert.ok(!r.ok, String(bad));
      assert.equal(r.fields._answers!.code, 'BAD_ANSWERS');
    }
  });

  it('does not read inherited properties as answers', () => {
    const proto = { name: '继承', lives_alone: true };
    const r = validateAnswers(def, Object.create(proto), opts());
    assert.ok(!r.ok);
    assert.equal(r.fields.name!.code, 'REQUIRED');
  });
});

describe('digits from any keyboard (issue 16)', () => {
  // The same number in each script a resident's keyboard may type it in.
  const scripts = {
    tibetan: (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0x0f20 + Number(c))),
    arabicIndic: (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0x0660 + Number(c))),
    extendedArabicIndic: (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0x06f0 + Number(c))),
    fullWidth: (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c))),
  };
  const id = withCheckDigit('54010219800101123');

  for (const [name, write] of Object.entries(scripts)) {
    it(`${name} digits are checked and stored as 0–9`, () => {
      const card = field('card_number', 'text', { pattern: '[0-9]{8,20}' });
      assert.equal(valueOf(card, write('12345678')), '12345678');
      assert.equal(errorCode(card, write('1234567')), 'PATTERN');
      assert.equal(valueOf(field('address', 'longtext'), `${write('3')}号楼\n${write('12')}室`), '3号楼\n12室');
      assert.equal(valueOf(field('n', 'integer', { min: 1, max: 120 }), write('70')), 70);
      assert.equal(errorCode(field('n', 'integer', { min: 1, max: 120 }), write('700')), 'OUT_OF_RANGE');
      assert.equal(valueOf(field('n', 'decimal'), `${write('3')}.${write('25')}`), 3.25);
      assert.equal(valueOf(field('p', 'phone'), write('13800138000')), '13800138000');
      assert.equal(valueOf(field('p', 'phone'), `+${write('86')} ${write('138 0013 8000')}`), '13800138000');
      assert.equal(valueOf(field('id', 'resident_id'), write(id)), id);
      assert.equal(valueOf(field('d', 'date'), `${write('2026')}-${write('11')}-${write('30')}`), '2026-11-30');
      assert.equal(errorCode(field('d', 'date'), `${write('2026')}-${write('02')}-${write('30')}`), 'BAD_DATE');
    });
  }

  it('a whole submission stores the normalised digits', () => {
    const def: FormDefinition = {
      id: 'bus',
      version: 1,
      serviceId: null,
      title: t('bus'),
      allowWithoutTicket: true,
      fields: [field('card_number', 'text', { pattern: '[0-9]{8,20}', required: true }), field('age', 'integer')],
    };
    const r = validateAnswers(def, { card_number: '༡༢༣༤༥༦༧༨༩༠', age: '٧٠' }, opts('bo'));
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.answers, { card_number: '1234567890', age: 70 });
  });

  it('letters and other numerals are left as typed', () => {
    // Tibetan half-digits (U+0F2A…) and CJK numerals are not decimal digits: kept, not guessed.
    assert.equal(valueOf(field('n', 'text'), 'བཀྲ་ཤིས ༪ 三'), 'བཀྲ་ཤིས ༪ 三');
  });
});

describe('patterns run in linear time (issue 17)', () => {
  // Every shape from the issue that a backtracking engine takes seconds to minutes on.
  const BYPASSES = ['((a+))+', '((a)+)+', '(?:(a+))+', '(a|a)*', '(a|aa)+', `${'\\d*'.repeat(12)}x`, '(.*a){12}', '(a+)+'];
  const answer = (p: string) => (p.includes('\\d') ? '1'.repeat(10_000) : 'a'.repeat(9_999) + '!');

  for (const pattern of BYPASSES) {
    it(`${pattern} against a 10 kB answer answers (PATTERN)`, () => {
      const f = field('n', 'longtext', { pattern, maxLength: 10_000 });
      assert.equal(errorCode(f, answer(pattern)), 'PATTERN');
    });
  }

  it('still matches the whole answer, as before', () => {
    const f = field('n', 'text', { pattern: '[0-9]{8,20}' });
    assert.equal(errorCode(f, 'x12345678'), 'PATTERN');
    assert.equal(errorCode(f, '12345678x'), 'PATTERN');
    assert.equal(valueOf(f, '12345678'), '12345678');
    assert.equal(valueOf(field('n', 'text', { pattern: 'a|ab' }), 'ab'), 'ab', 'alternation is anchored as a whole');
    assert.equal(valueOf(field('n', 'text', { pattern: '(?:\\p{Han}|·)+' }), '阿卜杜·热合曼'), '阿卜杜·热合曼');
  });

  it('a pattern RE2 cannot compile refuses the answer rather than matching anything', () => {
    assert.equal(errorCode(field('n', 'text', { pattern: '(a)\\1' }), 'aa'), 'PATTERN');
  });
});
