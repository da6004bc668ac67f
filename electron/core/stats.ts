// Hall statistics for a day or a range of days, from the tickets and the count of form
// submissions. Pure: the adapters load the rows, this module only counts. The same figures
// feed the admin page's charts and tables and the XLSX download, so they always agree.
//
// Definitions (the test checks them against an independent SQL computation):
// - a ticket counts under the service it belongs to now (a transfer moves it);
// - waiting time = first call − issue, over tickets that were called;
// - service time = finish − start, over tickets that are done;
// - p90 = nearest rank: the ⌈0.9·n⌉-th smallest value;
// - per counter: tickets whose last counter is that counter (called, served or no-show there);
// - busy hours: tickets by the hall-local hour of issue, summed over the range.
import { hallTime } from './numbering.js';
import { LANGUAGES, type Language, type Millis, type Ticket } from './model.js';

export type StatsTicket = Pick<
  Ticket,
  'serviceId' | 'counterId' | 'language' | 'state' | 'issuedAt' | 'firstCalledAt' | 'startedAt' | 'finishedAt' | 'priority'
>;

export interface TimeSummary {
  /** How many values the figures are over. */
  n: number;
  meanMinutes: number | null;
  p90Minutes: number | null;
}

export interface ServiceRow {
  serviceId: string;
  tickets: number;
  done: number;
  noShow: number;
  cancelled: number;
  /** Still waiting, called or being served (a day not yet over), or expired. */
  open: number;
  priority: number;
  wait: TimeSummary;
  service: TimeSummary;
}

export interface CounterRow {
  counterId: string;
  tickets: number;
  done: number;
  noShow: number;
  wait: TimeSummary;
  service: TimeSummary;
}

export interface HallStats {
  from: string;
  to: string;
  totals: ServiceRow;
  byService: ServiceRow[];
  byCounter: CounterRow[];
  /** 24 rows, hour 0–23 of the hall-local day. */
  byHour: { hour: number; tickets: number }[];
  byLanguage: { language: Language; tickets: number }[];
  byForm: { formId: string; submissions: number }[];
}

const MINUTE = 60_000;

/** Nearest-rank percentile of ascending-sorted values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: number[]): TimeSummary {
  if (values.length === 0) return { n: 0, meanMinutes: null, p90Minutes: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { n: sorted.length, meanMinutes: sum / sorted.length / MINUTE, p90Minutes: nearestRank(sorted, 90)! / MINUTE };
}

function waitOf(t: StatsTicket): number | null {
  return t.firstCalledAt !== null && t.firstCalledAt >= t.issuedAt ? t.firstCalledAt - t.issuedAt : null;
}

function serviceTimeOf(t: StatsTicket): number | null {
  return t.state === 'done' && t.startedAt !== null && t.finishedAt !== null && t.finishedAt >= t.startedAt ? t.finishedAt - t.startedAt : null;
}

interface Acc {
  tickets: number;
  done: number;
  noShow: number;
  cancelled: number;
  priority: number;
  waits: number[];
  services: number[];
}

const newAcc = (): Acc => ({ tickets: 0, done: 0, noShow: 0, cancelled: 0, priority: 0, waits: [], services: [] });

function add(a: Acc, t: StatsTicket): void {
  a.tickets++;
  if (t.state === 'done') a.done++;
  else if (t.state === 'no_show') a.noShow++;
  else if (t.state === 'cancelled') a.cancelled++;
  if (t.priority) a.priority++;
  const w = waitOf(t);
  if (w !== null) a.waits.push(w);
  const s = serviceTimeOf(t);
  if (s !== null) a.services.push(s);
}

function serviceRow(serviceId: string, a: Acc): ServiceRow {
  return {
    serviceId,
    tickets: a.tickets,
    done: a.done,
    noShow: a.noShow,
    cancelled: a.cancelled,
    open: a.tickets - a.done - a.noShow - a.cancelled,
    priority: a.priority,
    wait: summarize(a.waits),
    service: summarize(a.services),
  };
}

export interface StatsInput {
  from: string;
  to: string;
  timeZone: string;
  tickets: readonly StatsTicket[];
  /** Submissions per form over the range (counted by the adapter; answers never leave the store). */
  submissions: readonly { formId: string; count: number }[];
  /** Service ids in display order (the kiosk order); services without tickets still get a row. */
  serviceOrder?: readonly string[];
  counterOrder?: readonly string[];
}

export function computeStats(input: StatsInput): HallStats {
  const services = new Map<string, Acc>();
  const counters = new Map<string, Acc>();
  for (const id of input.serviceOrder ?? []) services.set(id, newAcc());
  for (const id of input.counterOrder ?? []) counters.set(id, newAcc());
  const total = newAcc();
  const hours = new Array<number>(24).fill(0);
  const hourOf = hourReader(input.timeZone);
  const languages = new Map<Language, number>(LANGUAGES.map((l) => [l, 0]));

  for (const t of input.tickets) {
    add(total, t);
    let s = services.get(t.serviceId);
    if (!s) services.set(t.serviceId, (s = newAcc()));
    add(s, t);
    if (t.counterId !== null) {
      let c = counters.get(t.counterId);
      if (!c) counters.set(t.counterId, (c = newAcc()));
      add(c, t);
    }
    hours[hourOf(t.issuedAt)]!++;
    languages.set(t.language, (languages.get(t.language) ?? 0) + 1);
  }

  return {
    from: input.from,
    to: input.to,
    totals: serviceRow('*', total),
    byService: [...services].map(([id, a]) => serviceRow(id, a)),
    byCounter: [...counters].map(([id, a]) => {
      const r = serviceRow(id, a);
      return { counterId: id, tickets: r.tickets, done: r.done, noShow: r.noShow, wait: r.wait, service: r.service };
    }),
    byHour: hours.map((tickets, hour) => ({ hour, tickets })),
    byLanguage: [...languages].map(([language, tickets]) => ({ language, tickets })),
    byForm: [...input.submissions].sort((a, b) => b.count - a.count || (a.formId < b.formId ? -1 : 1)).map((s) => ({ formId: s.formId, submissions: s.count })),
  };
}

/**
 * The hall-local hour of a moment. Every zone's offset is a whole number of quarter hours, so
 * all moments of one UTC quarter hour share a local hour: one Intl call per quarter hour
 * instead of per ticket (a month of a busy hall is 90 000 tickets but under 3 000 quarters).
 */
function hourReader(timeZone: string): (at: Millis) => number {
  const QUARTER = 15 * 60_000;
  const memo = new Map<number, number>();
  return (at) => {
    const q = Math.floor(at / QUARTER);
    let h = memo.get(q);
    if (h === undefined) {
      h = Number(hallTime(q * QUARTER, timeZone).slice(0, 2)) % 24;
      memo.set(q, h);
    }
    return h;
  };
}

/** Whether from..to is a valid range of calendar days (YYYY-MM-DD, from ≤ to, at most maxDays). */
export function validRange(from: string, to: string, maxDays: number): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(from) || !re.test(to) || from > to) return false;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  // Date.parse accepts 2026-02-31 by rolling over; a round trip refuses it.
  if (new Date(a).toISOString().slice(0, 10) !== from || new Date(b).toISOString().slice(0, 10) !== to) return false;
  return (b - a) / 86_400_000 + 1 <= maxDays;
}
