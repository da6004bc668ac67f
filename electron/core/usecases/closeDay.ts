// The day's close: every ticket of a day before today that is still waiting, called or being
// served becomes `expired`, so yesterday's queue never reappears, every counter is free in
// the morning, and every ticket of a closed day is final (and so can be exported). Runs at
// midnight, before every export and at start-up (for days the machine was off); running it
// twice changes nothing the second time.
import { expireTicket } from '../lifecycle.js';
import { hallDayEnd } from '../numbering.js';
import type { Counter, Ticket } from '../model.js';
import type { HallDeps } from '../ports.js';
import { today } from './today.js';

export interface DayCloseResult {
  /** The hall-local day that is open now; every day before it is closed. */
  today: string;
  expired: Ticket[];
  /** Days that had tickets to expire, oldest first. */
  days: string[];
}

export async function closeDay(deps: HallDeps): Promise<DayCloseResult> {
  const now = deps.clock.now();
  const open = await today(deps.store.reads, deps.clock);
  const { timeZone } = await deps.store.reads.getPolicy();
  const { expired, counters } = await deps.store.write(async (tx) => {
    const unfinished = await tx.unfinishedTicketsBefore(open);
    const expired: Ticket[] = [];
    const freed = new Map<string, Counter>();
    const ends = new Map<string, number>();
    for (const t of unfinished) {
      // The ticket ends with its hall day, not when the close happens to run (after a restart
      // or a machine that was off, that is days later); never later than now.
      let end = ends.get(t.day);
      if (end === undefined) ends.set(t.day, (end = Math.min(now, hallDayEnd(t.day, timeZone))));
      const after = expireTicket(t, end);
      await tx.updateTicket(after);
      await tx.addTicketEvent({ ticketId: t.id, at: now, verb: 'expire', counterId: t.counterId, staffId: null, detail: { from: t.state } });
      expired.push(after);
      if (t.counterId) {
        const c = freed.get(t.counterId) ?? (await tx.getCounter(t.counterId));
        if (c && c.currentTicketId === t.id) {
          const next = { ...c, currentTicketId: null };
          await tx.updateCounter(next);
          freed.set(c.id, next);
        }
      }
    }
    return { expired, counters: [...freed.values()] };
  });
  // Events only after the commit, like every use case.
  for (const ticket of expired) deps.events.publish({ type: 'ticket', verb: 'expire', ticket });
  for (const counter of counters) deps.events.publish({ type: 'counter', counter });
  return { today: open, expired, days: [...new Set(expired.map((t) => t.day))] };
}
