// The district office. (1) One night of 100 halls (3 000 tickets and 200 submissions each:
// 300 000 tickets, 20 000 submissions): signed, encrypted batches made first, then timed
// through the intake (verify, decrypt, check, load in one transaction each), peak RSS sampled.
// (2) A year of 50 halls generated straight into PostgreSQL as the per-service roll-ups the
// reports read (DISTRICT_BENCH_YEAR_TICKETS=1 also fills the ticket partitions, ≈55 M rows,
// which takes a long time), then month reports (p95) and the year report timed.
// Scale with DISTRICT_BENCH_HALLS (default 100) and DISTRICT_BENCH_YEAR_HALLS (default 50).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUCKETS } from '../electron/core/district/rollup.js';
import { report } from '../electron/district/sql/reports.js';
import { startTestDistrict } from '../test/support/district.js';
import { buildBatch, dayRecords, syntheticHall } from '../test/support/districtBatch.js';
import { api, tempDir } from '../test/support/hall.js';
import { summary } from './support.js';

const HALLS = Number(process.env.DISTRICT_BENCH_HALLS ?? 100);
const YEAR_HALLS = Number(process.env.DISTRICT_BENCH_YEAR_HALLS ?? 50);
const TICKETS = 3000;
const SUBMISSIONS = 200;

