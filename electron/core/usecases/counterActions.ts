// Staff at a counter: open (bind staff + languages), pause, resume, close.
import { DomainError } from '../errors.js';
import type { Counter, Language } from '../model.js';
import type { HallDeps, HallWrites, StaffActor } from '../ports.js';

export async function loadCounter(tx: HallWrites, counterId: string): Promise<Counter> {
  const c = await tx.getCounter(counterId);
  if (!c) throw new DomainError('NOT_FOUND', 'No such counter.', { counterId });
  return c;
}

/** The counter must be held by this staff member (an admin may act on any counter). */
export function assertHolds(counter: Counter, actor: StaffActor): void {
  if (counter.staffId !== actor.staffId && actor.role !== 'admin') {
    throw new DomainError('COUNTER_TAKEN', `Counter ${counter.number} is held by someone else. Open it first.`);
  }
}

export function assertCanCall(counter: Counter): void {
  if (counter.state === 'closed') throw new DomainError('COUNTER_NOT_OPEN', `Counter ${counter.number} is not open.`);
  if (counter.state === 'paused') throw new DomainError('COUNTER_PAUSED', `Counter ${counter.number} is paused. Resume it first.`);
}

async function changeCounter(
  deps: HallDeps,
  counterId: string,
  change: (c: Counter, tx: HallWrites) => Promise<Counter> | Counter,
): Promise<Counter> {
  const counter = await deps.store.write(async (tx) => {
    const next = await change(await loadCounter(tx, counterId), tx);
    await tx.updateCounter(next);
    return next;
  });
  deps.events.publish({ type: 'counter', counter });
  return counter;
}

export function openCounter(deps: HallDeps, counterId: string, actor: StaffActor, languages: Language[]): Promise<Counter> {
  return changeCounter(deps, counterId, async (c, tx) => {
    if (c.staffId && c.staffId !== actor.staffId && c.state !== 'closed') {
      throw new DomainError('COUNTER_TAKEN', `Counter ${c.number} is already open for another staff member.`);
    }
    // One staff member holds one counter: opening here closes any other they held.
    for (const other of await tx.listCounters()) {
      if (other.id !== c.id && other.staffId === actor.staffId && other.state !== 'closed') {
        // The same rule as closeCounter: a resident called to the other counter is not dropped.
        const held = other.currentTicketId ? await tx.getTicket(other.currentTicketId) : null;
        if (held && (held.state === 'called' || held.state === 'serving')) {
          throw new DomainError('COUNTER_BUSY', `Finish or transfer ticket ${held.code} at counter ${other.number} before opening another counter.`);
        }
        await tx.updateCounter({ ...other, state: 'closed', staffId: null, languages: [], currentTicketId: null });
      }
    }
    const state = c.state === 'paused' && c.staffId === actor.staffId ? 'paused' : 'open';
    return { ...c, state, staffId: actor.staffId, languages: [...new Set(languages)] };
  });
}

export function pauseCounter(deps: HallDeps, counterId: string, actor: StaffActor): Promise<Counter> {
  return changeCounter(deps, counterId, (c) => {
    assertHolds(c, actor);
    if (c.state !== 'open') throw new DomainError('COUNTER_NOT_OPEN', `Counter ${c.number} is not open.`);
    return { ...c, state: 'paused' };
  });
}

export function resumeCounter(deps: HallDeps, counterId: string, actor: StaffActor): Promise<Counter> {
  return changeCounter(deps, counterId, (c) => {
    assertHolds(c, actor);
    if (c.state !== 'paused') throw new DomainError('ILLEGAL_TRANSITION', `Counter ${c.number} is not paused.`);
    return { ...c, state: 'open' };
  });
}

/** Logout or closing time: the counter is freed. A ticket still called there goes back to the queue. */
export function closeCounter(deps: HallDeps, counterId: string, actor: StaffActor): Promise<Counter> {
  return changeCounter(deps, counterId, async (c, tx) => {
    assertHolds(c, actor);
    if (c.currentTicketId) {
      const t = await tx.getTicket(c.currentTicketId);
      if (t && (t.state === 'called' || t.state === 'serving')) {
        throw new DomainError('COUNTER_BUSY', `Finish or transfer ticket ${t.code} before closing the counter.`);
      }
    }
    return { ...c, state: 'closed', staffId: null, languages: [], currentTicketId: null };
  });
}
