// The resident's path through the kiosk as one pure reducer: every screen is a step, every
// tap an action. Steps carry everything that screen needs, so "wipe everything" is simply
// returning to the attract step (form answers included), and an action that does not fit
// the current step (a late second tap, a stale server answer) is ignored instead of issuing or showing twice.
import type { FieldError } from '../../electron/core/forms/definition.js';
import type { PageLanguage } from '../shared/i18n.js';
import type { FilledForm } from './forms/filledForm.js';
import type { IssuedTicket, KioskService } from './kioskApi.js';

export interface TicketRequest {
  service: KioskService;
  priority: boolean;
  /** One key per ticket attempt, sent as Idempotency-Key: repeats and retries get the same ticket. */
  idempotencyKey: string;
  /** The answers confirmed on the review screen; sent with the ticket id once it is issued. */
  form?: FilledForm;
}

/** What became of the form sent with a ticket: the ticket stands either way. */
export type FormOutcome = 'none' | 'sent' | 'failed';

export type Step =
  | { name: 'attract' }
  | { name: 'language' }
  | { name: 'services'; lang: PageLanguage }
  | { name: 'priority'; lang: PageLanguage; service: KioskService; idempotencyKey: string }
  /**
   * Filling the service's form. After a refusal of the submission (422) the resident is back
   * here with the draft and the server's errors; the ticket, if already issued, is kept.
   */
  | { name: 'form'; lang: PageLanguage; request: TicketRequest; draft?: FilledForm; errors?: Record<string, FieldError>; ticket?: IssuedTicket }
  | { name: 'issuing'; lang: PageLanguage; request: TicketRequest; offline: boolean }
  | { name: 'issueFailed'; lang: PageLanguage; message: string }
  /** The ticket is issued; the form goes to the server with its id (retried with one key). */
  | { name: 'submitting'; lang: PageLanguage; request: TicketRequest & { form: FilledForm }; ticket: IssuedTicket; key: string }
  | { name: 'ticket'; lang: PageLanguage; ticket: IssuedTicket; service: KioskService; form: FormOutcome }
  /** Forms that may be sent without queuing (suggestion box, proxy request). */
  | { name: 'directForms'; lang: PageLanguage }
  /**
   * `key` is fixed when the form is opened and kept through failures, "back" and corrections,
   * so the same filled form sent again after a lost answer is stored once, whatever the taps.
   */
  | { name: 'directForm'; lang: PageLanguage; formId: string; key: string; draft?: FilledForm; errors?: Record<string, FieldError> }
  | { name: 'directSending'; lang: PageLanguage; form: FilledForm; key: string; failed: string | null }
  | { name: 'directSent'; lang: PageLanguage };

export type Action =
  | { type: 'start' }
  | { type: 'chooseLanguage'; lang: PageLanguage }
  | { type: 'chooseService'; service: KioskService; idempotencyKey: string }
  | { type: 'answerPriority'; priority: boolean }
  /** The resident confirmed the review (form), or there was no form to fill (undefined). */
  | { type: 'formDone'; form?: FilledForm }
  | { type: 'formSent' }
  | { type: 'formFailed' }
  /** The server refused the answers (422): back to the form, errors on their fields. */
  | { type: 'formRejected'; errors: Record<string, FieldError> }
  | { type: 'openDirectForms' }
  | { type: 'chooseDirectForm'; formId: string; key: string }
  | { type: 'sendDirect'; form: FilledForm }
  | { type: 'directFailed'; message: string }
  | { type: 'retryDirect' }
  | { type: 'directSent' }
  | { type: 'issueOffline' }
  | { type: 'issued'; ticket: IssuedTicket }
  | { type: 'issueFailed'; message: string }
  | { type: 'back' }
  | { type: 'reset' };

export const ATTRACT: Step = { name: 'attract' };

export function stepLanguage(step: Step): PageLanguage | null {
  return 'lang' in step ? step.lang : null;
}

