// The Contract report: per hall and service over a day range, read from the daily roll-up
// only (never the ticket partitions), merged by the pure core/district/rollup.ts.
import { figuresOf, type Mergeable, type ReportFigures } from '../../core/district/rollup.js';
import type { Sql } from '../db/database.js';

export interface ReportLine extends ReportFigures {
  hallId: string;
  serviceId: string;
}

export async function report(c: Sql, from: string, to: string, hallId: string | null): Promise<ReportLine[]> {
  // Histograms are added in SQL (one array per hall and service), the rest summed.
  const r = await c.query<{ hall_id: string; service_id: string; tickets: string; served: string; no_shows: string; wait_sum: number; wait_n: string; service_sum: number; service_n: string; ratings: string; rating_sum: string; hist: number[] }>(
    `WITH g AS (
       SELECT hall_id, service_id, sum(tickets) AS tickets, sum(served) AS served, sum(no_shows) AS no_shows, sum(wait_sum) AS wait_sum,
              sum(wait_n) AS wait_n, sum(service_sum) AS service_sum, sum(service_n) AS service_n, sum(ratings) AS ratings, sum(rating_sum) AS rating_sum
         FROM daily_rollup WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3)
        GROUP BY hall_id, service_id),
     h AS (
       SELECT hall_id, service_id, array_agg(s ORDER BY i) AS hist FROM (
         SELECT hall_id, service_id, i, sum(v)::integer AS s
           FROM daily_rollup, unnest(wait_hist) WITH ORDINALITY AS u(v, i)
          WHERE day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR hall_id = $3) AND wait_n > 0
          GROUP BY hall_id, service_id, i) x
        GROUP BY hall_id, service_id)
     SELECT g.*, h.hist FROM g LEFT JOIN h USING (hall_id, service_id) ORDER BY g.hall_id, g.service_id`,
    [from, to, hallId],
  );
  return r.rows.map((x) => {
    const m: Mergeable = {
      tickets: Number(x.tickets), served: Number(x.served), noShows: Number(x.no_shows), waitSum: Number(x.wait_sum), waitN: Number(x.wait_n),
      waitHist: x.hist ?? [], serviceSum: Number(x.service_sum), serviceN: Number(x.service_n), ratings: Number(x.ratings), ratingSum: Number(x.rating_sum),
    };
    return { hallId: x.hall_id, serviceId: x.service_id, ...figuresOf([m]) };
  });
}

export async function quarantineList(c: Sql, limit: number): Promise<unknown[]> {
  const r = await c.query(
    'SELECT id::text AS id, received_at::float8 AS "receivedAt", via, file_name AS "fileName", batch_id AS "batchId", hall_id AS "hallId", code, problem, sha256 FROM quarantine ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return r.rows;
}
