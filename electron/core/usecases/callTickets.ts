// Calling: the next ticket by the calling rule, or a specific waiting ticket out of order.
// Both run in one write transaction, so two counters calling at once never get one ticket.
import { DomainError } from '../errors.js';
import { isWaiting, type Counter, type Ticket } from '../model.js';
import { callTicket } from '../lifecycle.js';
import type { HallDeps, HallWrites, StaffActor } from '../ports.js';
import { canServe, pickNext } from '../queueOrder.js';
import { today } from './today.js';
import { assertCanCall, assertHolds, loadCounter } from './counterActions.js';

export interface CallResult {
  ticket: Ticket;
  counter: Counter;
}

async function assertFree(tx: HallWrites, counter: Counter): Promise<void> {
  if (!counter.currentTicketId) return;
  const current = await tx.getTicket(counter.currentTicketId);
  if (current && (current.state === 'called' || current.state === 'serving') && current.counterId === counter.id) {
    throw new DomainError(
      'COUNTER_BUSY',
      `Ticket ${current.code} is still at counter ${counter.number}: finish, transfer or mark it no-show first.`,
      { ticketId: current.id },
    );
  }
}

async function commitCall(deps: HallDeps, tx: HallWrites, counter: Counter, ticket: Ticket, actor: StaffActor): Promise<CallResult> {
  const now = deps.clock.now();
  const called = callTicket(ticket, counter.id, now);
  const nextCounter: Counter = { ...counter, currentTicketId: called.id };
  await tx.updateTicket(called);
  await tx.updateCounter(nextCounter);
  await tx.addTicketEvent({ ticketId: called.id, at: now, verb: 'call', counterId: counter.id, staffId: actor.staffId });
  return { ticket: called, counter: nextCounter };
}

function publishCall(deps: HallDeps, r: CallResult): void {
  deps.events.publish({ type: 'ticket', verb: 'call', ticket: r.ticket });
  deps.events.publish({ type: 'counter', counter: r.counter });
  deps.events.publish({ type: 'call', ticket: r.ticket, counter: r.counter, recall: false });
}

/** Resolves to null when nobody waits for this counter. */
export async function callNext(deps: HallDeps, counterId: string, actor: StaffActor): Promise<CallResult | null> {
  const result = await deps.store.write(async (tx) => {
    const counter = await loadCounter(tx, counterId);
    assertHolds(counter, actor);
    assertCanCall(counter);
    await assertFree(tx, counter);
    const candidates = await tx.callCandidates(await today(tx, deps.clock));
    const policy = await tx.getPolicy();
    const next = pickNext(counter, candidates, { now: deps.clock.now(), limitMinutes: policy.agingMinutes });
    return next ? commitCall(deps, tx, counter, next, actor) : null;
  });
  if (result) publishCall(deps, result);
  return result;
}

/** Staff call a particular waiting ticket, out of the rule's order. */
export async function callSpecific(deps: HallDeps, counterId: string, ticketId: string, actor: StaffActor): Promise<CallResult> {
  const result = await deps.store.write(async (tx) => {
    const counter = await loadCounter(tx, counterId);
    assertHolds(counter, actor);
    assertCanCall(counter);
    await assertFree(tx, counter);
    const ticket = await tx.getTicket(ticketId);
    if (!ticket) throw new DomainError('NOT_FOUND', 'No such ticket.', { ticketId });
    if (isWaiting(ticket.state) && !canServe(counter, ticket)) {
      if (ticket.targetCounterId) throw new DomainError('NOT_AT_THIS_COUNTER', `Ticket ${ticket.code} was transferred to another counter.`);
      throw new DomainError('SERVICE_NOT_SERVED', `Counter ${counter.number} does not serve the service of ticket ${ticket.code}.`);
    }
    return commitCall(deps, tx, counter, ticket, actor);
  });
  publishCall(deps, result);
  return result;
}
