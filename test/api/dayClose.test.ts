// The day's close through the real server with a fake clock: yesterday's waiting and called
// tickets become expired, the counter holding one is free again, and neither the counter's
// queue nor the call-next of today ever sees yesterday's tickets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hallDay, hallDayEnd } from '../../electron/core/numbering.js';
import { exportServiceOf } from '../../electron/server/export/index.js';
import { PAST_DAY_10H } from '../support/exportFixture.js';
import { api, login, startTestHall, staffToken, tempDir } from '../support/hall.js';

describe('day’s close', () => {
  it('expires yesterday’s queue at start-up and frees the counter', async () => {
    const tmp = tempDir();
    let now = PAST_DAY_10H;
    const clock = { now: () => now };
    let hall = await startTestHall({ dataDir: tmp.dir, clock });
    try {
      const staff = await staffToken(hall, 'wang');
      const issue = async () => (now += 1000, await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'zh' })).body.id;
      const first = await issue();
      const second = await issue();
      assert.equal((await api(hall.url, 'POST', '/api/counters/counter-3/open', staff, { languages: ['zh'] })).status, 200);
      const called = await api<{ ticket: { id: string } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff);
      assert.equal(called.body.ticket.id, first);
      await hall.server.close();

      // The next morning (midnight passed while the hall was off).
      now += 22 * 3600_000;
      hall = { ...hall, ...(await startTestHall({ dataDir: tmp.dir, clock })) };
      await exportServiceOf(hall.server.context)!.startup;
      // The same staff member logs in again the next morning.
      const staff2 = await login(hall.url, 'wang', 'staff-password');
      // Expired, and finished at the end of their own hall day (23:59:59.999 in Shanghai), not at
      // this morning's restart: their times never stretch into the next day (issue 19).
      const endOfDay = hallDayEnd(hallDay(PAST_DAY_10H, 'Asia/Shanghai'), 'Asia/Shanghai');
      assert.ok(endOfDay < now && endOfDay > PAST_DAY_10H);
      for (const id of [first, second]) {
        const t = (await api<{ state: string; finishedAt: string }>(hall.url, 'GET', `/api/tickets/${id}`, hall.adminToken)).body;
        assert.equal(t.state, 'expired');
        assert.equal(t.finishedAt, new Date(endOfDay).toISOString());
      }
      const counters = await api<{ id: string; currentTicketId: string | null }[]>(hall.url, 'GET', '/api/counters', staff2);
      assert.equal(counters.body.find((c) => c.id === 'counter-3')?.currentTicketId, null);
      assert.deepEqual((await api<unknown[]>(hall.url, 'GET', '/api/counters/counter-3/queue', staff2)).body, []);
      // Today's first ticket is the one called next, never yesterday's.
      const today = await issue();
      assert.equal((await api(hall.url, 'POST', '/api/counters/counter-3/open', staff2, { languages: ['zh'] })).status, 200);
      const next = await api<{ ticket: { id: string } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', staff2);
      assert.equal(next.body.ticket.id, today);
    } finally {
      await hall.server.close();
      tmp.remove();
    }
  });
});
