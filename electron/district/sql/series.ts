// The page's day/week/month view across halls, from the daily roll-up: per period and hall,
// tickets, served, no-shows, waits and 好差评; and the open low-rating follow-ups per hall.
import { figuresOf, type ReportFigures } from '../../core/district/rollup.js';
import type { Sql } from '../db/database.js';

export type Period = 'day' | 'week' | 'month';

export interface SeriesPoint extends ReportFigures {
  period: string;
  hallId: string;
}

export async function series(c: Sql, from: string, to: string, by: Period, hallId: string | null): Promise<SeriesPoint[]> {
  const r = await c.query<{ period: string; hall_id: string; tickets: string; served: string; no_shows: string; wait_sum: number; wait_n: string; wait_hist: number[]; service_sum: number; service_n: string; ratings: string; rating_sum: string }>(
    `SELECT to_char(date_trunc($4, day), 'YYYY-MM-DD') AS period, hall_id, tickets, served, no_shows, wait_sum, wait_n, wait_hist, service_sum, service_n, ratings, rating_sum
       FROM rollup_service_day WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3)`,
    [from, to, hallId, by],
  );
  const groups = new Map<string, { period: string; hallId: string; rows: Parameters<typeof figuresOf>[0][number][] }>();
  for (const x of r.rows) {
    const k = `${x.period}\u0000${x.hall_id}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { period: x.period, hallId: x.hall_id, rows: [] }));
    g.rows.push({
      tickets: Number(x.tickets), served: Number(x.served), noShows: Number(x.no_shows), waitSum: Number(x.wait_sum), waitN: Number(x.wait_n), waitHist: x.wait_hist,
      serviceSum: Number(x.service_sum), serviceN: Number(x.service_n), ratings: Number(x.ratings), ratingSum: Number(x.rating_sum),
    });
  }
  return [...groups.values()]
    .map((g) => ({ period: g.period, hallId: g.hallId, ...figuresOf(g.rows) }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.hallId < b.hallId ? -1 : 1));
}

export interface OpenFollowup {
  hallId: string;
  id: string;
  ratingId: string;
  serviceId: string | null;
  score: number | null;
  openedAt: number;
}

export async function openFollowups(c: Sql, hallId: string | null): Promise<OpenFollowup[]> {
  const r = await c.query<{ hall_id: string; id: string; rating_id: string; service_id: string | null; score: number | null; opened_at: string }>(
    `SELECT f.hall_id, f.id, f.rating_id, r.service_id, r.score, f.opened_at FROM rating_followups f
       LEFT JOIN ratings r ON r.hall_id = f.hall_id AND r.id = f.rating_id
      WHERE f.closed_at IS NULL AND ($1::text IS NULL OR f.hall_id = $1) ORDER BY f.opened_at LIMIT 1000`,
    [hallId],
  );
  return r.rows.map((x) => ({ hallId: x.hall_id, id: x.id, ratingId: x.rating_id, serviceId: x.service_id, score: x.score, openedAt: Number(x.opened_at) }));
}
