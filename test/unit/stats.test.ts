// The pure statistics core (core/statistics/figures.ts) on small hand-made data; the
// four-way comparison (API, page, workbook, export) is in test/api/statsDefinitions.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hallDayEnd } from '../../electron/core/numbering.js';
import { nearestRank, seconds, type StatTicket } from '../../electron/core/statistics/figures.js';
import { computeStats, validRange } from '../../electron/core/stats.js';

const MIN = 60_000;
// 09:00 Shanghai on 23 Nov 2026.
const nine = Date.UTC(2026, 10, 23, 1, 0);
const t = (over: Partial<StatTicket>): StatTicket => ({
  day: '2026-11-23',
  serviceId: 'A',
  issuedServiceId: over.serviceId ?? 'A',
  counterId: null,
  language: 'zh',
  state: 'issued',
  issuedAt: nine,
  firstCalledAt: null,
  startedAt: null,
  finishedAt: null,
  priority: false,
  callCount: 0,
  waitMs: 0,
  clockSteps: 0,
  ...over,
});

describe('statistics core', () => {
  it('takes the nearest-rank p90 and rounds seconds once, to 0.1 s half up', () => {
    assert.equal(nearestRank([], 90), null);
    assert.equal(nearestRank([5], 90), 5);
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
    assert.deepEqual([seconds(1_249), seconds(1_250), seconds(0)], [1.2, 1.3, 0]);
  });

  it('counts per service (taken for and served as), counter, hall-local hour and language', () => {
    const s = computeStats({
      from: '2026-11-23',
      to: '2026-11-23',
      timeZone: 'Asia/Shanghai',
      serviceOrder: ['A', 'B'],
      counterOrder: ['c1'],
      submissions: [
        { formId: 'f2', count: 1 },
        { formId: 'f1', count: 3 },
      ],
      tickets: [
        t({ state: 'done', counterId: 'c1', callCount: 1, waitMs: 10 * MIN, firstCalledAt: nine + 10 * MIN, startedAt: nine + 11 * MIN, finishedAt: nine + 16 * MIN }),
        t({ state: 'no_show', counterId: 'c1', language: 'ug', callCount: 2, waitMs: 20 * MIN, issuedAt: nine + 70 * MIN, firstCalledAt: nine + 90 * MIN }),
        t({ serviceId: 'C', language: 'bo', priority: true }),
        // Taken for B, transferred to A and waiting there.
        t({ serviceId: 'A', issuedServiceId: 'B', state: 'transferred', callCount: 1, waitMs: 2 * MIN, firstCalledAt: nine + 2 * MIN }),
      ],
    });
    assert.deepEqual(
      s.byService.map((r) => [r.serviceId, r.taken, r.servedAs, r.served, r.noShow, r.waiting, r.priority, r.calls]),
      [
        ['A', 2, 3, 1, 1, 1, 0, 4],
        ['B', 1, 0, 0, 0, 0, 0, 0],
        ['C', 1, 1, 0, 0, 1, 1, 0],
      ],
    );
    const a = s.byService[0]!;
    assert.deepEqual([a.waitMeanSeconds, a.waitP90Seconds, a.firstCallMeanSeconds], [(10 + 20 + 2) * 20, 1200, (10 + 20 + 2) * 20]);
    assert.deepEqual([a.serviceMeanSeconds, a.serviceP90Seconds], [300, 300]);
    assert.deepEqual(s.byCounter.map((c) => [c.counterId, c.taken, c.served, c.noShow]), [['c1', 2, 1, 1]]);
    assert.equal(s.byHour[9]!.taken, 3);
    assert.equal(s.byHour[10]!.taken, 1);
    assert.equal(s.byHour.reduce((n, h) => n + h.taken, 0), 4);
    assert.deepEqual(s.byLanguage.map((l) => [l.language, l.taken]), [['zh', 2], ['bo', 1], ['ug', 1]]);
    assert.deepEqual(s.byForm, [
      { formId: 'f1', submissions: 3 },
      { formId: 'f2', submissions: 1 },
    ]);
    assert.deepEqual([s.totals.taken, s.totals.servedAs], [4, 4]);
    assert.deepEqual(s.byDay.map((d) => [d.day, d.taken]), [['2026-11-23', 4]]);
  });

  it('clamps a clock that stepped back to 0 and counts the ticket', () => {
    const s = computeStats({
      from: '2026-11-23', to: '2026-11-23', timeZone: 'UTC', submissions: [],
      tickets: [
        t({ state: 'done', callCount: 1, firstCalledAt: nine - MIN, startedAt: nine + MIN, finishedAt: nine, waitMs: 0, clockSteps: 1 }),
        t({ state: 'done', callCount: 1, firstCalledAt: nine + MIN, startedAt: nine + MIN, finishedAt: nine + 2 * MIN, waitMs: MIN }),
      ],
    });
    assert.deepEqual([s.totals.clockSteps, s.totals.firstCallMeanSeconds, s.totals.serviceMeanSeconds, s.totals.waitMeanSeconds], [1, 30, 30, 30]);
  });

  it("finds the end of a hall's day in its time zone", () => {
    assert.equal(new Date(hallDayEnd('2026-11-23', 'Asia/Shanghai')).toISOString(), '2026-11-23T15:59:59.999Z');
    assert.equal(new Date(hallDayEnd('2026-11-23', 'UTC')).toISOString(), '2026-11-23T23:59:59.999Z');
    // A day that loses an hour to daylight saving.
    assert.equal(new Date(hallDayEnd('2026-03-29', 'Europe/Berlin')).toISOString(), '2026-03-29T21:59:59.999Z');
  });

  it('validates day ranges', () => {
    assert.equal(validRange('2026-11-01', '2026-11-30', 366), true);
    assert.equal(validRange('2026-11-30', '2026-11-01', 366), false);
    assert.equal(validRange('2026-02-29', '2026-03-01', 366), false); // 2026 is not a leap year
    assert.equal(validRange('2025-01-01', '2026-01-02', 366), false);
    assert.equal(validRange('2026-1-1', '2026-01-02', 366), false);
  });
});
