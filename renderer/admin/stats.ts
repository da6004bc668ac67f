// Today's statistics, computed in the page from GET /api/tickets?day=… (no server logic).
// Pure functions so they are tested without a browser.
import { hallDay as coreHallDay, isValidTimeZone } from '../../electron/core/numbering.js';
import type { TicketInfo } from './adminApi.js';

export interface ServiceStats {
  serviceId: string;
  issued: number;
  /** Waiting to be called: issued, or transferred here and waiting again. */
  waiting: number;
  /** Called or being served right now. */
  inProgress: number;
  done: number;
  noShow: number;
  cancelled: number;
  /** Mean minutes from issue to first call, over tickets that were called; null when none. */
  avgWaitMinutes: number | null;
  /** Mean minutes from start to finish, over finished services; null when none. */
  avgServiceMinutes: number | null;
}

const MINUTE = 60_000;

function ms(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length / MINUTE;
}

/**
 * One row per service. A ticket counts under the service it belongs to now (a transfer
 * moves it), so "issued" per service adds up to the day's total.
 */
export function statsByService(tickets: readonly TicketInfo[]): Map<string, ServiceStats> {
  const acc = new Map<string, { s: ServiceStats; waits: number[]; services: number[] }>();
  for (const t of tickets) {
    let a = acc.get(t.serviceId);
    if (!a) {
      a = {
        s: { serviceId: t.serviceId, issued: 0, waiting: 0, inProgress: 0, done: 0, noShow: 0, cancelled: 0, avgWaitMinutes: null, avgServiceMinutes: null },
        waits: [],
        services: [],
      };
      acc.set(t.serviceId, a);
    }
    a.s.issued++;
    switch (t.state) {
      case 'issued':
      case 'transferred':
        a.s.waiting++;
        break;
      case 'called':
      case 'serving':
        a.s.inProgress++;
        break;
      case 'done':
        a.s.done++;
        break;
      case 'no_show':
        a.s.noShow++;
        break;
      case 'cancelled':
        a.s.cancelled++;
        break;
    }
    const issued = ms(t.issuedAt);
    const called = ms(t.firstCalledAt);
    if (issued !== null && called !== null && called >= issued) a.waits.push(called - issued);
    const started = ms(t.startedAt);
    const finished = ms(t.finishedAt);
    if (t.state === 'done' && started !== null && finished !== null && finished >= started) a.services.push(finished - started);
  }
  const out = new Map<string, ServiceStats>();
  for (const [id, a] of acc) out.set(id, { ...a.s, avgWaitMinutes: mean(a.waits), avgServiceMinutes: mean(a.services) });
  return out;
}

/** The whole day over all services, for the totals row (averages weighted by ticket). */
export function totalStats(tickets: readonly TicketInfo[]): ServiceStats {
  const all = statsByService(tickets.map((t) => ({ ...t, serviceId: '*' }))).get('*');
  return all ?? { serviceId: '*', issued: 0, waiting: 0, inProgress: 0, done: 0, noShow: 0, cancelled: 0, avgWaitMinutes: null, avgServiceMinutes: null };
}

/** YYYY-MM-DD of `now` in the hall's time zone: the core's own rule, so the page and the
 * server agree on which day a ticket belongs to. An unknown zone falls back to UTC. */
export function hallDay(now: Date, timeZone: string): string {
  return coreHallDay(now.getTime(), isValidTimeZone(timeZone) ? timeZone : 'UTC');
}
