// The resident's path through the kiosk as one pure reducer: every screen is a step, every
// tap an action. Steps carry everything that screen needs, so "wipe everything" is simply
// returning to the attract step, and an action that does not fit the current step (a late
// second tap, a stale server answer) is ignored instead of issuing or showing twice.
import type { PageLanguage } from '../shared/i18n.js';
import type { IssuedTicket, KioskService } from './kioskApi.js';

export interface TicketRequest {
  service: KioskService;
  priority: boolean;
  /** One key per ticket attempt, sent as Idempotency-Key: repeats and retries get the same ticket. */
  idempotencyKey: string;
}

export type Step =
  | { name: 'attract' }
  | { name: 'language' }
  | { name: 'services'; lang: PageLanguage }
  | { name: 'priority'; lang: PageLanguage; service: KioskService; idempotencyKey: string }
  | { name: 'form'; lang: PageLanguage; request: TicketRequest }
  | { name: 'issuing'; lang: PageLanguage; request: TicketRequest; offline: boolean }
  | { name: 'issueFailed'; lang: PageLanguage; message: string }
  | { name: 'ticket'; lang: PageLanguage; ticket: IssuedTicket; service: KioskService };

export type Action =
  | { type: 'start' }
  | { type: 'chooseLanguage'; lang: PageLanguage }
  | { type: 'chooseService'; service: KioskService; idempotencyKey: string }
  | { type: 'answerPriority'; priority: boolean }
  | { type: 'formDone' }
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
    case 'formDone':
      return step.name === 'form' ? { name: 'issuing', lang: step.lang, request: step.request, offline: false } : step;
    case 'issueOffline':
      return step.name === 'issuing' ? { ...step, offline: true } : step;
    case 'issued':
      if (step.name !== 'issuing') return step;
      return { name: 'ticket', lang: step.lang, ticket: action.ticket, service: step.request.service };
    case 'issueFailed':
      return step.name === 'issuing' ? { name: 'issueFailed', lang: step.lang, message: action.message } : step;
    case 'back':
      return back(step);
  }
}

function back(step: Step): Step {
  switch (step.name) {
    case 'language':
      return ATTRACT;
    case 'services':
      return { name: 'language' };
    case 'priority':
    case 'form':
    case 'issueFailed':
      return { name: 'services', lang: step.lang };
    default:
      // Issuing cannot be abandoned half-way, and a ticket is left with "done".
      return step;
  }
}
