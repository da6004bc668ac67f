// The Contract report: per hall and service over a day range, read from the daily roll-up
// only (never the ticket partitions): whole months from the month roll-up, other days from the
// day roll-up, merged by the pure core/district/rollup.ts.
import { figuresOf, splitRange, type Mergeable, type ReportFigures } from '../../core/district/rollup.js';
import type { Sql } from '../db/database.js';

export interface ReportLine extends ReportFigures {
  hallId: string;
  serviceId: string;
}

interface RawRollup {
  hall_id: string;
  service_id: string;
  tickets: number;
  served: number;
  no_shows: number;
  wait_sum: number;
  wait_n: number;
  wait_hist: number[];
  service_sum: number;
  service_n: number;
  ratings: number;
  rating_sum: number;
}

const COLS = 'hall_id, service_id, tickets, served, no_shows, wait_sum, wait_n, wait_hist, service_sum, service_n, ratings, rating_sum';

export async function report(c: Sql, from: string, to: string, hallId: string | null): Promise<ReportLine[]> {
  // Whole months come from the month roll-up, the days around them from the day roll-up.
  const { months, dayRanges } = splitRange(from, to);
  const rows: RawRollup[] = [];
  if (months.length > 0) {
    rows.push(...(await c.query<RawRollup>(`SELECT ${COLS} FROM rollup_service_month WHERE month = ANY($1::date[]) AND ($2::text IS NULL OR hall_id = $2)`, [months, hallId])).rows);
  }
  for (const [a, b] of dayRanges) {
    rows.push(...(await c.query<RawRollup>(`SELECT ${COLS} FROM rollup_service_day WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3)`, [a, b, hallId])).rows);
  }
  const groups = new Map<string, { hallId: string; serviceId: string; rows: Mergeable[] }>();
  for (const x of rows) {
    const k = `${x.hall_id}\u0000${x.service_id}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { hallId: x.hall_id, serviceId: x.service_id, rows: [] }));
    g.rows.push({
      tickets: x.tickets, served: x.served, noShows: x.no_shows, waitSum: x.wait_sum, waitN: x.wait_n, waitHist: x.wait_hist,
      serviceSum: x.service_sum, serviceN: x.service_n, ratings: x.ratings, ratingSum: x.rating_sum,
    });
  }
  return [...groups.values()]
    .map((g) => ({ hallId: g.hallId, serviceId: g.serviceId, ...figuresOf(g.rows) }))
    .sort((a, b) => (a.hallId < b.hallId ? -1 : a.hallId > b.hallId ? 1 : a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
}

export async function quarantineList(c: Sql, limit: number): Promise<unknown[]> {
  const r = await c.query(
    'SELECT id::text AS id, received_at::float8 AS "receivedAt", via, file_name AS "fileName", batch_id AS "batchId", hall_id AS "hallId", code, problem, sha256 FROM quarantine ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return r.rows;
}
