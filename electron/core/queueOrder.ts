// The calling rule: one pure function decides who is next for a counter. The exact order:
//   1. priority (绿色通道) tickets before all others;
//   2. then "aged" tickets, which have waited at least the hall's ageing limit
//      (HallPolicy.agingMinutes, default 20), before fresh ones, whatever their language:
//      among aged tickets the one waiting longest comes first. This is what keeps a resident
//      whose language no open counter speaks from waiting forever behind a stream of others;
//   3. then, among fresh tickets, those in a language the counter's staff speak;
//   4. then the counter's weight for the ticket's service (higher first);
//   5. then place in the queue (arrival, queuedAt), and the id as a last, total tie-break.
// A counter only ever calls tickets of the services it serves (canServe); ageing does not
// widen that, it only lifts the language preference. Without an `aging` argument (now and
// limit) rule 2 is off, as before the limit existed.
// Swap this module to change the hall's policy; nothing else encodes the order.
import type { Counter, Language, Millis, Ticket } from './model.js';
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

/** When the ageing rule applies: the moment of the call and the limit in minutes (HallPolicy.agingMinutes). */
export interface Aging {
  now: Millis;
  limitMinutes: number;
}

/** True when the ticket has waited at least the ageing limit (its queue place counts, so a transfer keeps it). */
export function isAged(ticket: Pick<QueueCandidate, 'queuedAt'>, aging: Aging | undefined): boolean {
  if (!aging || !(aging.limitMinutes > 0)) return false;
  return aging.now - ticket.queuedAt >= aging.limitMinutes * 60_000;
}

/** Negative when a should be called before b by this counter. */
export function compareForCounter(
  counter: CallingCounter,
  a: QueueCandidate,
  b: QueueCandidate,
  aging?: Aging,
): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  const aa = isAged(a, aging);
  const ab = isAged(b, aging);
  if (aa !== ab) return aa ? -1 : 1;
  if (aa && ab) return a.queuedAt !== b.queuedAt ? a.queuedAt - b.queuedAt : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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

export function pickNext<T extends QueueCandidate>(counter: CallingCounter, waiting: readonly T[], aging?: Aging): T | null {
  let best: T | null = null;
  for (const t of waiting) {
    if (!canServe(counter, t)) continue;
    if (best === null || compareForCounter(counter, t, best, aging) < 0) best = t;
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
