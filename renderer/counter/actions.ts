// Which console buttons apply right now, and, for those that do not, why — in words staff
// understand. The ticket transitions come from the domain's own table (core/lifecycle), the
// recall gap and the no-show threshold from the hall's policy, so the console never offers
// what the server would refuse. Pure: the console re-evaluates it every second.
import { TRANSITIONS, type TicketVerb } from '../../electron/core/lifecycle.js';
import type { CounterPolicy, CounterView, TicketView } from './types.js';

export const ACTIONS = ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer', 'pause', 'resume', 'callSpecific', 'logout'] as const;
export type ActionId = (typeof ACTIONS)[number];

export interface Reason {
  key: string;
  vars?: Record<string, string | number>;
}
export interface Availability {
  enabled: boolean;
  reason?: Reason;
}

export interface ConsoleSituation {
  counter: CounterView;
  /** The ticket at this counter (called or serving), if any. */
  ticket: TicketView | null;
  waitingCount: number;
  policy: CounterPolicy;
  /** When the ticket was last called, on the same clock as now. */
  lastCallAt: number | null;
  now: number;
}

const ok: Availability = { enabled: true };
const no = (key: string, vars?: Reason['vars']): Availability => ({ enabled: false, reason: vars ? { key, vars } : { key } });

function ticketVerb(t: TicketView | null, verb: TicketVerb): Availability | null {
  if (!t) return no('Reason.noTicket');
  if (TRANSITIONS[t.state][verb]) return null;
  if (t.state === 'serving') return no('Reason.alreadyServing');
  if (t.state === 'called') return no('Reason.notStarted');
  return no('Reason.noTicket');
}

export function availability(s: ConsoleSituation): Record<ActionId, Availability> {
  const { counter, ticket, policy, now } = s;
  const atCounter = ticket && (ticket.state === 'called' || ticket.state === 'serving') ? ticket : null;
  const paused = counter.state === 'paused';
  const closed = counter.state === 'closed';

  const canCall = (): Availability => {
    if (closed) return no('Reason.counterClosed');
    if (paused) return no('Reason.paused');
    if (atCounter) return no('Reason.busy', { code: atCounter.code });
    return ok;
  };
  const callNext = (): Availability => {
    const c = canCall();
    if (!c.enabled) return c;
    return s.waitingCount > 0 ? ok : no('Reason.nobodyWaiting');
  };

  const recall = (): Availability => {
    const v = ticketVerb(atCounter, 'recall');
    if (v) return v;
    const since = (now - (s.lastCallAt ?? Date.parse(atCounter!.lastCalledAt ?? ''))) / 1000;
    const wait = Math.ceil(policy.recallGapSeconds - since);
    return Number.isFinite(since) && wait > 0 ? no('Reason.recallWait', { seconds: wait }) : ok;
  };

  const noShow = (): Availability => {
    const v = ticketVerb(atCounter, 'noShow');
    if (v) return v;
    const n = atCounter!.queueCallCount;
    return n < policy.noShowAfterCalls ? no('Reason.noShowTooEarly', { required: policy.noShowAfterCalls, count: n }) : ok;
  };

  return {
    callNext: callNext(),
    recall: recall(),
    start: ticketVerb(atCounter, 'start') ?? ok,
    finish: ticketVerb(atCounter, 'finish') ?? ok,
    noShow: noShow(),
    transfer: ticketVerb(atCounter, 'transfer') ?? ok,
    pause: closed ? no('Reason.counterClosed') : paused ? no('Reason.paused') : ok,
    resume: paused ? ok : no('Reason.notPaused'),
    callSpecific: canCall(),
    logout: atCounter ? no('Reason.busyLogout', { code: atCounter.code }) : ok,
  };
}
