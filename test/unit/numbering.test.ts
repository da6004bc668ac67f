import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCode, hallDay, hallTime, isOpenAt, isValidTimeZone, nextNumber } from '../../electron/core/numbering.js';
import { estimateWaitMinutes, serviceMinutes } from '../../electron/core/waitEstimate.js';

describe('numbering', () => {
  it('formats prefix + 3 digits', () => {
    assert.equal(formatCode('A', 1), 'A001');
    assert.equal(formatCode('C', 42), 'C042');
    assert.equal(formatCode('B', 999), 'B999');
  });

  it('restarts at the hall-local midnight (Asia/Shanghai is UTC+8)', () => {
    const beforeMidnight = Date.UTC(2026, 10, 23, 15, 59, 59); // 23:59:59 in Shanghai
    const afterMidnight = Date.UTC(2026, 10, 23, 16, 0, 0); // 00:00 next day in Shanghai
    assert.equal(hallDay(beforeMidnight, 'Asia/Shanghai'), '2026-11-23');
    assert.equal(hallDay(afterMidnight, 'Asia/Shanghai'), '2026-11-24');
    assert.equal(hallDay(afterMidnight, 'UTC'), '2026-11-23');
    assert.equal(hallTime(afterMidnight, 'Asia/Shanghai'), '00:00');
    // Xinjiang time, used by some Uyghur-speaking halls, is UTC+6.
    assert.equal(hallDay(afterMidnight, 'Asia/Urumqi'), '2026-11-23');
  });

  it('hands out the next number and refuses past the range', () => {
    const s = { prefix: 'A', numberFrom: 1, numberTo: 3 };
    assert.equal(nextNumber(s, null), 1);
    assert.equal(nextNumber(s, 2), 3);
    assert.throws(() => nextNumber(s, 3), /all of today's numbers/);
    assert.equal(nextNumber({ prefix: 'B', numberFrom: 100, numberTo: 199 }, null), 100);
  });

  it('knows opening hours in the hall time zone', () => {
    const s = { openFrom: '08:30', openTo: '17:30' };
    assert.equal(isOpenAt(s, Date.UTC(2026, 10, 23, 0, 29), 'Asia/Shanghai'), false); // 08:29
    assert.equal(isOpenAt(s, Date.UTC(2026, 10, 23, 0, 30), 'Asia/Shanghai'), true); // 08:30
    assert.equal(isOpenAt(s, Date.UTC(2026, 10, 23, 9, 30), 'Asia/Shanghai'), false); // 17:30
    assert.equal(isOpenAt({ openFrom: '00:00', openTo: '24:00' }, Date.UTC(2026, 10, 23, 15, 59), 'Asia/Shanghai'), true);
  });

  it('validates time zone names', () => {
    assert.equal(isValidTimeZone('Asia/Shanghai'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
  });
});

describe('wait estimate', () => {
  it('uses the configured average until live service times exist', () => {
    assert.equal(serviceMinutes([], 8), 8);
    assert.equal(estimateWaitMinutes({ ahead: 3, recentDurations: [], averageMinutes: 8, openCounters: 1 }), 24);
  });

  it('uses live durations and spreads over open counters', () => {
    const fiveMinutes = 5 * 60_000;
    assert.equal(estimateWaitMinutes({ ahead: 4, recentDurations: [fiveMinutes, fiveMinutes], averageMinutes: 30, openCounters: 2 }), 10);
  });

  it('is zero with nobody ahead and at least a minute otherwise', () => {
    assert.equal(estimateWaitMinutes({ ahead: 0, recentDurations: [], averageMinutes: 10, openCounters: 1 }), 0);
    assert.equal(estimateWaitMinutes({ ahead: 1, recentDurations: [1000], averageMinutes: 10, openCounters: 3 }), 1);
  });
});
