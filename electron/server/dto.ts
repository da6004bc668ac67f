// How domain objects look on the wire: timestamps as ISO strings, nothing internal.
import type { Counter, Ticket } from '../core/model.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function ticketJson(t: Ticket) {
  return {
    id: t.id,
    code: t.code,
    day: t.day,
    serviceId: t.serviceId,
    issuedServiceId: t.issuedServiceId,
    number: t.number,
    language: t.language,
    priority: t.priority,
    state: t.state,
    kioskId: t.kioskId,
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    callCount: t.callCount,
    queueCallCount: t.queueCallCount,
    issuedAt: iso(t.issuedAt),
    firstCalledAt: iso(t.firstCalledAt),
    lastCalledAt: iso(t.lastCalledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
  };
}

export function counterJson(c: Counter) {
  return {
    id: c.id,
    number: c.number,
    names: c.names,
    services: c.services,
    state: c.state,
    staffId: c.staffId,
    languages: c.languages,
    currentTicketId: c.currentTicketId,
    usualLanguages: c.usualLanguages ?? [],
  };
}

/** A call as the hall display may see it: ticket code and counter, no personal data. */
export function callJson(t: Ticket, c: Counter, recall: boolean) {
  return {
    ticketId: t.id,
    code: t.code,
    counterId: c.id,
    counterNumber: c.number,
    counterNames: c.names,
    serviceId: t.serviceId,
    language: t.language,
    recall,
    at: iso(t.lastCalledAt),
  };
}
