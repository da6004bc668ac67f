// The kiosk flow with forms: answers confirmed on the review go with the ticket request; the
// form is sent after the ticket with its own key; a refusal returns to the form with the draft
// and the ticket kept; forms without a ticket; and the idle wipe ("reset") leaves no answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ATTRACT, reduce, type Action, type Step } from '../../renderer/kiosk/flow.js';
import type { FilledForm } from '../../renderer/kiosk/forms/filledForm.js';
import type { IssuedTicket, KioskService } from '../../renderer/kiosk/kioskApi.js';

const service: KioskService = {
  id: 'residence-permit', prefix: 'R', names: { zh: '居住证', bo: 'སྡོད་གནས་ལག་འཁྱེར།', ug: 'تۇرالغۇ كىنىشكىسى' },
  waiting: 0, estimatedWaitMinutes: 0, open: true, openFrom: '00:00', openTo: '24:00', active: true, formId: 'residence_permit',
};
const plain: KioskService = { ...service, id: 'enquiries', formId: null };
const ticket: IssuedTicket = {
  id: 't1', code: 'R001', serviceId: service.id, language: 'bo', priority: false, ahead: 0, estimatedWaitMinutes: 0,
  issuedAt: '2026-12-01T09:00:00Z', print: { state: 'none' },
};
const form: FilledForm = { formId: 'residence_permit', version: 1, language: 'bo', answers: { name: 'བཀྲ་ཤིས།', id_number: '11010519491231002X' } };

const run = (actions: Action[], from: Step = ATTRACT): Step => actions.reduce(reduce, from);
const toForm: Action[] = [
  { type: 'start' },
  { type: 'chooseLanguage', lang: 'bo' },
  { type: 'chooseService', service, idempotencyKey: 'k1' },
  { type: 'answerPriority', priority: false },
];

