// The pure statistics core on small hand-made data (the big comparison with SQL is in
// test/api/stats.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatsTicket } from '../../electron/core/stats.js';
import { computeStats, nearestRank, summarize, validRange } from '../../electron/core/stats.js';

const MIN = 60_000;
// 09:00 Shanghai on 23 Nov 2026.
const nine = Date.UTC(2026, 10, 23, 1, 0);
const t = (over: Partial<StatsTicket>): StatsTicket => ({
  serviceId: 'A',
  counterId: null,
  language: 'zh',
  state: 'issued',
  issuedAt: nine,
  firstCalledAt: null,
  startedAt: null,
  finishedAt: null,
  priority: false,
  ...over,
});

describe('statistics core', () => {
  it('takes the nearest-rank p90', () => {
    assert.equal(nearestRank([], 90), null);
    assert.equal(nearestRank([5], 90), 5);
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
    assert.deepEqual(summarize([2 * MIN, 4 * MIN]), { n: 2, meanMinutes: 3, p90Minutes: 4 });
  });

  it('counts per service, counter, hall-local hour and language', () => {
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
        t({ state: 'done', counterId: 'c1', firstCalledAt: nine + 10 * MIN, startedAt: nine + 11 * MIN, finishedAt: nine + 16 * MIN }),
        t({ state: 'no_show', counterId: 'c1', language: 'ug', issuedAt: nine + 70 * MIN, firstCalledAt: nine + 90 * MIN }),
        t({ serviceId: 'C', language: 'bo', priority: true }),
      ],
    });
    assert.deepEqual(
      s.byService.map((r) => [r.serviceId, r.tickets, r.done, r.noShow, r.open, r.priority]),
      [
        ['A', 2, 1, 1, 0, 0],
        ['B', 0, 0, 0, 0, 0],
        ['C', 1, 0, 0, 1, 1],
      ],
    );
    const a = s.byService[0]!;
    assert.deepEqual(a.wait, { n: 2, meanMinutes: 15, p90Minutes: 20 });
    assert.deepEqual(a.service, { n: 1, meanMinutes: 5, p90Minutes: 5 });
    assert.deepEqual(s.byCounter.map((c) => [c.counterId, c.tickets, c.done, c.noShow]), [['c1', 2, 1, 1]]);
    assert.equal(s.byHour[9]!.tickets, 2);
    assert.equal(s.byHour[10]!.tickets, 1);
    assert.equal(s.byHour.reduce((n, h) => n + h.tickets, 0), 3);
    assert.deepEqual(s.byLanguage, [
      { language: 'zh', tickets: 1 },
      { language: 'bo', tickets: 1 },
      { language: 'ug', tickets: 1 },
    ]);
    assert.deepEqual(s.byForm, [
      { formId: 'f1', submissions: 3 },
      { formId: 'f2', submissions: 1 },
    ]);
    assert.equal(s.totals.tickets, 3);
  });

  it('validates day ranges', () => {
    assert.equal(validRange('2026-11-01', '2026-11-30', 366), true);
    assert.equal(validRange('2026-11-30', '2026-11-01', 366), false);
    assert.equal(validRange('2026-02-29', '2026-03-01', 366), false); // 2026 is not a leap year
    assert.equal(validRange('2025-01-01', '2026-01-02', 366), false);
    assert.equal(validRange('2026-1-1', '2026-01-02', 366), false);
  });
});
