// Verbs staff apply to a ticket already at their counter (or waiting, for cancel/transfer).
import { DomainError } from '../errors.js';
import type { Counter, Ticket } from '../model.js';
import {
  cancelTicket,
  finishTicket,
  markNoShow,
  recallTicket,
  startTicket,
  transferTicket,
  type TransferTarget,
} from '../lifecycle.js';
import type { HallDeps, HallWrites, StaffActor } from '../ports.js';
import { assertHolds, loadCounter } from './counterActions.js';

type Verb = 'recall' | 'start' | 'finish' | 'noShow' | 'cancel' | 'transfer';

async function loadTicket(tx: HallWrites, id: string): Promise<Ticket> {
  const t = await tx.getTicket(id);
  if (!t) throw new DomainError('NOT_FOUND', 'No such ticket.', { ticketId: id });
  return t;
}

/** The counter the ticket is at, checked against the actor; null for a waiting ticket. */
async function counterOf(tx: HallWrites, ticket: Ticket, actor: StaffActor): Promise<Counter | null> {
  if (!ticket.counterId || (ticket.state !== 'called' && ticket.state !== 'serving')) return null;
  const counter = await loadCounter(tx, ticket.counterId);
  assertHolds(counter, actor);
  return counter;
}

async function act(
  deps: HallDeps,
  ticketId: string,
  actor: StaffActor,
  verb: Verb,
  apply: (t: Ticket, tx: HallWrites) => Promise<Ticket> | Ticket,
  detail?: Record<string, unknown>,
): Promise<Ticket> {
  const now = deps.clock.now();
  const { ticket, counter } = await deps.store.write(async (tx) => {
    const before = await loadTicket(tx, ticketId);
    const counter = await counterOf(tx, before, actor);
    if (!counter && (verb === 'recall' || verb === 'start' || verb === 'finish' || verb === 'noShow')) {
      throw new DomainError('ILLEGAL_TRANSITION', `Ticket ${before.code} is ${before.state}; "${verb}" is not possible.`, {
        state: before.state,
        verb,
      });
    }
    const after = await apply(before, tx);
    await tx.updateTicket(after);
    await tx.addTicketEvent({ ticketId: after.id, at: now, verb, counterId: counter?.id ?? null, staffId: actor.staffId, ...(detail ? { detail } : {}) });
    let changedCounter: Counter | null = null;
    const leaves = after.state !== 'called' && after.state !== 'serving';
    if (counter && leaves && counter.currentTicketId === after.id) {
      changedCounter = { ...counter, currentTicketId: null };
      await tx.updateCounter(changedCounter);
    }
    return { ticket: after, counter: changedCounter ?? counter };
  });
  deps.events.publish({ type: 'ticket', verb, ticket });
  if (counter) deps.events.publish({ type: 'counter', counter });
  if (verb === 'recall' && counter) deps.events.publish({ type: 'call', ticket, counter, recall: true });
  return ticket;
}

export function recall(deps: HallDeps, ticketId: string, actor: StaffActor): Promise<Ticket> {
  return act(deps, ticketId, actor, 'recall', async (t, tx) => recallTicket(t, await tx.getPolicy(), deps.clock.now()));
}

export function start(deps: HallDeps, ticketId: string, actor: StaffActor): Promise<Ticket> {
  return act(deps, ticketId, actor, 'start', (t) => startTicket(t, deps.clock.now()));
}

export function finish(deps: HallDeps, ticketId: string, actor: StaffActor): Promise<Ticket> {
  return act(deps, ticketId, actor, 'finish', (t) => finishTicket(t, deps.clock.now()));
}

export function noShow(deps: HallDeps, ticketId: string, actor: StaffActor): Promise<Ticket> {
  return act(deps, ticketId, actor, 'noShow', async (t, tx) => markNoShow(t, await tx.getPolicy(), deps.clock.now()));
}

export function cancel(deps: HallDeps, ticketId: string, actor: StaffActor): Promise<Ticket> {
  return act(deps, ticketId, actor, 'cancel', (t) => cancelTicket(t, deps.clock.now()));
}

export function transfer(deps: HallDeps, ticketId: string, actor: StaffActor, to: TransferTarget): Promise<Ticket> {
  return act(
    deps,
    ticketId,
    actor,
    'transfer',
    async (t, tx) => {
      if (to.serviceId) {
        const s = await tx.getService(to.serviceId);
        if (!s) throw new DomainError('NOT_FOUND', 'No such service to transfer to.', { serviceId: to.serviceId });
      }
      if (to.counterId) {
        const c = await tx.getCounter(to.counterId);
        if (!c) throw new DomainError('NOT_FOUND', 'No such counter to transfer to.', { counterId: to.counterId });
      }
      return transferTicket(t, to, deps.clock.now());
    },
    { ...to },
  );
}
