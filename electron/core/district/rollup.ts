// The district's daily roll-up, computed from the TICKET and RATING records of a batch (never
// from the hall's statistics file, whose definitions may change): per hall, day, service,
// counter and language — tickets, served, no-shows, waits (sum, count and a histogram, so a
// p90 can be taken over any range by adding histograms), service time and ratings. Pure: the
// loader feeds it records and writes its rows; the reports merge rows with mergeRows().
// Follows the hall's definitions (core/statistics/figures.ts, docs/export.md): `tickets` counts
// the service the number was taken for (issued service); served, no-shows, waits and service
// time count the final service. Wait = the resident's total time in a queue (the ticket's
// `waitMs`: issue → first call plus each transfer → next call); batches from halls before
// schema 2 carry no waitMs, and there it is first call − issue. Service time = finish − start,
// over served (`done`) tickets. A negative duration (a clock stepped back) counts as 0.

/** Upper edges (seconds) of the wait histogram's buckets; the last bucket is open. */
export const WAIT_EDGES: readonly number[] = (() => {
  const edges: number[] = [];
  for (let s = 30; s <= 1800; s += 30) edges.push(s);
  for (let s = 1920; s <= 7200; s += 120) edges.push(s);
  for (let s = 7800; s <= 28_800; s += 600) edges.push(s);
  return edges;
})();
export const BUCKETS = WAIT_EDGES.length + 1;

export function waitBucket(seconds: number): number {
  let lo = 0;
  let hi = WAIT_EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seconds < WAIT_EDGES[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What the roll-up needs of a ticket; extra fields (added by newer halls) are ignored. */
export interface RollupTicket {
  day: string;
  /** Final service (after any transfers). */
  serviceId: string;
  /** The service the number was taken for; absent in old batches (then = serviceId). */
  issuedServiceId?: string | null;
  /** Total wait in ms (schema 2 batches); absent or null in older ones. */
  waitMs?: number | null;
  counterId: string | null;
  language: string;
  state: string;
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface RollupRating {
  day: string;
  serviceId: string;
  counterId: string | null;
  score: number;
}

export interface RollupRow {
  day: string;
  serviceId: string;
  /** '' when the ticket never reached a counter. */
  counterId: string;
  /** '' for rating rows (a rating has no language of its own). */
  language: string;
  tickets: number;
  served: number;
  noShows: number;
  waitSum: number;
  waitN: number;
  waitHist: number[];
  serviceSum: number;
  serviceN: number;
  ratings: number;
  ratingSum: number;
}

export function emptyRow(day: string, serviceId: string, counterId: string, language: string): RollupRow {
  return { day, serviceId, counterId, language, tickets: 0, served: 0, noShows: 0, waitSum: 0, waitN: 0, waitHist: new Array<number>(BUCKETS).fill(0), serviceSum: 0, serviceN: 0, ratings: 0, ratingSum: 0 };
}

export class DailyRollup {
  private readonly rows = new Map<string, RollupRow>();

  private row(day: string, serviceId: string, counterId: string | null, language: string): RollupRow {
    const id = `${day}\u0000${serviceId}\u0000${counterId ?? ''}\u0000${language}`;
    let r = this.rows.get(id);
    if (!r) {
      r = emptyRow(day, serviceId, counterId ?? '', language);
      this.rows.set(id, r);
    }
    return r;
  }

  addTicket(t: RollupTicket): void {
    const r = this.row(t.day, t.serviceId, t.counterId, t.language);
    this.row(t.day, t.issuedServiceId ?? t.serviceId, t.counterId, t.language).tickets += 1;
    if (t.state === 'done') r.served += 1;
    if (t.state === 'no_show') r.noShows += 1;
    if (t.firstCalledAt !== null) {
      const waitMs = typeof t.waitMs === 'number' ? t.waitMs : t.firstCalledAt - t.issuedAt;
      const wait = Math.max(0, waitMs / 1000);
      r.waitSum += wait;
      r.waitN += 1;
      r.waitHist[waitBucket(wait)]! += 1;
    }
    if (t.state === 'done' && t.startedAt !== null && t.finishedAt !== null) {
      r.serviceSum += Math.max(0, (t.finishedAt - t.startedAt) / 1000);
      r.serviceN += 1;
    }
  }

  addRating(x: RollupRating): void {
    const r = this.row(x.day, x.serviceId, x.counterId, '');
    r.ratings += 1;
    r.ratingSum += x.score;
  }

  result(): RollupRow[] {
    return [...this.rows.values()];
  }
}

/** What a report shows for a group of roll-up rows. */
export interface ReportFigures {
  tickets: number;
  served: number;
  noShows: number;
  waitMeanSeconds: number | null;
  /** Upper edge of the histogram bucket holding the nearest-rank 90th percentile. */
  waitP90Seconds: number | null;
  serviceMeanSeconds: number | null;
  ratings: number;
  ratingMean: number | null;
}

export interface Mergeable {
  tickets: number;
  served: number;
  noShows: number;
  waitSum: number;
  waitN: number;
  waitHist: readonly number[];
  serviceSum: number;
  serviceN: number;
  ratings: number;
  ratingSum: number;
}

export function histogramP90(hist: readonly number[]): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(0.9 * total));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= rank) return WAIT_EDGES[i] ?? WAIT_EDGES[WAIT_EDGES.length - 1]!;
  }
  return null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The sums a roll-up row carries; rows of any grouping add up field by field. */
