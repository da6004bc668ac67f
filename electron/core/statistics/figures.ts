// The hall's statistics: the ONLY place these numbers are computed. The admin API and its
// workbook (server/http/routes/stats.ts), the admin page's tables (renderer/admin/stats.ts)
// and the export's statistics file (core/export/statistics.ts) all take their rows from here,
// so the same tickets give the same figures everywhere. Pure: adapters load the tickets.
//
// Every column is defined in words in docs/export.md and in the admin page's help
// (admin.json Stats.help*); columns.ts lists them with their codes and Chinese labels.
//
// Definitions:
// - taken: tickets issued FOR the row's service (the service the number was taken for);
//   served as: tickets whose final service is the row's service (after any transfers). Every
//   other column counts the served-as tickets. Outside the per-service rows a ticket belongs
//   to one row only, and taken = served as = the tickets of the row.
// - wait: the resident's total time waiting in a queue: issue → first call, plus each
//   transfer → next call (Ticket.waitMs, kept by the lifecycle), over tickets called at least once.
// - time to first call: issue → first call, over tickets called at least once.
// - service time: start → finish of the tickets served (state done), at their last counter.
// - a duration that comes out negative (the clock stepped back) counts as 0; clock steps is
//   the number of tickets with at least one such duration.
// - mean and p90 (nearest rank: the ⌈0.9·n⌉-th smallest) are taken over milliseconds, then
//   rounded once, to 0.1 s, half up (ROUNDING below). Nothing else rounds.
import type { Millis, TicketState } from '../model.js';
import { hallTime } from '../numbering.js';

/** What the statistics read of a ticket: the stored ticket and the exported ticket both fit. */
export interface StatTicket {
  day: string;
  /** Final service (the one it is in now). */
  serviceId: string;
  /** The service the number was taken for. */
  issuedServiceId: string;
  counterId: string | null;
  language: string;
  state: TicketState | string;
  priority: boolean;
  issuedAt: Millis;
  firstCalledAt: Millis | null;
  startedAt: Millis | null;
  finishedAt: Millis | null;
  /** Every call of the ticket, across transfers. */
  callCount: number;
  waitMs: number;
  clockSteps: number;
}

/** The figures of one row; the same columns for every grouping. Durations in seconds. */
export interface Figures {
  taken: number;
  servedAs: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  waiting: number;
  called: number;
  priority: number;
  waitMeanSeconds: number | null;
  waitP90Seconds: number | null;
  firstCallMeanSeconds: number | null;
  firstCallP90Seconds: number | null;
  serviceMeanSeconds: number | null;
  serviceP90Seconds: number | null;
  calls: number;
  clockSteps: number;
}

export type StatScope = 'total' | 'day' | 'service' | 'counter' | 'hour' | 'language';

export interface StatRow extends Figures {
  /** The hall day of the row; '' when the figures span the whole range (perDay false). */
  day: string;
  scope: StatScope;
  /** Service id, counter id, language code, hour "00"–"23", the day itself, or '*' for the total. */
  key: string;
}

/** The one rounding rule: seconds to one decimal, half up (all durations are ≥ 0). */
export const ROUNDING = 'seconds, 0.1 s, half up';
export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** Nearest-rank percentile (p in 0..100) of ascending-sorted values; null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * The durations of one row, kept as counts per 0.1 s step (what the rounding keeps anyway)
 * plus the exact sum: a year of a busy hall is a million tickets, and each sits in six rows.
 * The p90 is still exact: rounding is monotone, so the rounded nearest-rank value is the
 * nearest-rank value of the rounded durations.
 */
class Durations100 {
  private n = 0;
  private sum = 0;
  private readonly steps = new Map<number, number>();

  add(ms: number): void {
    this.n++;
    this.sum += ms;
    const step = Math.round(ms / 100);
    this.steps.set(step, (this.steps.get(step) ?? 0) + 1);
  }

  meanAndP90(): [number | null, number | null] {
    if (this.n === 0) return [null, null];
    const rank = Math.max(1, Math.ceil(0.9 * this.n));
    let seen = 0;
    let p90 = 0;
    for (const step of [...this.steps.keys()].sort((a, b) => a - b)) {
      seen += this.steps.get(step)!;
      if (seen >= rank) {
        p90 = step / 10;
        break;
      }
    }
    return [seconds(this.sum / this.n), p90];
  }
}

/** The durations of one ticket, clamped at 0, and whether any of them stepped back. */
export interface Durations {
  waitMs: number | null;
  firstCallMs: number | null;
  serviceMs: number | null;
  steppedBack: boolean;
}

export function durationsOf(t: StatTicket): Durations {
  let steppedBack = t.clockSteps > 0;
  const clamp = (d: number): number => {
    if (d < 0) steppedBack = true;
    return Math.max(0, d);
  };
  const called = t.firstCalledAt !== null;
  const firstCallMs = called ? clamp(t.firstCalledAt! - t.issuedAt) : null;
  const serviceMs = t.state === 'done' && t.startedAt !== null && t.finishedAt !== null ? clamp(t.finishedAt - t.startedAt) : null;
  return { waitMs: called ? Math.max(0, t.waitMs) : null, firstCallMs, serviceMs, steppedBack };
}

