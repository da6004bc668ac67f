// Weekly opening hours (migration 0080): per weekday, several periods, in the hall's time zone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WeeklyHours } from '../../electron/core/model.js';
import { areValidPeriods, hallWeekday, isClockTime, isOpenAt, periodsOn } from '../../electron/core/numbering.js';

// Monday 23 Nov 2026 and the following Saturday, at a given Shanghai (UTC+8) local time.
const shanghai = (day: number, hh: number, mm: number) => Date.UTC(2026, 10, day, hh - 8, mm);
const TZ = 'Asia/Shanghai';

const weekdays: WeeklyHours = {
  mon: [['08:30', '12:00'], ['14:00', '17:30']],
  tue: [['08:30', '12:00'], ['14:00', '17:30']],
  sat: [['09:00', '12:00']],
};

describe('weekly opening hours', () => {
  it('knows the hall-local weekday, also across the UTC date line', () => {
    assert.equal(hallWeekday(shanghai(23, 12, 0), TZ), 'mon');
    // 23:30 UTC on Sunday the 22nd is already Monday 07:30 in Shanghai.
    assert.equal(hallWeekday(Date.UTC(2026, 10, 22, 23, 30), TZ), 'mon');
    assert.equal(hallWeekday(Date.UTC(2026, 10, 22, 23, 30), 'UTC'), 'sun');
    assert.equal(hallWeekday(shanghai(28, 10, 0), TZ), 'sat');
  });

  it('opens per period of the weekday, [from, to)', () => {
    const s = { openFrom: '00:00', openTo: '24:00', hours: weekdays };
    assert.equal(isOpenAt(s, shanghai(23, 8, 29), TZ), false);
    assert.equal(isOpenAt(s, shanghai(23, 8, 30), TZ), true);
    assert.equal(isOpenAt(s, shanghai(23, 12, 0), TZ), false); // lunch
    assert.equal(isOpenAt(s, shanghai(23, 13, 59), TZ), false);
    assert.equal(isOpenAt(s, shanghai(23, 14, 0), TZ), true);
    assert.equal(isOpenAt(s, shanghai(23, 17, 30), TZ), false);
    assert.equal(isOpenAt(s, shanghai(28, 11, 0), TZ), true); // Saturday morning
    assert.equal(isOpenAt(s, shanghai(28, 14, 30), TZ), false); // Saturday afternoon: closed
    assert.equal(isOpenAt(s, shanghai(25, 10, 0), TZ), false); // Wednesday: not listed, closed
  });

  it('falls back to openFrom–openTo every day when a service has no weekly hours', () => {
    const s = { openFrom: '08:30', openTo: '17:30', hours: null };
    assert.equal(isOpenAt(s, shanghai(25, 10, 0), TZ), true);
    assert.equal(isOpenAt(s, shanghai(28, 18, 0), TZ), false);
    assert.deepEqual(periodsOn(s, 'sun'), [['08:30', '17:30']]);
    assert.deepEqual(periodsOn({ ...s, hours: weekdays }, 'mon'), weekdays.mon);
    assert.deepEqual(periodsOn({ ...s, hours: weekdays }, 'sun'), []);
  });

  it("applies the hall's own hours as an outer limit", () => {
    const s = { openFrom: '00:00', openTo: '24:00', hours: null };
    const hall: WeeklyHours = { mon: [['09:00', '17:00']] };
    assert.equal(isOpenAt(s, shanghai(23, 8, 30), TZ, hall), false);
    assert.equal(isOpenAt(s, shanghai(23, 9, 0), TZ, hall), true);
    assert.equal(isOpenAt(s, shanghai(24, 10, 0), TZ, hall), false); // Tuesday: hall closed
  });

  it('validates clock times and periods', () => {
    assert.equal(isClockTime('08:30'), true);
    assert.equal(isClockTime('24:00'), true);
    assert.equal(isClockTime('24:01'), false);
    assert.equal(isClockTime('8:30'), false);
    assert.equal(areValidPeriods([['08:30', '12:00'], ['14:00', '17:30']]), true);
    assert.equal(areValidPeriods([['12:00', '08:30']]), false);
    assert.equal(areValidPeriods([['08:00', '12:00'], ['11:00', '13:00']]), false);
    assert.equal(areValidPeriods([]), true);
  });
});