const SUMMED = ['tickets', 'served', 'noShows', 'waitSum', 'waitN', 'serviceSum', 'serviceN', 'ratings', 'ratingSum'] as const;
type Sums = Record<(typeof SUMMED)[number], number> & { waitHist: number[] };

/** Adds a row's sums and wait histogram into `into` (a coarser row, or a report's total). */
function addInto(into: Sums, r: Mergeable): void {
  for (const k of SUMMED) into[k] += r[k];
  for (let i = 0; i < BUCKETS; i++) into.waitHist[i]! += r.waitHist[i] ?? 0;
}

export function figuresOf(rows: readonly Mergeable[]): ReportFigures {
  const sum: Sums = { tickets: 0, served: 0, noShows: 0, waitSum: 0, waitN: 0, serviceSum: 0, serviceN: 0, ratings: 0, ratingSum: 0, waitHist: new Array<number>(BUCKETS).fill(0) };
  for (const r of rows) addInto(sum, r);
  const hist = sum.waitHist;
  return {
    tickets: sum.tickets,
    served: sum.served,
    noShows: sum.noShows,
    waitMeanSeconds: sum.waitN > 0 ? round1(sum.waitSum / sum.waitN) : null,
    waitP90Seconds: histogramP90(hist),
    serviceMeanSeconds: sum.serviceN > 0 ? round1(sum.serviceSum / sum.serviceN) : null,
    ratings: sum.ratings,
    ratingMean: sum.ratings > 0 ? Math.round((sum.ratingSum / sum.ratings) * 100) / 100 : null,
  };
}

/**
 * Whether a hall missed a night: the latest expected time E (hour of day, UTC) whose grace
 * period is over has no batch since E − 1 h (a run may start a little early).
 */
export function isLate(lastBatchAt: number | null, now: number, expectedHourUtc: number, graceHours: number): boolean {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  let expected = Math.floor(now / DAY) * DAY + expectedHourUtc * HOUR;
  while (expected + graceHours * HOUR > now) expected -= DAY;
  return lastBatchAt === null || lastBatchAt < expected - HOUR;
}

/**
 * Rows added up per service and day, or per service and month (`day` then holds the month's
 * first day), for the coarser roll-up tables the reports read.
 */
export function coarser(rows: readonly RollupRow[], by: 'day' | 'month'): RollupRow[] {
  const out = new Map<string, RollupRow>();
  for (const r of rows) {
    const day = by === 'day' ? r.day : `${r.day.slice(0, 7)}-01`;
    const k = `${day}\u0000${r.serviceId}`;
    let g = out.get(k);
    if (!g) out.set(k, (g = emptyRow(day, r.serviceId, '', '')));
    addInto(g, r);
  }
  return [...out.values()];
}

/** A day range split into whole months (read from the month roll-up) and the days left over. */
export function splitRange(from: string, to: string): { months: string[]; dayRanges: [string, string][] } {
  const months: string[] = [];
  const dayRanges: [string, string][] = [];
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  let cur = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let runStart: number | null = null;
  while (cur <= end) {
    const d = new Date(cur);
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
    if (d.getUTCDate() === 1 && monthEnd <= end) {
      if (runStart !== null) dayRanges.push([iso(runStart), iso(cur - DAY)]);
      runStart = null;
      months.push(iso(cur));
      cur = monthEnd + DAY;
    } else {
      if (runStart === null) runStart = cur;
      cur += DAY;
    }
  }
  if (runStart !== null) dayRanges.push([iso(runStart), iso(end)]);
  return { months, dayRanges };
}
