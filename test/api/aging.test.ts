// The ageing limit end to end: tickets issued through the kiosk API, a zh-only counter calling
// through the counter API, a settable clock. A ug ticket is passed over while fresher zh
// tickets wait, and called by the zh-only counter once it has waited past the limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';

const MIN = 60_000;
// 10:00 in Shanghai on a weekday, so every demo service is open.
let now = Date.UTC(2026, 10, 23, 2, 0);
let hall: TestHall;
let staff: string;

before(async () => {
  hall = await startTestHall({ clock: { now: () => now } });
  staff = await staffToken(hall, 'aging-clerk');
  // Counter 1 serves social-insurance and enquiries; its clerk speaks Chinese only.
  assert.equal((await api(hall.url, 'POST', '/api/counters/counter-1/open', staff, { languages: ['zh'] })).status, 200);
});
after(() => hall.stop());

async function issue(language: string): Promise<string> {
  const r = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'enquiries', language });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function callNextAndFinish(): Promise<string> {
  const r = await api<{ ticket: { id: string } }>(hall.url, 'POST', '/api/counters/counter-1/call-next', staff, {});
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const id = r.body.ticket.id;
  assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/start`, staff, {})).status, 200);
  assert.equal((await api(hall.url, 'POST', `/api/tickets/${id}/finish`, staff, {})).status, 200);
  return id;
}

describe('ageing limit through the API', () => {
  it('calls a ug ticket at a zh-only counter only once it waited past the limit', async () => {
    const ug = await issue('ug');
    now += 5 * MIN;
    const zh1 = await issue('zh');
    now += 1 * MIN;
    const zh2 = await issue('zh');

    // At 12 minutes the ug ticket is fresh: the zh-only counter takes the zh tickets first.
    now += 6 * MIN;
    assert.equal(await callNextAndFinish(), zh1);
    // The queue the counter sees has the zh ticket first as well.
    const queue = await api<{ id: string }[]>(hall.url, 'GET', '/api/counters/counter-1/queue', staff);
    assert.deepEqual(queue.body.map((t) => t.id), [zh2, ug]);

    // At 20 minutes (the default limit) the ug ticket is aged and goes before zh2.
    now += 8 * MIN;
    const aged = await api<{ id: string }[]>(hall.url, 'GET', '/api/counters/counter-1/queue', staff);
    assert.deepEqual(aged.body.map((t) => t.id), [ug, zh2]);
    assert.equal(await callNextAndFinish(), ug);
    assert.equal(await callNextAndFinish(), zh2);
  });

  it('follows the limit set on the admin page', async () => {
    assert.equal((await api(hall.url, 'PATCH', '/api/hall/policy', hall.adminToken, { agingMinutes: 45 })).status, 200);
    const ug = await issue('ug');
    now += 30 * MIN;
    const zh = await issue('zh');
    // 30 minutes: aged under the default 20, not under the new 45.
    assert.equal(await callNextAndFinish(), zh);
    now += 15 * MIN;
    const zh2 = await issue('zh');
    assert.equal(await callNextAndFinish(), ug, 'at 45 minutes the ug ticket goes first');
    assert.equal(await callNextAndFinish(), zh2);
  });
});