const tmp = tempDir('district-bench-');
chmodSync(tmp.dir, 0o711);
const district = await startTestDistrict({ dataDir: join(tmp.dir, 'district'), dropFolder: join(tmp.dir, 'drop') });
const out: Record<string, unknown> = { halls: HALLS, yearHalls: YEAR_HALLS };
try {
  // (1) One night.
  const key = await (await fetch(`${district.url}/api/district-key.asc`)).text();
  const dir = join(tmp.dir, 'batches');
  mkdirSync(dir);
  const files: { file: string; id: string }[] = [];
  for (let h = 0; h < HALLS; h++) {
    const hall = await syntheticHall(`bench-hall-${h}`);
    const r = await api(district.url, 'POST', '/api/halls', district.adminToken, { id: hall.id, names: { zh: `大厅${h}`, bo: 'ཚོམ་ཆེན', ug: 'زال' }, publicKey: hall.publicArmored });
    if (r.status !== 201) throw new Error(`enrol ${r.status}`);
    const id = `night-${h}`;
    const file = join(dir, `${id}.gpg`);
    writeFileSync(file, await buildBatch(hall, key, dayRecords(hall.id, '2026-11-20', TICKETS, SUBMISSIONS), { batchId: id }));
    files.push({ file, id });
  }
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const perBatch: number[] = [];
  for (const f of files) {
    const t = performance.now();
    const r = await district.server.intake.receive(f.file, 'folder', `${f.id}.gpg`, f.id);
    if (r.outcome !== 'loaded') throw new Error(`${f.id}: ${r.outcome}`);
    perBatch.push(performance.now() - t);
  }
  const nightMs = performance.now() - t0;
  clearInterval(sampler);
  const held = await district.server.db.query<{ t: string; s: string }>('SELECT (SELECT count(*) FROM tickets) AS t, (SELECT count(*) FROM submissions) AS s');
  out.night = {
    batches: files.length, tickets: Number(held.rows[0]!.t), submissions: Number(held.rows[0]!.s), totalMs: Math.round(nightMs), target: '≤ 60 000 ms for 100 halls',
    perBatchMs: summary(perBatch), rssBeforeMb: Math.round(rssBefore / 2 ** 20), rssPeakMb: Math.round(peak / 2 ** 20),
  };

  // (2) A year of YEAR_HALLS halls, straight into PostgreSQL.
  const db = district.server.db;
  const g0 = performance.now();
  const hist = `ARRAY(SELECT (CASE WHEN b < 60 THEN 40 + ((h * 7 + b) % 9) ELSE 0 END)::integer FROM generate_series(0, ${BUCKETS - 1}) AS b)`;
  await db.query('DELETE FROM rollup_service_day');
  await db.query('DELETE FROM rollup_service_month');
  await db.query(
    `INSERT INTO rollup_service_day (hall_id, day, service_id, tickets, served, no_shows, wait_sum, wait_n, wait_hist, service_sum, service_n, ratings, rating_sum)
     SELECT 'year-hall-' || h, d::date, 'service-' || s, 750, 640, 40, 750 * 600.0, 700, ${hist}, 640 * 300.0, 640, 160, 160 * 4
       FROM generate_series(1, $1) AS h, generate_series('2025-01-01'::date, '2025-12-31'::date, '1 day') AS d, generate_series(1, 4) AS s`,
    [YEAR_HALLS],
  );
  await db.query(
    `INSERT INTO rollup_service_month (hall_id, month, service_id, tickets, served, no_shows, wait_sum, wait_n, wait_hist, service_sum, service_n, ratings, rating_sum)
     SELECT s.hall_id, s.month, s.service_id, s.tickets, s.served, s.no_shows, s.wait_sum, s.wait_n, h.hist, s.service_sum, s.service_n, s.ratings, s.rating_sum
       FROM (SELECT hall_id, date_trunc('month', day)::date AS month, service_id, sum(tickets) AS tickets, sum(served) AS served, sum(no_shows) AS no_shows,
                    sum(wait_sum) AS wait_sum, sum(wait_n) AS wait_n, sum(service_sum) AS service_sum, sum(service_n) AS service_n, sum(ratings) AS ratings, sum(rating_sum) AS rating_sum
               FROM rollup_service_day GROUP BY 1, 2, 3) s
       JOIN (SELECT hall_id, month, service_id, array_agg(x ORDER BY i) AS hist FROM (
               SELECT hall_id, date_trunc('month', day)::date AS month, service_id, i, sum(v)::integer AS x
                 FROM rollup_service_day, unnest(wait_hist) WITH ORDINALITY AS u(v, i) GROUP BY 1, 2, 3, 4) y GROUP BY 1, 2, 3) h
       USING (hall_id, month, service_id)`,
  );
  if (process.env.DISTRICT_BENCH_YEAR_TICKETS === '1') {
    for (let m = 1; m <= 12; m++) {
      const month = `2025-${String(m).padStart(2, '0')}`;
      await db.query(`CREATE TABLE IF NOT EXISTS tickets_${month.replace('-', '_')} PARTITION OF tickets FOR VALUES FROM ('${month}-01') TO (('${month}-01'::date + interval '1 month')::date)`);
      await db.query(
        `INSERT INTO tickets (hall_id, day, id, batch_id, code, service_id, issued_service_id, language, priority, state, call_count, issued_at, first_called_at)
         SELECT 'year-hall-' || h, d::date, 't' || i, 'gen', 'A' || i, 'service-' || (i % 4 + 1), 'service-' || (i % 4 + 1), 'zh', false, 'done', 1, 0, 600000
           FROM generate_series(1, $1) AS h, generate_series('${month}-01'::date, ('${month}-01'::date + interval '1 month' - interval '1 day')::date, '1 day') AS d, generate_series(1, 3000) AS i`,
        [YEAR_HALLS],
      );
    }
  }
  await db.query('ANALYZE');
  const generateMs = Math.round(performance.now() - g0);
  const monthMs: number[] = [];
  for (let i = 0; i < 24; i++) {
    const m = String((i % 12) + 1).padStart(2, '0');
    const last = new Date(Date.UTC(2025, (i % 12) + 1, 0)).getUTCDate();
    const t = performance.now();
    const lines = await report(db.pool, `2025-${m}-01`, `2025-${m}-${last}`, null);
    monthMs.push(performance.now() - t);
    if (lines.length !== YEAR_HALLS * 4) throw new Error(`month report has ${lines.length} lines`);
  }
  const yearMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await report(db.pool, '2025-01-01', '2025-12-31', null);
    yearMs.push(performance.now() - t);
  }
  // An odd range: half months at both ends, read from the day roll-up.
  const oddMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await report(db.pool, '2025-01-15', '2025-12-14', null);
    oddMs.push(performance.now() - t);
  }
  // The HTTP path of one month report, as the page asks it.
  const httpMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const r = await api(district.url, 'GET', '/api/report?from=2025-03-01&to=2025-03-31', district.adminToken);
    if (r.status !== 200) throw new Error(`report ${r.status}`);
    httpMs.push(performance.now() - t);
  }
  out.year = {
    generatedMs: generateMs, ticketsGenerated: process.env.DISTRICT_BENCH_YEAR_TICKETS === '1', monthReportMs: summary(monthMs), yearReportMs: summary(yearMs),
    halfMonthsYearReportMs: summary(oddMs), monthReportHttpMs: summary(httpMs), target: 'month p95 ≤ 500 ms, year ≤ 2 000 ms',
  };
} finally {
  await district.stop();
  tmp.remove();
}
console.log(JSON.stringify(out));
