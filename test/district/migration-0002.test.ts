// District migration 0002 on a real embedded PostgreSQL: the per-service day and month roll-ups
// are filled from the daily roll-up already there (counts added, histograms added element-wise),
// and a load after it keeps all three tables in step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUCKETS } from '../../electron/core/district/rollup.js';
import { migrate } from '../../electron/district/db/migrations/index.js';
import { addRollup } from '../../electron/district/receive/loader.js';
import { embeddedDistrictDb } from '../support/district.js';

describe('district migration 0002', () => {
  const pgDb = embeddedDistrictDb('district-mig2-');

  it('fills the service roll-ups from the daily roll-up', async () => {
    await migrate(pgDb.db, 1);
    const hist = (i: number) => `{${Array.from({ length: BUCKETS }, (_, k) => (k === i ? 1 : 0)).join(',')}}`;
    for (const [day, counter, lang, b] of [['2026-11-02', 'c1', 'zh', 1], ['2026-11-02', 'c2', 'bo', 3], ['2026-11-20', 'c1', 'zh', 3]] as const) {
      await pgDb.db.query(
        `INSERT INTO daily_rollup VALUES ('h', $1, 's', $2, $3, 2, 1, 1, 100, 1, $4::integer[], 60, 1, 1, 5)`,
        [day, counter, lang, hist(b)],
      );
    }
    assert.equal(await migrate(pgDb.db), 1);
    const days = await pgDb.db.query<{ day: string; tickets: number; wait_hist: number[] }>("SELECT day::text AS day, tickets, wait_hist FROM rollup_service_day ORDER BY day");
    assert.deepEqual(days.rows.map((r) => [r.day, r.tickets, r.wait_hist[1], r.wait_hist[3]]), [['2026-11-02', 4, 1, 1], ['2026-11-20', 2, 0, 1]]);
    const month = (await pgDb.db.query<{ month: string; tickets: number; ratings: number; wait_hist: number[] }>('SELECT month::text AS month, tickets, ratings, wait_hist FROM rollup_service_month')).rows;
    assert.deepEqual(month.map((r) => [r.month, r.tickets, r.ratings, r.wait_hist[3]]), [['2026-11-01', 6, 3, 2]]);
  });

  it('a load adds to all three', async () => {
    const row = { day: '2026-11-20', serviceId: 's', counterId: 'c9', language: 'ug', tickets: 1, served: 1, noShows: 0, waitSum: 10, waitN: 1, waitHist: Array.from({ length: BUCKETS }, (_, k) => (k === 0 ? 1 : 0)), serviceSum: 5, serviceN: 1, ratings: 0, ratingSum: 0 };
    await pgDb.db.tx((c) => addRollup(c, 'h', [row]));
    const sum = async (t: string) => Number((await pgDb.db.query<{ n: string }>(`SELECT sum(tickets) AS n FROM ${t}`)).rows[0]!.n);
    assert.equal(await sum('daily_rollup'), 7);
    assert.equal(await sum('rollup_service_day'), 7);
    assert.equal(await sum('rollup_service_month'), 7);
  });
});
