// The ticket lifecycle as explicit states and verbs. Every transition the hall allows is
// listed in TRANSITIONS; anything else is refused with ILLEGAL_TRANSITION.
import { DomainError } from './errors.js';
import { isWaiting, type HallPolicy, type Millis, type Ticket, type TicketState } from './model.js';

export type TicketVerb = 'call' | 'recall' | 'start' | 'finish' | 'noShow' | 'cancel' | 'transfer' | 'expire';

export const TRANSITIONS: Record<TicketState, Partial<Record<TicketVerb, TicketState>>> = {
  issued: { call: 'called', cancel: 'cancelled', transfer: 'transferred', expire: 'expired' },
  transferred: { call: 'called', cancel: 'cancelled', transfer: 'transferred', expire: 'expired' },
  called: {
    recall: 'called',
    start: 'serving',
    noShow: 'no_show',
    cancel: 'cancelled',
    transfer: 'transferred',
    expire: 'expired',
  },
  // A ticket left serving overnight (staff forgot "finish") also expires, so every ticket of
  // a closed day is final and its counter is free the next morning.
  serving: { finish: 'done', transfer: 'transferred', expire: 'expired' },
  done: {},
  no_show: {},
  cancelled: {},
  expired: {},
};

export function allowedVerbs(state: TicketState): TicketVerb[] {
  return Object.keys(TRANSITIONS[state]) as TicketVerb[];
}

function target(ticket: Ticket, verb: TicketVerb): TicketState {
  const next = TRANSITIONS[ticket.state][verb];
  if (!next) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `Ticket ${ticket.code} is ${ticket.state}; "${verb}" is not possible.`,
      { state: ticket.state, verb },
    );
  }
  return next;
}

export function callTicket(ticket: Ticket, counterId: string, now: Millis): Ticket {
  const state = target(ticket, 'call');
  if (ticket.targetCounterId && ticket.targetCounterId !== counterId) {
    throw new DomainError('NOT_AT_THIS_COUNTER', `Ticket ${ticket.code} was transferred to another counter.`);
  }
  // The wait that this call ends: since issue, or since the transfer that put it back in a queue.
  const waited = now - (ticket.requeuedAt ?? ticket.issuedAt);
  return {
    ...ticket,
    state,
    counterId,
    callCount: ticket.callCount + 1,
    queueCallCount: ticket.queueCallCount + 1,
    // A clock that stepped back gives a negative wait: it counts as 0 and is itself counted.
    waitMs: ticket.waitMs + Math.max(0, waited),
    clockSteps: ticket.clockSteps + (waited < 0 ? 1 : 0),
    firstCalledAt: ticket.firstCalledAt ?? now,
    lastCalledAt: now,
  };
}

export function recallTicket(ticket: Ticket, policy: HallPolicy, now: Millis): Ticket {
  const state = target(ticket, 'recall');
  const since = now - (ticket.lastCalledAt ?? 0);
  const gap = policy.recallGapSeconds * 1000;
  if (since < gap) {
    throw new DomainError(
      'RECALL_TOO_SOON',
      `Ticket ${ticket.code} was called ${Math.floor(since / 1000)} s ago; wait ${policy.recallGapSeconds} s between calls.`,
      { retryAfterSeconds: Math.ceil((gap - since) / 1000) },
    );
  }
  return { ...ticket, state, callCount: ticket.callCount + 1, queueCallCount: ticket.queueCallCount + 1, lastCalledAt: now };
}

export function startTicket(ticket: Ticket, now: Millis): Ticket {
  return { ...ticket, state: target(ticket, 'start'), startedAt: now };
}

export function finishTicket(ticket: Ticket, now: Millis): Ticket {
  return { ...ticket, state: target(ticket, 'finish'), finishedAt: now };
}

export function markNoShow(ticket: Ticket, policy: HallPolicy, now: Millis): Ticket {
  const state = target(ticket, 'noShow');
  // Calls in its current queue: after a transfer, the new counter calls it afresh.
  if (ticket.queueCallCount < policy.noShowAfterCalls) {
    throw new DomainError(
      'NO_SHOW_TOO_EARLY',
      `Ticket ${ticket.code} was called ${ticket.queueCallCount} time(s); call it ${policy.noShowAfterCalls} times before marking no-show.`,
      { callCount: ticket.queueCallCount, required: policy.noShowAfterCalls },
    );
  }
  return { ...ticket, state, finishedAt: now };
}

export function cancelTicket(ticket: Ticket, now: Millis): Ticket {
  return { ...ticket, state: target(ticket, 'cancel'), finishedAt: now };
}

/**
 * The day's close: a ticket of a closed day that never reached a final state. `endOfDay` is
 * the last moment of the ticket's hall day (numbering.ts hallDayEnd), not the moment the
 * close runs: a close after a restart must not stretch yesterday's tickets into today.
 */
export function expireTicket(ticket: Ticket, endOfDay: Millis): Ticket {
  return { ...ticket, state: target(ticket, 'expire'), finishedAt: endOfDay };
}

export interface TransferTarget {
  serviceId?: string;
  counterId?: string;
}

/**
 * A transfer puts the ticket back in the queue for another service and/or a specific
 * counter. It keeps queuedAt, so the resident does not go to the back of the line.
 */
export function transferTicket(ticket: Ticket, to: TransferTarget, now: Millis): Ticket {
  const state = target(ticket, 'transfer');
  const serviceId = to.serviceId ?? ticket.serviceId;
  const targetCounterId = to.counterId ?? null;
  if (serviceId === ticket.serviceId && targetCounterId === null) {
    throw new DomainError('SAME_TARGET', 'Choose another service or a counter to transfer to.');
  }
  return {
    ...ticket,
    state,
    serviceId,
    targetCounterId,
    counterId: null,
    startedAt: null,
    // The new counter must call it afresh before a no-show; the ticket's own call count goes on.
    queueCallCount: 0,
    lastCalledAt: null,
    // A ticket moved while still waiting keeps waiting from where it was; one that had been
    // called starts a new wait now.
    requeuedAt: isWaiting(ticket.state) ? ticket.requeuedAt : now,
  };
}