export function reduce(step: Step, action: Action): Step {
  switch (action.type) {
    case 'reset':
      return ATTRACT;
    case 'start':
      return step.name === 'attract' ? { name: 'language' } : step;
    case 'chooseLanguage':
      return step.name === 'language' ? { name: 'services', lang: action.lang } : step;
    case 'chooseService':
      if (step.name !== 'services' || !action.service.open) return step;
      return { name: 'priority', lang: step.lang, service: action.service, idempotencyKey: action.idempotencyKey };
    case 'answerPriority': {
      if (step.name !== 'priority') return step;
      const request: TicketRequest = { service: step.service, priority: action.priority, idempotencyKey: step.idempotencyKey };
      return step.service.formId ? { name: 'form', lang: step.lang, request } : { name: 'issuing', lang: step.lang, request, offline: false };
    }
    case 'formDone': {
      if (step.name !== 'form') return step;
      const request: TicketRequest = action.form ? { ...step.request, form: action.form } : step.request;
      // A refusal after the ticket was issued: the ticket stands, only the form is sent again,
      // under the same key as the first time (one key per filled form).
      if (step.ticket && action.form) {
        return { name: 'submitting', lang: step.lang, request: { ...request, form: action.form }, ticket: step.ticket, key: formKey(step.request) };
      }
      if (step.ticket) return { name: 'ticket', lang: step.lang, ticket: step.ticket, service: step.request.service, form: 'none' };
      return { name: 'issuing', lang: step.lang, request, offline: false };
    }
    case 'issueOffline':
      return step.name === 'issuing' ? { ...step, offline: true } : step;
    case 'issued': {
      if (step.name !== 'issuing') return step;
      const { form } = step.request;
      // Its own key, derived from the ticket's: a retried submission is recognised, never mixed up with the ticket.
      if (form) return { name: 'submitting', lang: step.lang, request: { ...step.request, form }, ticket: action.ticket, key: formKey(step.request) };
      return { name: 'ticket', lang: step.lang, ticket: action.ticket, service: step.request.service, form: 'none' };
    }
    case 'formSent':
    case 'formFailed':
      if (step.name !== 'submitting') return step;
      return { name: 'ticket', lang: step.lang, ticket: step.ticket, service: step.request.service, form: action.type === 'formSent' ? 'sent' : 'failed' };
    case 'formRejected':
      if (step.name === 'submitting') {
        return { name: 'form', lang: step.lang, request: step.request, draft: step.request.form, errors: action.errors, ticket: step.ticket };
      }
      if (step.name === 'directSending') {
        return { name: 'directForm', lang: step.lang, formId: step.form.formId, key: step.key, draft: step.form, errors: action.errors };
      }
      return step;
    case 'openDirectForms':
      return step.name === 'services' ? { name: 'directForms', lang: step.lang } : step;
    case 'chooseDirectForm':
      return step.name === 'directForms' ? { name: 'directForm', lang: step.lang, formId: action.formId, key: action.key } : step;
    case 'sendDirect':
      return step.name === 'directForm' ? { name: 'directSending', lang: step.lang, form: action.form, key: step.key, failed: null } : step;
    case 'directFailed':
      return step.name === 'directSending' ? { ...step, failed: action.message } : step;
    case 'retryDirect':
      // The same key: if the first attempt did reach the server, the retry cannot store it twice.
      return step.name === 'directSending' && step.failed !== null ? { ...step, failed: null } : step;
    case 'directSent':
      return step.name === 'directSending' ? { name: 'directSent', lang: step.lang } : step;
    case 'issueFailed':
      return step.name === 'issuing' ? { name: 'issueFailed', lang: step.lang, message: action.message } : step;
    case 'back':
      return back(step);
  }
}

/** The Idempotency-Key of the form sent with a ticket: derived from the ticket's, never the same. */
function formKey(request: TicketRequest): string {
  return `${request.idempotencyKey}-form`;
}

function back(step: Step): Step {
  switch (step.name) {
    case 'language':
      return ATTRACT;
    case 'services':
      return { name: 'language' };
    case 'form':
      // With the ticket already issued there is nothing to go back to: the form is finished or the ticket shown.
      return step.ticket ? step : { name: 'services', lang: step.lang };
    case 'priority':
    case 'issueFailed':
    case 'directForms':
      return { name: 'services', lang: step.lang };
    case 'directForm':
      return { name: 'directForms', lang: step.lang };
    case 'directSending':
      // Back to the form keeps its key: the failed attempt may have been stored, its answer lost.
      return step.failed !== null ? { name: 'directForm', lang: step.lang, formId: step.form.formId, key: step.key, draft: step.form } : step;
    default:
      // Issuing cannot be abandoned half-way, and a ticket is left with "done".
      return step;
  }
}
