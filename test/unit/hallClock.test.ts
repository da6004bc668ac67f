// Times on the pages are the hall's local times whatever zone the browser runs in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHallTime, hallTimeZone, setHallTimeZone } from '../../renderer/shared/hallClock.js';
import { formatTime } from '../../renderer/admin/format.js';

const at = '2026-11-23T01:05:09Z'; // 09:05:09 in Shanghai

describe('hall clock', () => {
  it('formats in the zone given, not the process zone', () => {
    assert.equal(formatHallTime(at, {}, 'Asia/Shanghai'), '09:05');
    assert.equal(formatHallTime(at, { seconds: true }, 'Asia/Shanghai'), '09:05:09');
    assert.equal(formatHallTime(at, { date: true }, 'America/New_York'), '2026-11-22 20:05');
    assert.equal(formatHallTime(null), '—');
    assert.equal(formatHallTime('not a date', {}, 'Asia/Shanghai'), '—');
  });

  it('uses the zone the page recorded from GET /api/hall, and says UTC before it is known', () => {
    if (!hallTimeZone()) assert.equal(formatHallTime(at), '01:05Z');
    setHallTimeZone('Mars/Olympus'); // refused: not an IANA zone
    setHallTimeZone('Asia/Shanghai');
    assert.equal(hallTimeZone(), 'Asia/Shanghai');
    assert.equal(formatHallTime(at, { seconds: true }), '09:05:09');
    // The admin page's formatter follows it too when no zone is passed.
    assert.equal(formatTime(at), '\u20662026-11-23 09:05:09\u2069');
  });
});