class Group {
  taken = 0;
  servedAs = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  expired = 0;
  waiting = 0;
  called = 0;
  priority = 0;
  calls = 0;
  clockSteps = 0;
  readonly waits = new Durations100();
  readonly firstCalls = new Durations100();
  readonly services = new Durations100();

  outcome(t: StatTicket, d: Durations): void {
    this.servedAs++;
    switch (t.state) {
      case 'done':
        this.served++;
        break;
      case 'no_show':
        this.noShow++;
        break;
      case 'cancelled':
        this.cancelled++;
        break;
      case 'expired':
        this.expired++;
        break;
      case 'issued':
      case 'transferred':
        this.waiting++;
        break;
      case 'called':
      case 'serving':
        this.called++;
        break;
    }
    if (t.priority) this.priority++;
    this.calls += t.callCount;
    if (d.steppedBack) this.clockSteps++;
    if (d.waitMs !== null) this.waits.add(d.waitMs);
    if (d.firstCallMs !== null) this.firstCalls.add(d.firstCallMs);
    if (d.serviceMs !== null) this.services.add(d.serviceMs);
  }

  figures(): Figures {
    const [waitMeanSeconds, waitP90Seconds] = this.waits.meanAndP90();
    const [firstCallMeanSeconds, firstCallP90Seconds] = this.firstCalls.meanAndP90();
    const [serviceMeanSeconds, serviceP90Seconds] = this.services.meanAndP90();
    return {
      taken: this.taken,
      servedAs: this.servedAs,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      expired: this.expired,
      waiting: this.waiting,
      called: this.called,
      priority: this.priority,
      waitMeanSeconds,
      waitP90Seconds,
      firstCallMeanSeconds,
      firstCallP90Seconds,
      serviceMeanSeconds,
      serviceP90Seconds,
      calls: this.calls,
      clockSteps: this.clockSteps,
    };
  }
}

export function emptyFigures(): Figures {
  return new Group().figures();
}

const SCOPE_ORDER: Record<StatScope, number> = { total: 0, day: 1, service: 2, counter: 3, hour: 4, language: 5 };

/**
 * Accumulates tickets one at a time (the export streams them) into rows per scope. With
 * perDay every row belongs to the ticket's day (the export); without, the rows span the
 * whole range and a `total` row is added (the admin page). The tickets are not kept:
 * each row keeps counts and its durations per 0.1 s step.
 */
export class StatisticsBook {
  private readonly groups = new Map<string, Group>();
  private readonly hourOf: (at: Millis) => string;

  constructor(private readonly opts: { timeZone: string; perDay: boolean }) {
    this.hourOf = hourReader(opts.timeZone);
  }

  private group(day: string, scope: StatScope, key: string): Group {
    const id = `${day}\u0000${scope}\u0000${key}`;
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = new Group()));
    return g;
  }

  add(t: StatTicket): void {
    const d = durationsOf(t);
    const bucket = this.opts.perDay ? t.day : '';
    const whole: Group[] = [this.group(bucket, 'day', t.day), this.group(bucket, 'hour', this.hourOf(t.issuedAt)), this.group(bucket, 'language', t.language)];
    if (!this.opts.perDay) whole.push(this.group(bucket, 'total', '*'));
    if (t.counterId !== null) whole.push(this.group(bucket, 'counter', t.counterId));
    for (const g of whole) {
      g.taken++;
      g.outcome(t, d);
    }
    this.group(bucket, 'service', t.issuedServiceId).taken++;
    this.group(bucket, 'service', t.serviceId).outcome(t, d);
  }

  /** Rows sorted by day, scope, key: the same tickets always give the same rows. */
  rows(): StatRow[] {
    const out: StatRow[] = [];
    for (const [id, g] of this.groups) {
      const [day, scope, key] = id.split('\u0000') as [string, StatScope, string];
      out.push({ day, scope, key, ...g.figures() });
    }
    return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }
}

/**
 * The hall-local hour ("00"–"23") of a moment. Every zone's offset is a whole number of
 * quarter hours, so all moments of one UTC quarter hour share a local hour: one Intl call
 * per quarter hour instead of per ticket.
 */
function hourReader(timeZone: string): (at: Millis) => string {
  const QUARTER = 15 * 60_000;
  const memo = new Map<number, string>();
  return (at) => {
    const q = Math.floor(at / QUARTER);
    let h = memo.get(q);
    if (h === undefined) {
      h = String(Number(hallTime(q * QUARTER, timeZone).slice(0, 2)) % 24).padStart(2, '0');
      memo.set(q, h);
    }
    return h;
  };
}