describe('kiosk flow with forms', () => {
  it('stops at the form for a service with a form, not for one without', () => {
    assert.equal(run(toForm).name, 'form');
    const noForm = run([{ type: 'start' }, { type: 'chooseLanguage', lang: 'zh' }, { type: 'chooseService', service: plain, idempotencyKey: 'k' }, { type: 'answerPriority', priority: true }]);
    assert.equal(noForm.name, 'issuing');
  });

  it('issues the ticket after the review, then sends the form with its own key, then shows the ticket', () => {
    const issuing = run([...toForm, { type: 'formDone', form }]);
    assert.equal(issuing.name, 'issuing');
    assert.deepEqual(issuing.name === 'issuing' && issuing.request.form, form);
    const submitting = reduce(issuing, { type: 'issued', ticket });
    assert.equal(submitting.name, 'submitting');
    if (submitting.name !== 'submitting') return;
    assert.equal(submitting.ticket.id, 't1');
    assert.notEqual(submitting.key, 'k1', 'the submission does not reuse the ticket request key');
    assert.equal(reduce(submitting, { type: 'issued', ticket }), submitting, 'a second issued answer is ignored');
    const shown = reduce(submitting, { type: 'formSent' });
    assert.deepEqual(shown.name === 'ticket' && [shown.ticket.id, shown.form], ['t1', 'sent']);
    const failed = reduce(submitting, { type: 'formFailed' });
    assert.deepEqual(failed.name === 'ticket' && failed.form, 'failed', 'the ticket stands when the form cannot be sent');
  });

  it('a form with no definition (formDone without answers) issues a plain ticket', () => {
    const s = run([...toForm, { type: 'formDone' }, { type: 'issued', ticket }]);
    assert.deepEqual(s.name === 'ticket' && s.form, 'none');
  });

  it('a refusal returns to the form with the draft, the errors and the ticket; confirming again only resends', () => {
    const submitting = run([...toForm, { type: 'formDone', form }, { type: 'issued', ticket }]);
    const errors = { id_number: { code: 'BAD_ID_CHECKSUM', message: 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་གྲངས་ནོར་འདུག' } };
    const back = reduce(submitting, { type: 'formRejected', errors });
    assert.equal(back.name, 'form');
    if (back.name !== 'form') return;
    assert.deepEqual(back.draft, form);
    assert.deepEqual(back.errors, errors);
    assert.equal(back.ticket?.id, 't1');
    assert.equal(reduce(back, { type: 'back' }), back, 'the issued ticket cannot be walked away from by "back"');
    const fixed: FilledForm = { ...form, answers: { ...form.answers, id_number: '110105194912310021' } };
    const resend = reduce(back, { type: 'formDone', form: fixed });
    assert.equal(resend.name, 'submitting');
    assert.deepEqual(resend.name === 'submitting' && [resend.ticket.id, resend.key, resend.request.form], ['t1', submitting.name === 'submitting' && submitting.key, fixed], 'one key per filled form');
  });

  it('sends the suggestion box without a ticket: list, form, sending, failure and retry with the same key, thanks', () => {
    const services: Step = { name: 'services', lang: 'ug' };
    const list = reduce(services, { type: 'openDirectForms' });
    assert.equal(list.name, 'directForms');
    const filling = reduce(list, { type: 'chooseDirectForm', formId: 'suggestion_box', key: 'd1' });
    assert.deepEqual(filling, { name: 'directForm', lang: 'ug', formId: 'suggestion_box', key: 'd1' });
    assert.deepEqual(reduce(filling, { type: 'back' }), list);
    const box: FilledForm = { formId: 'suggestion_box', version: 1, language: 'ug', answers: { suggestion: 'ياخشى' } };
    const sending = reduce(filling, { type: 'sendDirect', form: box });
    assert.deepEqual(sending, { name: 'directSending', lang: 'ug', form: box, key: 'd1', failed: null });
    assert.equal(reduce(sending, { type: 'back' }), sending, 'no way back while sending');
    const failed = reduce(sending, { type: 'directFailed', message: '' });
    assert.deepEqual(reduce(failed, { type: 'retryDirect' }), sending, 'the retry keeps the key');
    assert.deepEqual(reduce(failed, { type: 'back' }), { name: 'directForm', lang: 'ug', formId: 'suggestion_box', key: 'd1', draft: box });
    assert.deepEqual(reduce(sending, { type: 'directSent' }), { name: 'directSent', lang: 'ug' });
    const rejected = reduce(sending, { type: 'formRejected', errors: { suggestion: { code: 'TOO_LONG', message: 'x' } } });
    assert.equal(rejected.name === 'directForm' && rejected.draft, box);
  });

  it('a form without a ticket keeps one key from opening to sent: a lost answer, "back", a correction, a resend', () => {
    // The first send reached the server but its answer was lost; the resident goes back,
    // changes a word and sends again. The server must see the same key, so it keeps one.
    const box: FilledForm = { formId: 'suggestion_box', version: 1, language: 'zh', answers: { content: '谢谢工作人员' } };
    const opened = run([{ type: 'openDirectForms' }, { type: 'chooseDirectForm', formId: 'suggestion_box', key: 'open-1' }], { name: 'services', lang: 'zh' });
    const first = reduce(opened, { type: 'sendDirect', form: box });
    const lost = reduce(first, { type: 'directFailed', message: '' });
    const again = run([{ type: 'back' }, { type: 'sendDirect', form: { ...box, answers: { content: '谢谢工作人员们' } } }], lost);
    assert.equal(again.name, 'directSending');
    assert.deepEqual([first.name === 'directSending' && first.key, again.name === 'directSending' && again.key], ['open-1', 'open-1']);
    // A refusal (nothing stored) and the resend: still the same key.
    const refused = reduce(again, { type: 'formRejected', errors: {} });
    const third = reduce(refused, { type: 'sendDirect', form: box });
    assert.equal(third.name === 'directSending' && third.key, 'open-1');
    // Another form opened afterwards is another submission: its own key.
    const next = run([{ type: 'reset' }, { type: 'start' }, { type: 'chooseLanguage', lang: 'zh' }, { type: 'openDirectForms' }, { type: 'chooseDirectForm', formId: 'suggestion_box', key: 'open-2' }, { type: 'sendDirect', form: box }], third);
    assert.equal(next.name === 'directSending' && next.key, 'open-2');
  });

  it('the idle wipe leaves no answer anywhere in the state', () => {
    const states: Step[] = [
      run([...toForm, { type: 'formDone', form }]),
      run([...toForm, { type: 'formDone', form }, { type: 'issued', ticket }]),
      reduce({ name: 'directForm', lang: 'bo', formId: 'suggestion_box', key: 'k', draft: form }, { type: 'sendDirect', form }),
    ];
    for (const s of states) {
      assert.match(JSON.stringify(s), /11010519491231002X/, 'the answers are in the state before the wipe');
      const wiped = reduce(s, { type: 'reset' });
      assert.deepEqual(wiped, ATTRACT);
      assert.doesNotMatch(JSON.stringify(wiped), /11010519491231002X|བཀྲ་ཤིས/);
    }
  });
});
