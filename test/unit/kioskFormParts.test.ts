// Pure parts of the kiosk forms: the date stepper keeps real dates, answers read as words
// (choices by label, yes/no), and a server 422's `details.fields` becomes per-field errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormField } from '../../electron/core/forms/definition.js';
import { answerText } from '../../renderer/shared/forms/answerText.js';
import { formatDay, parseDay, stepDay } from '../../renderer/kiosk/forms/DatePicker.js';
import { refusedFields } from '../../renderer/kiosk/forms/useFormSubmission.js';
import { ApiError } from '../../renderer/shared/api.js';

const L = (zh: string, bo = zh, ug = zh) => ({ zh, bo, ug });
const words = { yes: '是', no: '否', agreed: '已同意', notAgreed: '未填写' };

describe('kiosk form parts', () => {
  it('steps dates without ever making an impossible day', () => {
    const d = parseDay('2024-01-31')!;
    assert.equal(formatDay(stepDay(d, 'month', 1)), '2024-02-29', 'leap February');
    assert.equal(formatDay(stepDay(parseDay('2023-01-31')!, 'month', 1)), '2023-02-28');
    assert.equal(formatDay(stepDay(parseDay('2024-02-29')!, 'year', 1)), '2025-02-28');
    assert.equal(formatDay(stepDay(parseDay('2024-12-15')!, 'month', 1)), '2024-01-15', 'months wrap, the year stays');
    assert.equal(formatDay(stepDay(parseDay('2024-02-29')!, 'day', 1)), '2024-02-01', 'days wrap within the month');
    assert.equal(formatDay(stepDay(parseDay('1901-05-05')!, 'year', -10)), '1900-05-05', 'no year before 1900');
    assert.equal(parseDay('2024-1-1'), null);
  });

  it('reads answers as words: choices by their label in the language, yes/no, consent, text as entered', () => {
    const choice: FormField = { code: 'housing', type: 'choice', label: L('住房'), required: true, personal: false, choices: [{ code: 'owned', label: L('自有住房', 'རང་གི་ཁང་པ།', 'ئۆز ئۆيى') }] };
    assert.equal(answerText(choice, 'owned', 'zh', words), '自有住房');
    assert.equal(answerText(choice, 'owned', 'ug', words), 'ئۆز ئۆيى');
    assert.equal(answerText(choice, 'gone', 'zh', words), 'gone', 'an unknown code is shown as is, not hidden');
    const multi: FormField = { ...choice, type: 'multichoice', choices: [{ code: 'a', label: L('甲') }, { code: 'b', label: L('乙') }] };
    assert.equal(answerText(multi, ['a', 'b'], 'zh', words), '甲、乙');
    const yesno: FormField = { code: 'ok', type: 'yesno', label: L('好'), required: true, personal: false };
    assert.equal(answerText(yesno, false, 'zh', words), '否');
    const text: FormField = { code: 'name', type: 'text', label: L('姓名'), required: true, personal: true };
    assert.equal(answerText(text, '<b>x</b>', 'zh', words), '<b>x</b>');
    assert.equal(answerText(text, undefined, 'zh', words), null);
  });

  it('maps a 422 with details.fields onto the fields, and nothing else', () => {
    const e = new ApiError(422, 'INVALID_SUBMISSION', 'x', { fields: { id_number: { code: 'BAD_ID_CHECKSUM', message: '身份证号码有误' }, junk: 5 } });
    assert.deepEqual(refusedFields(e), { id_number: { code: 'BAD_ID_CHECKSUM', message: '身份证号码有误' } });
    assert.equal(refusedFields(new ApiError(409, 'SUBMISSION_EXISTS', 'x', { fields: {} })), null);
    assert.equal(refusedFields(new ApiError(422, 'INVALID_SUBMISSION', 'x')), null);
    assert.equal(refusedFields(new Error('x')), null);
  });
});
