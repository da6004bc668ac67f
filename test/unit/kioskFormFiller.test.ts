// The kiosk's way through one form (renderer/kiosk/forms/fillerState.ts) on a definition with
// a `relevant` rule: one shown question at a time, skip only where optional, back, review and
// change, and whole-form refusals landing on the first refused question.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import * as F from '../../renderer/kiosk/forms/fillerState.js';

const L = (zh: string) => ({ zh, bo: zh, ug: zh });
const def: FormDefinition = {
  id: 'visit', version: 1, serviceId: null, title: L('上门'), allowWithoutTicket: true,
  fields: [
    { code: 'name', type: 'text', label: L('姓名'), required: true, personal: true },
    { code: 'home_visit', type: 'yesno', label: L('需要上门吗'), required: true, personal: false },
    { code: 'address', type: 'text', label: L('地址'), required: true, personal: true, relevant: { field: 'home_visit', equals: true } },
    { code: 'note', type: 'longtext', label: L('备注'), required: false, personal: false },
  ],
};

describe('kiosk form filler', () => {
  it('asks only the shown questions, in order, with progress over the shown ones', () => {
    let s = F.startFilling(def);
    assert.equal(s.at, 'name');
    assert.deepEqual(F.progress(def, s), { position: 1, total: 3 });
    s = F.next(def, F.answer(s, 'name', '卓玛'));
    s = F.answer(s, 'home_visit', true);
    assert.deepEqual(F.progress(def, s), { position: 2, total: 4 }, 'the address question appears once "yes" is chosen');
    s = F.next(def, s);
    assert.equal(s.at, 'address');
    s = F.next(def, F.answer(s, 'address', '幸福路 8 号'));
    assert.equal(s.at, 'note');
    s = F.skip(def, s);
    assert.equal(s.at, null, 'after the last question: the review');
    assert.equal(s.answers.note, undefined);
  });

  it('cannot skip a required question; back walks the shown questions and leaves from the first', () => {
    let s = F.startFilling(def);
    assert.equal(F.skip(def, s), s);
    assert.equal(F.back(def, s), null);
    s = F.next(def, F.answer(s, 'name', '卓玛'));
    s = F.next(def, F.answer(s, 'home_visit', false));
    assert.equal(s.at, 'note', 'the address is not asked when no visit is needed');
    assert.equal(F.back(def, s)?.at, 'home_visit');
  });

  it('changing an answer from the review asks a question it made necessary, then returns to the review', () => {
    let s = F.startFilling(def);
    for (const [code, v] of [['name', '卓玛'], ['home_visit', false]] as const) s = F.next(def, F.answer(s, code, v));
    s = F.skip(def, s);
    assert.equal(s.at, null);
    s = F.edit(s, 'home_visit');
    assert.equal(s.at, 'home_visit');
    s = F.next(def, F.answer(s, 'home_visit', true));
    assert.equal(s.at, 'address', 'the newly shown required question');
    s = F.next(def, F.answer(s, 'address', '幸福路 8 号'));
    assert.equal(s.at, null, 'and straight back to the review');
    s = F.edit(s, 'name');
    assert.equal(F.back(def, s)?.at, null, 'back from a change returns to the review');
  });

  it('an answer clears its own error; whole-form refusals go to the first refused shown question', () => {
    let s = F.startFilling(def);
    s = F.refuse(s, 'name', { code: 'REQUIRED', message: '此项必填。' });
    assert.ok(s.errors.name);
    s = F.answer(s, 'name', '卓玛');
    assert.equal(s.errors.name, undefined);
    s = F.refuseAll(def, { ...s, at: null }, { address: { code: 'REQUIRED', message: 'x' }, name: { code: 'BAD_CHARACTERS', message: 'y' } });
    assert.equal(s.at, 'name');
    assert.equal(s.fromReview, true);
  });

  it('resumes a refused draft at the refused question, and a draft without errors at the review', () => {
    const draft = { name: '卓玛', home_visit: true, address: '幸福路' };
    assert.equal(F.startFilling(def, draft, { address: { code: 'TOO_SHORT', message: 'x' } }).at, 'address');
    assert.equal(F.startFilling(def, draft).at, null);
    assert.deepEqual(F.startFilling(def, { ...draft, dropped_in_v2: 'x' }).answers, draft, 'answers to questions the new version no longer asks are left out');
  });
});
