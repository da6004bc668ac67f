// Coarser roll-ups for the reports: per hall, service and day, and per hall, service and
// month, kept beside daily_rollup by the loader (same transaction). A year report of 50 halls
// reads a few thousand month rows instead of a million day rows. Filled from daily_rollup here.
const HIST_SUM = (table: string, key: string) => `
  SELECT hall_id, ${key}, service_id, array_agg(s ORDER BY i) AS wait_hist FROM (
    SELECT hall_id, ${key}, service_id, i, sum(v)::integer AS s
      FROM ${table}, unnest(wait_hist) WITH ORDINALITY AS u(v, i) GROUP BY 1, 2, 3, 4) x
   GROUP BY 1, 2, 3`;

export const MIGRATION_0002 = `
CREATE TABLE rollup_service_day (
  hall_id text NOT NULL, day date NOT NULL, service_id text NOT NULL,
  tickets integer NOT NULL, served integer NOT NULL, no_shows integer NOT NULL,
  wait_sum double precision NOT NULL, wait_n integer NOT NULL, wait_hist integer[] NOT NULL,
  service_sum double precision NOT NULL, service_n integer NOT NULL, ratings integer NOT NULL, rating_sum integer NOT NULL,
  PRIMARY KEY (day, hall_id, service_id)
);
CREATE TABLE rollup_service_month (
  hall_id text NOT NULL, month date NOT NULL, service_id text NOT NULL,
  tickets integer NOT NULL, served integer NOT NULL, no_shows integer NOT NULL,
  wait_sum double precision NOT NULL, wait_n integer NOT NULL, wait_hist integer[] NOT NULL,
  service_sum double precision NOT NULL, service_n integer NOT NULL, ratings integer NOT NULL, rating_sum integer NOT NULL,
  PRIMARY KEY (month, hall_id, service_id)
);
CREATE TEMP TABLE d0002 ON COMMIT DROP AS SELECT *, date_trunc('month', day)::date AS month FROM daily_rollup;
INSERT INTO rollup_service_day
  SELECT s.hall_id, s.day, s.service_id, s.tickets, s.served, s.no_shows, s.wait_sum, s.wait_n, h.wait_hist, s.service_sum, s.service_n, s.ratings, s.rating_sum
    FROM (SELECT hall_id, day, service_id, sum(tickets) AS tickets, sum(served) AS served, sum(no_shows) AS no_shows, sum(wait_sum) AS wait_sum, sum(wait_n) AS wait_n,
                 sum(service_sum) AS service_sum, sum(service_n) AS service_n, sum(ratings) AS ratings, sum(rating_sum) AS rating_sum
            FROM d0002 GROUP BY 1, 2, 3) s
    JOIN (${HIST_SUM('d0002', 'day')}) h USING (hall_id, day, service_id);
INSERT INTO rollup_service_month
  SELECT s.hall_id, s.month, s.service_id, s.tickets, s.served, s.no_shows, s.wait_sum, s.wait_n, h.wait_hist, s.service_sum, s.service_n, s.ratings, s.rating_sum
    FROM (SELECT hall_id, month, service_id, sum(tickets) AS tickets, sum(served) AS served, sum(no_shows) AS no_shows, sum(wait_sum) AS wait_sum, sum(wait_n) AS wait_n,
                 sum(service_sum) AS service_sum, sum(service_n) AS service_n, sum(ratings) AS ratings, sum(rating_sum) AS rating_sum
            FROM d0002 GROUP BY 1, 2, 3) s
    JOIN (${HIST_SUM('d0002', 'month')}) h USING (hall_id, month, service_id);
`;
