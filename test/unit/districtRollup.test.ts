// The district's pure roll-up: waits, served, no-shows, ratings, the histogram p90 and lateness.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DailyRollup, figuresOf, histogramP90, isLate, waitBucket, WAIT_EDGES } from '../../electron/core/district/rollup.js';

describe('district roll-up', () => {
  it('counts tickets, served, no-shows, waits and ratings; tolerates added fields', () => {
    const r = new DailyRollup();
    const t = { day: '2026-11-20', serviceId: 's', counterId: 'c', language: 'zh', issuedAt: 0, startedAt: null, finishedAt: null };
    r.addTicket({ ...t, state: 'done', firstCalledAt: 60_000, startedAt: 60_000, finishedAt: 360_000, totalCalls: 3 } as Parameters<DailyRollup['addTicket']>[0]);
    r.addTicket({ ...t, state: 'no_show', firstCalledAt: 120_000 });
    r.addTicket({ ...t, state: 'expired', firstCalledAt: null });
    r.addRating({ day: '2026-11-20', serviceId: 's', counterId: 'c', score: 4 });
    r.addRating({ day: '2026-11-20', serviceId: 's', counterId: 'c', score: 1 });
    const f = figuresOf(r.result());
    assert.deepEqual(
      { tickets: f.tickets, served: f.served, noShows: f.noShows, wait: f.waitMeanSeconds, service: f.serviceMeanSeconds, ratings: f.ratings, mean: f.ratingMean },
      { tickets: 3, served: 1, noShows: 1, wait: 90, service: 300, ratings: 2, mean: 2.5 },
    );
    assert.equal(f.waitP90Seconds, 150);
  });

  it('the p90 is the upper edge of the nearest-rank bucket', () => {
    assert.equal(waitBucket(0), 0);
    assert.equal(waitBucket(29.9), 0);
    assert.equal(waitBucket(30), 1);
    assert.equal(waitBucket(1e9), WAIT_EDGES.length);
    const hist = new Array<number>(WAIT_EDGES.length + 1).fill(0);
    hist[0] = 9;
    hist[10] = 1;
    assert.equal(histogramP90(hist), 30);
    hist[10] = 2;
    assert.equal(histogramP90(hist), WAIT_EDGES[10]);
    assert.equal(histogramP90(new Array<number>(3).fill(0)), null);
  });

  it('a hall is late when the last expected batch did not come within the grace period', () => {
    const H = 3_600_000;
    const day = Date.UTC(2026, 10, 21);
    // Expected at 18:00 UTC, 6 h grace: at 23:00 on the 21st the due one is the 20th's.
    const at23 = day + 23 * H;
    assert.equal(isLate(day - 6 * H + 10 * 60_000, at23, 18, 6), false);
    assert.equal(isLate(day - 30 * H, at23, 18, 6), true);
    assert.equal(isLate(null, at23, 18, 6), true);
    // At 00:30 on the 22nd the 21st's batch is due.
    assert.equal(isLate(day - 6 * H + 10 * 60_000, day + 24.5 * H, 18, 6), true);
    assert.equal(isLate(day + 18 * H + 60_000, day + 24.5 * H, 18, 6), false);
  });
});

describe('report ranges', () => {
  it('whole months and the days around them', async () => {
    const { splitRange } = await import('../../electron/core/district/rollup.js');
    assert.deepEqual(splitRange('2026-01-01', '2026-12-31'), { months: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'], dayRanges: [] });
    assert.deepEqual(splitRange('2026-01-15', '2026-03-02'), { months: ['2026-02-01'], dayRanges: [['2026-01-15', '2026-01-31'], ['2026-03-01', '2026-03-02']] });
    assert.deepEqual(splitRange('2026-11-11', '2026-11-11'), { months: [], dayRanges: [['2026-11-11', '2026-11-11']] });
    assert.deepEqual(splitRange('2024-02-01', '2024-02-29'), { months: ['2024-02-01'], dayRanges: [] });
  });
});

describe('district roll-up follows the hall definitions', () => {
  it('tickets count the service taken for, outcomes the final service; wait is the total wait when the batch has it', () => {
    const r = new DailyRollup();
    const base = { day: '2026-11-20', counterId: 'c', language: 'zh', issuedAt: 0, startedAt: 400_000, finishedAt: 460_000 };
    // Taken for A, transferred to B, waited 60 s + 90 s in two queues.
    r.addTicket({ ...base, serviceId: 'B', issuedServiceId: 'A', state: 'done', firstCalledAt: 60_000, waitMs: 150_000 });
    // An old batch: no issuedServiceId, no waitMs: wait is first call − issue.
    r.addTicket({ ...base, serviceId: 'B', state: 'done', firstCalledAt: 30_000 });
    const rows = r.result();
    const a = figuresOf(rows.filter((x) => x.serviceId === 'A'));
    const b = figuresOf(rows.filter((x) => x.serviceId === 'B'));
    assert.deepEqual({ tickets: a.tickets, served: a.served }, { tickets: 1, served: 0 });
    assert.deepEqual({ tickets: b.tickets, served: b.served, wait: b.waitMeanSeconds }, { tickets: 1, served: 2, wait: 90 });
  });
});
