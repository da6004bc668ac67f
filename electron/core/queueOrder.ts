// The calling rule: one pure function decides who is next for a counter.
// Order: priority (绿色通道) first, then tickets in a language the counter's staff speak,
// then the counter's weight for the ticket's service, then place in the queue (arrival).
// Swap this module to change the hall's policy; nothing else encodes the order.
import type { Counter, Language, Ticket } from './model.js';
import { isWaiting } from './model.js';

export type QueueCandidate = Pick<
  Ticket,
  'id' | 'serviceId' | 'language' | 'priority' | 'queuedAt' | 'number' | 'state' | 'targetCounterId'
>;

export type CallingCounter = Pick<Counter, 'id' | 'services' | 'languages'>;

/** True when this counter may call the ticket at all. */
export function canServe(counter: CallingCounter, ticket: QueueCandidate): boolean {
  if (!isWaiting(ticket.state)) return false;
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.services.some((s) => s.serviceId === ticket.serviceId);
}

function weightOf(counter: CallingCounter, serviceId: string): number {
  return counter.services.find((s) => s.serviceId === serviceId)?.weight ?? 0;
}

/** Negative when a should be called before b by this counter. */
export function compareForCounter(
  counter: CallingCounter,
  a: QueueCandidate,
  b: QueueCandidate,
): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  const speaks = (lang: Language) => counter.languages.includes(lang);
  const la = speaks(a.language);
  const lb = speaks(b.language);
  if (la !== lb) return la ? -1 : 1;
  const wa = weightOf(counter, a.serviceId);
  const wb = weightOf(counter, b.serviceId);
  if (wa !== wb) return wb - wa;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  // Same millisecond: fall back to a stable, total order.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function pickNext<T extends QueueCandidate>(counter: CallingCounter, waiting: readonly T[]): T | null {
  let best: T | null = null;
  for (const t of waiting) {
    if (!canServe(counter, t)) continue;
    if (best === null || compareForCounter(counter, t, best) < 0) best = t;
  }
  return best;
}

/**
 * People ahead of a ticket in its own service queue, as a resident understands it:
 * priority tickets go first, then arrival. Language and weight depend on which counter
 * calls, so they are left out of this public figure.
 */
export function peopleAhead(ticket: QueueCandidate, waiting: readonly QueueCandidate[]): number {
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id || t.serviceId !== ticket.serviceId || !isWaiting(t.state)) continue;
    if (t.priority && !ticket.priority) ahead++;
    else if (t.priority === ticket.priority && (t.queuedAt < ticket.queuedAt || (t.queuedAt === ticket.queuedAt && t.id < ticket.id))) ahead++;
  }
  return ahead;
}
